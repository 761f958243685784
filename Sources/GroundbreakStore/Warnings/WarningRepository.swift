import Foundation
import GroundbreakDomain
import SQLKit

/// The figures the warning rules read, gathered for many projects with a handful of queries.
public struct WarningRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped rule set (`warning_rules.json`).
    public static func shippedRules() throws -> WarningRuleSet {
        try ReferenceDataLoader.bundledJSON("warning_rules.json", as: WarningRuleSet.self)
    }

    /// Each project's signals on `today`: this year's completion against its plan and 序时进度
    /// (through last month, closed months as frozen; for a project started by then), start slip, open problems past deadline,
    /// days started without 入统, last month's report owed and missing; the overdue approval items
    /// come from the caller (their clocks are read with the working-day calendar).
    public func signals(_ projects: [Project], approvalsOverdue: [Int64: Int], indicators: IndicatorCatalog, curve: String,
                        reportRules: ReportRules, today: Day) async throws -> [ProjectSignals] {
        let lastMonth = Month(today).previous
        let ids = Set(projects.map(\.id))
        let plans = Dictionary(try await AnnualPlanRepository(database: database).plans(year: lastMonth.year).filter { ids.contains($0.projectId) }
            .map { ($0.projectId, $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first })
        let raw = try await MonthlyReportRepository(database: database).reports(from: Month(year: lastMonth.year, month: 1)!, through: lastMonth)
            .filter { ids.contains($0.projectId) }
        let reports = Dictionary(grouping: try await TargetRepository(database: database).asReported(raw), by: \.projectId)
        let db = database.reader
        var problems: [Int64: Int] = [:]
        for row in try await db.raw("""
            SELECT project_id, COUNT(*) AS n FROM problems
            WHERE project_id IS NOT NULL AND deadline IS NOT NULL AND deadline < \(bind: today.iso) AND \(ProblemRepository.clockRunning)
            GROUP BY project_id
            """).all() {
            problems[try row.decode(column: "project_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        let admitted = Set(try await db.raw("SELECT project_id FROM stats_inclusions").all().map { try $0.decode(column: "project_id", as: Int64.self) })
        return projects.map { project in
            var signals = ProjectSignals(project: project)
            let fields = project.fields
            let own = reports[project.id] ?? []
            // Completion is measured on works under way; a project not yet started answers to the start rule.
            if let plan = plans[project.id], plan > .zero, let started = fields.actualStart, Month(started) <= lastMonth {
                let done = Double(ReportTotals(own, through: lastMonth).yearDispatch.yuan) / Double(plan.yuan) * 100
                signals.behindPoints = max(0, indicators.projectTimeProgress(curve, through: lastMonth, started: Month(started)) * 100 - done)
            }
            if [.reserve, .attraction, .approval].contains(project.stage), fields.actualStart == nil, let planned = fields.plannedStart, planned < today {
                signals.startSlipDays = planned.days(until: today)
            }
            signals.approvalsOverdue = approvalsOverdue[project.id] ?? 0
            signals.problemsOverdue = problems[project.id] ?? 0
            if [.construction, .operation].contains(project.stage), let started = fields.actualStart, !admitted.contains(project.id) {
                signals.daysNotAdmitted = started.days(until: today)
            }
            signals.reportMissing = reportRules.mustReport(project, for: lastMonth) && today > lastMonth.dueDate(day: reportRules.dueDay)
                && !own.contains { $0.month == lastMonth }
            return signals
        }
    }
}
