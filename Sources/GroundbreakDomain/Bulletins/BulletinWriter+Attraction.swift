import Foundation

/// The month's 招商 as the 招商动态 prints it (seed 003: the office "每月发布招商动态"): already read,
/// already named.
public struct AttractionMonth: Sendable, Equatable {
    public struct Signing: Sendable, Equatable {
        public var unit: String
        public var title: String
        public var investor: String
        public var signing: LeadSigning

        public init(unit: String, title: String, investor: String, signing: LeadSigning) {
            self.unit = unit
            self.title = title
            self.investor = investor
            self.signing = signing
        }
    }

    public struct ActivityLine: Sendable, Equatable {
        public var day: Day
        public var unit: String
        public var kind: String
        public var title: String

        public init(day: Day, unit: String, kind: String, title: String) {
            self.day = day
            self.unit = unit
            self.kind = kind
            self.title = title
        }
    }

    public struct UnitLine: Sendable, Equatable {
        public var unit: String
        public var activities: Int
        public var signings: Int
        public var signedAmount: Money
        public var domesticYearToDate: Money

        public init(unit: String, activities: Int, signings: Int, signedAmount: Money, domesticYearToDate: Money) {
            self.unit = unit
            self.activities = activities
            self.signings = signings
            self.signedAmount = signedAmount
            self.domesticYearToDate = domesticYearToDate
        }
    }

    public var newLeads: Int
    public var registered: Int
    public var sited: Int
    public var signings: [Signing]
    public var activities: [ActivityLine]
    public var units: [UnitLine]
    /// Funds year to date through the month, all units together.
    public var funds: FundsFigures

    public init(newLeads: Int, registered: Int, sited: Int, signings: [Signing], activities: [ActivityLine], units: [UnitLine], funds: FundsFigures) {
        self.newLeads = newLeads
        self.registered = registered
        self.sited = sited
        self.signings = signings
        self.activities = activities
        self.units = units
        self.funds = funds
    }
}

extension BulletinWriter {
    typealias A = BulletinText.Attraction

    /// 招商动态: the month in numbers (new leads, signings by 内资/外资, registrations, sitings, funds
    /// year to date with growth), the activities, the signings, each unit's line with those short
    /// of an activity or a signing named, and the requirements.
    public static func attraction(month: Month, figures: AttractionMonth, rules: BulletinRules) -> (title: String, sections: [BulletinSection]) {
        let domestic = figures.signings.filter { $0.signing.capital == .domestic }.reduce(Money.zero) { $0 + $1.signing.amount }
        let foreign = figures.signings.filter { $0.signing.capital == .foreign }.reduce(Money.zero) { $0 + $1.signing.amount }
        let overview = A.overview(month.label, figures.newLeads, figures.signings.count, StatisticsText.amount(domestic + foreign), StatisticsText.amount(domestic),
                                  StatisticsText.amount(foreign), figures.registered, figures.sited)
        let funds = A.funds(StatisticsText.amount(figures.funds.domestic), figures.funds.domesticGrowth, StatisticsText.amount(figures.funds.foreign),
                            figures.funds.foreignGrowth)
        let activityTable = BulletinTable(columns: [T.serial, A.day, T.unit, A.kind, A.title], rows: figures.activities.enumerated().map { index, line in
            [String(index + 1), line.day.chinese, line.unit, line.kind, line.title]
        })
        let signingTable = BulletinTable(columns: [T.serial, T.unit, T.project, A.investor, A.amount, A.contract], rows: figures.signings.enumerated().map { index, line in
            [String(index + 1), line.unit, line.title, line.investor, line.signing.amount.formatted(in: .wan, decimals: 0),
             LeadText.contract(line.signing.contract) + "，" + LeadText.capital(line.signing.capital)]
        })
        let unitTable = BulletinTable(columns: [T.serial, T.unit, A.activities, A.signingsColumn, A.amount, A.domesticYTD], rows: figures.units.enumerated().map { index, line in
            [String(index + 1), line.unit, String(line.activities), String(line.signings), line.signedAmount.formatted(in: .wan, decimals: 0),
             line.domesticYearToDate.formatted(in: .wan, decimals: 0)]
        })
        let short = figures.units.filter { $0.activities == 0 || $0.signings == 0 }.map(\.unit)
        let sections = [
            BulletinSection(heading: T.heading(0, T.overall), paragraphs: [overview, funds]),
            BulletinSection(heading: T.heading(1, A.activitiesHeading), paragraphs: [figures.activities.isEmpty ? A.noActivities : A.activitiesLine(figures.activities.count)],
                            table: figures.activities.isEmpty ? nil : activityTable),
            BulletinSection(heading: T.heading(2, A.signingsHeading), paragraphs: [figures.signings.isEmpty ? A.noSignings : A.signingsLine(figures.signings.count)],
                            table: figures.signings.isEmpty ? nil : signingTable),
            BulletinSection(heading: T.heading(3, A.unitsHeading), paragraphs: [short.isEmpty ? A.allMet : A.shortLine(short)], table: unitTable),
            BulletinSection(heading: T.heading(4, T.requirements), paragraphs: rules.attraction.requirements),
        ]
        return (A.title(month.year, month.month), sections)
    }
}
