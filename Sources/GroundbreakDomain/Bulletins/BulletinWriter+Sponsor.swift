import Foundation

/// A sponsoring leader's portfolio as the 包保专报 prints it: already read, already named.
public struct SponsorPortfolio: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var name: String
        public var unit: String
        public var stage: String
        public var planned: Money?
        public var done: Money?
        public var colour: WarningColour?
        public var reasons: String

        public init(name: String, unit: String, stage: String, planned: Money?, done: Money?, colour: WarningColour?, reasons: String) {
            self.name = name
            self.unit = unit
            self.stage = stage
            self.planned = planned
            self.done = done
            self.colour = colour
            self.reasons = reasons
        }
    }

    public struct Risen: Sendable, Equatable {
        public var description: String
        public var level: String
        public var deadline: Day?

        public init(description: String, level: String, deadline: Day?) {
            self.description = description
            self.level = level
            self.deadline = deadline
        }
    }

    public var leader: String
    public var lines: [Line]
    public var rates: [FourRate]
    public var risen: [Risen]
    /// The leader's site visits, coordination meetings and instructions in the quarter.
    public var activities: ActivityCounts

    public init(leader: String, lines: [Line], rates: [FourRate], risen: [Risen], activities: ActivityCounts = ActivityCounts([])) {
        self.leader = leader
        self.lines = lines
        self.rates = rates
        self.risen = risen
        self.activities = activities
    }

    func count(_ colour: WarningColour) -> Int { lines.filter { $0.colour == colour }.count }
    func rate(_ code: FourRateCode) -> FourRate? { rates.first { $0.code == code } }
}

extension BulletinWriter {
    typealias S = BulletinText.Sponsor

    /// 包保专报: one leader's quarter — the portfolio and its 四率, every project, the red and yellow
    /// ones with their reasons, the problems risen to the city's level, the requirements — or, for
    /// all leaders, one line per leader and the red projects with their leader.
    public static func sponsor(month: Month, portfolios: [SponsorPortfolio], rateNames: [FourRateCode: String], asOf: Day,
                               rules: BulletinRules) -> (title: String, sections: [BulletinSection]) {
        let quarter = (month.month - 1) / 3 + 1
        func percent(_ rate: FourRate?) -> String { rate?.percent.map { Decimals.percent($0) } ?? T.none }
        func rateLine(_ portfolio: SponsorPortfolio) -> String {
            S.rates(FourRateCode.allCases.map { code in S.rate(rateNames[code] ?? code.rawValue, percent(portfolio.rate(code))) })
        }
        if portfolios.count == 1, let portfolio = portfolios.first {
            let lines = portfolio.lines
            let table = BulletinTable(columns: [T.serial, T.project, T.region, S.stage, S.planned, S.done, S.light], rows: lines.enumerated().map { index, line in
                [String(index + 1), line.name, line.unit, line.stage, line.planned.map { $0.formatted(in: .wan, decimals: 0) } ?? T.none,
                 line.done.map { $0.formatted(in: .wan, decimals: 0) } ?? T.none, line.colour?.label ?? T.none]
            })
            let flagged = lines.filter { $0.colour == .red || $0.colour == .yellow }
            let flaggedTable = BulletinTable(columns: [T.serial, T.project, S.light, T.reasons], rows: flagged.enumerated().map { index, line in
                [String(index + 1), line.name, line.colour?.label ?? T.none, line.reasons]
            })
            let risenTable = BulletinTable(columns: [T.serial, S.problem, S.level, T.deadline], rows: portfolio.risen.enumerated().map { index, problem in
                [String(index + 1), problem.description, problem.level, problem.deadline?.chinese ?? T.none]
            })
            let sections = [
                BulletinSection(heading: T.heading(0, T.overall), paragraphs: [
                    S.overview(portfolio.leader, asOf.chinese, lines.count, portfolio.count(.red), portfolio.count(.yellow), portfolio.count(.green)),
                    rateLine(portfolio),
                    S.activities(portfolio.activities),
                ]),
                BulletinSection(heading: T.heading(1, S.progress), paragraphs: [], table: lines.isEmpty ? nil : table),
                BulletinSection(heading: T.heading(2, S.flagged), paragraphs: [flagged.isEmpty ? S.noFlagged : S.flaggedLine(flagged.count)],
                                table: flagged.isEmpty ? nil : flaggedTable),
                BulletinSection(heading: T.heading(3, S.risen), paragraphs: [portfolio.risen.isEmpty ? S.noRisen : S.risenLine(portfolio.risen.count)],
                                table: portfolio.risen.isEmpty ? nil : risenTable),
                BulletinSection(heading: T.heading(4, T.requirements), paragraphs: rules.sponsor.requirements),
            ]
            return (S.title(month.year, quarter, portfolio.leader), sections)
        }
        let summary = BulletinTable(columns: [T.serial, S.leader, S.projects, T.red, S.yellow] + FourRateCode.allCases.map { rateNames[$0] ?? $0.rawValue }
                                        + [S.activityColumn],
                                    rows: portfolios.enumerated().map { index, portfolio in
            [String(index + 1), portfolio.leader, String(portfolio.lines.count), String(portfolio.count(.red)), String(portfolio.count(.yellow))]
                + FourRateCode.allCases.map { percent(portfolio.rate($0)) } + [S.activityCell(portfolio.activities)]
        })
        let red = portfolios.flatMap { portfolio in portfolio.lines.filter { $0.colour == .red }.map { (portfolio.leader, $0) } }
        let listed = red.prefix(rules.listLimit)
        let redTable = BulletinTable(columns: [T.serial, S.leader, T.project, T.reasons], rows: listed.enumerated().map { index, item in
            [String(index + 1), item.0, item.1.name, item.1.reasons]
        })
        let sections = [
            BulletinSection(heading: T.heading(0, T.overall), paragraphs: [
                S.allOverview(asOf.chinese, portfolios.count, portfolios.reduce(0) { $0 + $1.lines.count }, red.count)]),
            BulletinSection(heading: T.heading(1, S.byLeader), paragraphs: [], table: portfolios.isEmpty ? nil : summary),
            BulletinSection(heading: T.heading(2, T.redList), paragraphs: [T.redCount(red.count, listed: listed.count, asOf: asOf.chinese)],
                            table: listed.isEmpty ? nil : redTable),
            BulletinSection(heading: T.heading(3, T.requirements), paragraphs: rules.sponsor.requirements),
        ]
        return (S.allTitle(month.year, quarter), sections)
    }
}
