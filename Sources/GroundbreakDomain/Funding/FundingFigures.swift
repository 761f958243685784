import Foundation

/// The figures of applications over a stretch of days, each counted on the day it happened:
/// 申报 on the submission, 入选 on the selection, money on each tranche's day. Projects are counted
/// once however many applications or tranches carry them.
public struct FundingMeasures: Sendable, Equatable {
    public var appliedApplications = 0
    public var appliedProjects = 0
    public var asked = Money.zero
    public var wonProjects = 0
    public var approved = Money.zero
    public var issuedProjects = 0
    public var issued = Money.zero
    public var arrived = Money.zero
    public var spent = Money.zero

    public init() {}

    public init(_ applications: [FundingApplication], from: Day, through: Day) {
        let within = { (day: Day?) in day.map { from <= $0 && $0 <= through } ?? false }
        var applied = Set<Int64>(), won = Set<Int64>(), issuedTo = Set<Int64>()
        for application in applications {
            let projectIds = application.projects.map(\.projectId)
            if within(application.submittedOn) {
                appliedApplications += 1
                applied.formUnion(projectIds)
                asked = asked + application.asked
            }
            if within(application.first(.selected)) {
                won.formUnion(projectIds)
                approved = approved + (application.approved ?? .zero)
            }
            for event in application.events where within(event.on) {
                switch event.kind {
                case .issued:
                    issued = issued + (event.amount ?? .zero)
                    issuedTo.formUnion(projectIds)
                case .arrived: arrived = arrived + (event.amount ?? .zero)
                case .spent: spent = spent + (event.amount ?? .zero)
                default: break
                }
            }
        }
        appliedProjects = applied.count
        wonProjects = won.count
        issuedProjects = issuedTo.count
    }
}

/// This year to a day against last year to the same day and last year whole (the seeds' "高于上年"):
/// one line of the figures page, whatever it groups (a channel, a unit, the whole reach).
public struct FundingComparison: Sendable, Equatable {
    public var year: Int
    public var through: Day
    public var thisYear: FundingMeasures
    public var lastYearToDate: FundingMeasures
    public var lastYear: FundingMeasures

    public init(_ applications: [FundingApplication], through: Day) {
        year = through.year
        self.through = through
        let lastThrough = Day(year: through.year - 1, month: through.month, day: min(through.day, Day.daysIn(month: through.month, year: through.year - 1)))!
        thisYear = FundingMeasures(applications, from: Day(year: through.year, month: 1, day: 1)!, through: through)
        lastYearToDate = FundingMeasures(applications, from: Day(year: through.year - 1, month: 1, day: 1)!, through: lastThrough)
        lastYear = FundingMeasures(applications, from: Day(year: through.year - 1, month: 1, day: 1)!, through: Day(year: through.year - 1, month: 12, day: 31)!)
    }

    /// The year is over on `through`: compared with last year whole, else with last year to the same day.
    public var comparedWith: FundingMeasures { isWholeYear ? lastYear : lastYearToDate }
    public var isWholeYear: Bool { through.month == 12 && through.day == 31 }

    /// Growth of this year's issued money over the comparison, as a percentage; nil without a base.
    public var issuedGrowth: Double? { Self.growth(thisYear.issued.yuan, comparedWith.issued.yuan) }
    public var issuedChange: Money { Money(yuan: thisYear.issued.yuan - comparedWith.issued.yuan) }
    public var projectsChange: Int { thisYear.issuedProjects - comparedWith.issuedProjects }
    /// "项目数量和资金额度高于上年": both the projects and the money above the comparison.
    public var aboveLastYear: Bool { thisYear.issuedProjects > comparedWith.issuedProjects && thisYear.issued > comparedWith.issued }

    public static func growth(_ now: Int64, _ before: Int64) -> Double? {
        before > 0 ? (Double(now) - Double(before)) / Double(before) * 100 : nil
    }
}

/// The city's share of the province for a channel and year, where the province figure is entered.
public struct ProvinceShare: Sendable, Equatable {
    public var province: ProvinceFunding
    /// Percentages of the province's projects and money.
    public var projects: Double?
    public var amount: Double?

    public init(city: FundingMeasures, province: ProvinceFunding) {
        self.province = province
        projects = province.projects > 0 ? Double(city.issuedProjects) / Double(province.projects) * 100 : nil
        amount = province.amount.yuan > 0 ? Double(city.issued.yuan) / Double(province.amount.yuan) * 100 : nil
    }
}

/// Issued money not spent in time (早发快用): tranches are spent in the order they came, and one
/// whose months have passed while part of it is unspent is late.
public struct LateSpending: Sendable, Equatable {
    public var applicationId: Int64
    /// The first tranche's due day that is not covered.
    public var dueOn: Day
    public var daysLate: Int
    /// Issued money whose due day has passed, less what has been spent.
    public var unspent: Money

    public static func watch(_ application: FundingApplication, months: Int, today: Day) -> LateSpending? {
        var spent = application.total(.spent, through: today).yuan
        var dueUnspent: Int64 = 0
        var firstLate: Day?
        for tranche in application.events.filter({ $0.kind == .issued }).sorted(by: { $0.on < $1.on }) {
            let amount = tranche.amount?.yuan ?? 0
            let covered = min(amount, spent)
            spent -= covered
            let due = add(months: months, to: tranche.on)
            if due < today, covered < amount {
                dueUnspent += amount - covered
                if firstLate == nil { firstLate = due }
            }
        }
        guard let firstLate, dueUnspent > 0 else { return nil }
        return LateSpending(applicationId: application.id, dueOn: firstLate, daysLate: firstLate.days(until: today), unspent: Money(yuan: dueUnspent))
    }

    /// The same day `months` later (the month's last day when it has fewer).
    public static func add(months: Int, to day: Day) -> Day {
        let index = day.year * 12 + (day.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        return Day(year: year, month: month, day: min(day.day, Day.daysIn(month: month, year: year)))!
    }
}
