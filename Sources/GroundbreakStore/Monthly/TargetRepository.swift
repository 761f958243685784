import Foundation
import GroundbreakDomain
import SQLKit

/// Unit targets and the figures they are held against.
public struct TargetRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped indicators and 序时进度 curves (`indicators.json`).
    public static func catalog() throws -> IndicatorCatalog {
        let text = try ReferenceDataLoader.bundledText("indicators.json")
        do {
            return try JSONDecoder().decode(IndicatorCatalog.self, from: Data(text.utf8))
        } catch {
            throw ReferenceDataLoader.BadReferenceFile(file: "indicators.json", reason: "\(error)")
        }
    }

    public func targets(unit: TargetUnit, year: Int) async throws -> [UnitTarget] {
        try await database.reader.raw("""
            SELECT * FROM unit_targets WHERE unit_kind = \(bind: unit.kind.rawValue) AND unit_code = \(bind: unit.code) AND year = \(bind: year)
            """).all().map { row in
            UnitTarget(unit: unit, year: year, indicator: try row.decode(column: "indicator", as: String.self),
                       value: try row.decode(column: "value", as: Double.self), curve: try row.decode(column: "curve", as: String.self))
        }
    }

    public func set(_ target: UnitTarget, catalog: IndicatorCatalog, reference: ReferenceCatalog, actor: AuditActor, now: Date) async throws {
        let errors = target.problems(indicators: catalog, reference: reference)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        try await database.transaction { db in
            let before = try await db.raw("""
                SELECT value, curve FROM unit_targets WHERE unit_kind = \(bind: target.unit.kind.rawValue) AND unit_code = \(bind: target.unit.code)
                    AND year = \(bind: target.year) AND indicator = \(bind: target.indicator)
                """).first().map { "\(try $0.decode(column: "value", as: Double.self)) \(try $0.decode(column: "curve", as: String.self))" }
            try await db.raw("""
                DELETE FROM unit_targets WHERE unit_kind = \(bind: target.unit.kind.rawValue) AND unit_code = \(bind: target.unit.code)
                    AND year = \(bind: target.year) AND indicator = \(bind: target.indicator)
                """).run()
            try await db.raw("""
                INSERT INTO unit_targets (unit_kind, unit_code, year, indicator, value, curve, updated_at)
                VALUES (\(bind: target.unit.kind.rawValue), \(bind: target.unit.code), \(bind: target.year), \(bind: target.indicator), \(bind: target.value),
                        \(bind: target.curve), \(bind: StoredTime.text(now)))
                """).run()
            // One 序时进度 per unit and year: the curve set now holds for all the unit's targets.
            try await db.raw("""
                UPDATE unit_targets SET curve = \(bind: target.curve)
                WHERE unit_kind = \(bind: target.unit.kind.rawValue) AND unit_code = \(bind: target.unit.code) AND year = \(bind: target.year)
                """).run()
            try await AuditLog.write(entity: "unit_target", entityId: "\(target.unit.text)/\(target.year)/\(target.indicator)", action: before == nil ? "create" : "update",
                                     before: before, after: "\(target.value) \(target.curve)", actor: actor, now: now, db: db)
        }
    }

    /// Closed months count as they were closed: their snapshot figures, not later corrections.
    func asReported(_ reports: [MonthlyReport]) async throws -> [MonthlyReport] {
        let closed = try await database.closedMonths.closed(Set(reports.map(\.month)), database)
        guard !closed.isEmpty else { return reports }
        return reports.compactMap { report in
            var report = report
            return Self.asClosed(&report, closed) ? report : nil
        }
    }

    /// Each project's reports from `first` through `last` (of `only`, when given), closed months
    /// as they were closed, read already grouped: what the ranking and the lights compute from.
    public func reportedByProject(from first: Month, through last: Month, of only: Set<Int64>? = nil) async throws -> [Int64: [MonthlyReport]] {
        let closed = try await closedMonths(from: first, through: last)
        return try await MonthlyReportRepository(database: database).reportFiguresByProject(from: first, through: last, of: only) { report in
            closed.isEmpty || Self.asClosed(&report, closed)
        }
    }

    private func closedMonths(from first: Month, through last: Month) async throws -> [Month: ClosedMonthFigures.Frozen] {
        try await database.closedMonths.closed(Set(sequence(first: first) { $0 < last ? $0.next : nil }), database)
    }

    /// `report` with its closed month's frozen figures; false when the month closed without it.
    private static func asClosed(_ report: inout MonthlyReport, _ closed: [Month: ClosedMonthFigures.Frozen]) -> Bool {
        guard let snapshot = closed[report.month] else { return true }
        guard let frozen = snapshot.figures(of: report.projectId) else { return false }
        report.figures.dispatch = frozen.dispatch
        report.figures.statistical = frozen.statistical
        return true
    }

    /// Each project's year-to-date dispatch figure through `month` (closed months as frozen).
    /// Summed as each report is read, none kept: a city's year of reports for fifty thousand
    /// planned projects, gathered project by project first, was a quarter of its 四率' time.
    public func yearDispatch(of ids: Set<Int64>, through month: Month) async throws -> [Int64: Money] {
        let first = Month(year: month.year, month: 1)!
        let closed = try await closedMonths(from: first, through: month)
        var sums: [Int64: Money] = [:]
        try await MonthlyReportRepository(database: database).eachReportFigure(from: first, through: month, of: ids) { report in
            var report = report
            if closed.isEmpty || Self.asClosed(&report, closed) { sums[report.projectId] = (sums[report.projectId] ?? .zero) + report.figures.dispatch }
        }
        return sums
    }

    /// This year's plans of `ids` and their dispatch figures through last month (none in January):
    /// what a group's, a leader's and a unit's completion and 四率 are measured on. `plannedOnly`:
    /// the dispatch figures of the planned projects alone, for a reading that needs no others.
    public func yearPlansAndDispatch(of ids: Set<Int64>, today: Day, plannedOnly: Bool = false) async throws -> (plans: [AnnualPlan], done: [Int64: Money]) {
        let plans = try await AnnualPlanRepository(database: database).plans(year: today.year).filter { ids.contains($0.projectId) }
        let lastMonth = Month(today).previous
        guard lastMonth.year == today.year else { return (plans, [:]) }
        return (plans, try await yearDispatch(of: plannedOnly ? Set(plans.map(\.projectId)) : ids, through: lastMonth))
    }

    /// What a unit's figures are computed from, as far as `scope` reaches, through `month`.
    public func inputs(unit: TargetUnit, month: Month, scope: ProjectScope, catalog: ReferenceCatalog) async throws -> IndicatorCalculator.Inputs {
        let projects = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: scope, where: unit.membership(catalog))
        let ids = Set(projects.map(\.id))
        let reports = MonthlyReportRepository(database: database)
        let lastYear = Month(year: month.year - 1, month: month.month)!
        let funds = try await funds(unit: unit, month: month, catalog: catalog)
        return IndicatorCalculator.Inputs(
            projects: projects.map { $0.asOf(month.lastDay) },
            // The unit's projects' reports alone: a district's figures need not copy a province's 1.2 million.
            reports: try await asReported(try await reports.reportFigures(from: Month(year: month.year, month: 1)!, through: month, of: ids)),
            lastYearReports: try await asReported(try await reports.reportFigures(from: Month(year: month.year - 1, month: 1)!, through: lastYear, of: ids)),
            plans: try await AnnualPlanRepository(database: database).plans(year: month.year), year: month.year, funds: funds, fundsThrough: month
        )
    }

    /// `unit`'s figures for `month`, summed from each project's part of the month kept for the
    /// ranking (`AssessedProject`): the same figures as `IndicatorCalculator.actuals` over
    /// `inputs(unit:…)` for a scope that covers the unit, but after a write only the projects it
    /// named are read again, where a province's targets page read every project and report.
    public func actuals(unit: TargetUnit, month: Month, catalog: ReferenceCatalog, reportRules: ReportRules,
                        indicators: IndicatorCatalog) async throws -> [String: Double] {
        let parts = try await AssessmentRepository(database: database).assessed(month, reportRules: reportRules, indicators: indicators)
        return IndicatorCalculator.actuals(AssessedProject.totals(parts, in: unit, catalog: catalog),
                                           funds: try await funds(unit: unit, month: month, catalog: catalog), through: month)
    }

    /// The 到位资金 of `unit`'s leads from January of last year through `month`.
    private func funds(unit: TargetUnit, month: Month, catalog: ReferenceCatalog) async throws -> [ArrivedFunds] {
        let member = unit.unitMembership(catalog)
        return try await LeadFundsRepository(database: database).funds(from: Month(year: month.year - 1, month: 1)!, through: month)
            .filter { member($0.unit) }
    }
}
