import Foundation

/// Writes a bulletin's draft from the figures: pure, so the same figures always give the same draft.
public enum BulletinWriter {
    /// A red project as the list prints it.
    public struct RedProject: Sendable, Equatable {
        public var name: String
        public var unit: String
        public var total: Money
        public var reasons: String

        public init(name: String, unit: String, total: Money, reasons: String) {
            self.name = name
            self.unit = unit
            self.total = total
            self.reasons = reasons
        }
    }

    /// An overdue supervised item as the list prints it.
    public struct OverdueItem: Sendable, Equatable {
        public var content: String
        public var owner: String
        public var deadline: Day
        public var daysLate: Int

        public init(content: String, owner: String, deadline: Day, daysLate: Int) {
            self.content = content
            self.owner = owner
            self.deadline = deadline
            self.daysLate = daysLate
        }
    }

    typealias T = BulletinText

    static func percent(_ value: Double?) -> String { value.map { Decimals.percent($0) } ?? T.none }

    /// 项目建设通报: the schedule in one paragraph with the first and the last, the cross-unit
    /// table, the units praised (超额完成) and criticised (未完成), the red list, the requirements.
    public static func construction(month: Month, table: AssessmentTable, red: [RedProject], asOf: Day, rules: BulletinRules) -> (title: String, sections: [BulletinSection]) {
        let rows = table.rows
        let withTarget = rows.filter { $0.figures.gapPoints != nil }
        let ahead = withTarget.filter { ($0.figures.gapPoints ?? 0) >= 0 }.count
        let overall = [T.schedule(ahead: ahead, behind: withTarget.count - ahead, units: rows.count) + T.noTarget(rows.count - withTarget.count),
                       AssessmentText.sentence(table, scope: T.city)]
        let byUnit = BulletinTable(columns: [T.rank, T.unit, T.investment, T.completion, T.gap, T.underWay, T.newStartRate, T.red, T.score, T.change],
                                   rows: rows.map { row in
            let f = row.figures
            return [String(row.rank), row.name, f.investment.formatted(in: .wan, decimals: 0), f.target == nil ? T.notGiven : percent(f.completionPercent),
                    f.gapPoints.map { Decimals.text($0, signed: true) } ?? T.none, String(f.underWay), percent(f.newStartRate),
                    f.red.map(String.init) ?? T.none, AssessmentText.number(row.score), AssessmentText.change(row.rankChange)]
        })
        let praised = rows.filter { $0.honours == .priority }.map(\.name)
        let criticised = rows.filter { $0.honours == .revoked }.map { row in
            row.figures.gapPoints.map { $0 < 0 ? T.behindClause(row.name, -$0) : T.missedClause(row.name) } ?? T.missedClause(row.name)
        }
        let listed = red.sorted { ($0.total, $1.name) > ($1.total, $0.name) }.prefix(rules.listLimit)
        let redTable = BulletinTable(columns: [T.serial, T.project, T.region, T.reasons], rows: listed.enumerated().map { index, project in
            [String(index + 1), project.name, project.unit, project.reasons]
        })
        let sections = [
            BulletinSection(heading: T.heading(0, T.overall), paragraphs: overall),
            BulletinSection(heading: T.heading(1, T.byUnit), paragraphs: [T.tableNote], table: byUnit),
            BulletinSection(heading: T.heading(2, T.praised), paragraphs: [T.praise(praised)]),
            BulletinSection(heading: T.heading(3, T.criticised), paragraphs: [T.criticise(criticised)]),
            BulletinSection(heading: T.heading(4, T.redList), paragraphs: [T.redCount(red.count, listed: listed.count, asOf: asOf.chinese)],
                            table: listed.isEmpty ? nil : redTable),
            BulletinSection(heading: T.heading(5, T.requirements), paragraphs: rules.construction.requirements),
        ]
        return (T.constructionTitle(month), sections)
    }

    /// 督查通报: what is open and late, the overdue supervised items, the units with most overdue
    /// problems, the requirements.
    public static func supervision(month: Month, openItems: Int, overdue: [OverdueItem], overdueProblems: [(unit: String, count: Int)], asOf: Day,
                                   rules: BulletinRules) -> (title: String, sections: [BulletinSection]) {
        let listed = overdue.sorted { ($0.daysLate, $1.content) > ($1.daysLate, $0.content) }.prefix(rules.listLimit)
        let items = BulletinTable(columns: [T.serial, T.item, T.owner, T.deadline, T.daysLate], rows: listed.enumerated().map { index, item in
            [String(index + 1), item.content, item.owner, item.deadline.chinese, String(item.daysLate)]
        })
        let units = overdueProblems.filter { $0.count > 0 }.sorted { ($0.count, $1.unit) > ($1.count, $0.unit) }
        let unitsTable = BulletinTable(columns: [T.serial, T.unit, T.overdueProblems], rows: units.enumerated().map { index, unit in
            [String(index + 1), unit.unit, String(unit.count)]
        })
        let problems = units.reduce(0) { $0 + $1.count }
        let sections = [
            BulletinSection(heading: T.heading(0, T.overall),
                            paragraphs: [T.supervisionOverall(total: openItems, overdue: overdue.count, problems: problems, asOf: asOf.chinese)]),
            BulletinSection(heading: T.heading(1, T.overdueItems), paragraphs: [T.overdueList(overdue.count, listed: listed.count)],
                            table: listed.isEmpty ? nil : items),
            BulletinSection(heading: T.heading(2, T.overdueUnits), paragraphs: [T.overdueUnitsLine(units.prefix(5).map { T.unitProblems($0.unit, $0.count) })],
                            table: units.isEmpty ? nil : unitsTable),
            BulletinSection(heading: T.heading(3, T.requirements), paragraphs: rules.supervision.requirements),
        ]
        return (T.supervisionTitle(month), sections)
    }
}
