import Foundation
import GroundbreakDomain
import SQLKit

/// What a monthly file's preview read — the projects it names, their history, the closed months —
/// and the figures' generation read before any of it. Every audited write moves that generation
/// (reports, projects and month closes are all audited), so while it stands the reads are what the
/// commit's transaction would read again: the commit that follows the preview in the same request
/// checks the file against them instead, and reads afresh only when something was written between.
public struct MonthlyReads: Sendable {
    public let generation: Int64
    public let projects: [Int64: Project]
    public let history: ReportHistory
    public let closed: Set<Month>

    public init(generation: Int64, projects: [Project], history: ReportHistory, closed: Set<Month>) {
        self.generation = generation
        self.projects = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.history = history
        self.closed = closed
    }
}

/// Monthly figures from a file: what the preview reads, and the one transaction commit writes.
extension ImportRepository {
    /// The figures' generation, read before a preview's reads (`MonthlyReads`).
    public func generationBeforeReads() async throws -> Int64 {
        try await DataGeneration.current(database.reader)
    }

    /// These projects' stored months: every month's amounts, and the whole report of `months`.
    public func history(of projectIds: [Int64], months: Set<Month>) async throws -> ReportHistory {
        try await Self.history(of: projectIds, months: months, db: database.reader)
    }

    /// Two reads a few hundred projects at a time: the amounts of every month (what the rules
    /// sum), and the whole rows of the months asked for (read between the earliest and the latest
    /// of them, so a file of any months binds two values, and kept when asked for).
    ///
    /// The rules sum a project's months up to the month checked and look at the month before it:
    /// months before the month before the earliest asked for are read summed, as one entry at the
    /// month before that start (`ReportHistory.amounts`). A province's file of next month's
    /// figures reads three or four rows a project, not three years of months.
    static func history(of projectIds: [Int64], months: Set<Month>, db: any SQLDatabase) async throws -> ReportHistory {
        var amounts: [Int64: [ReportedAmounts]] = [:]
        var reports: [MonthlyReport] = []
        let start = months.min()?.previous
        let month: SQLQueryString = start.map { "CASE WHEN month < \(bind: $0.iso) THEN '' ELSE month END" } ?? "month"
        for chunk in Set(projectIds).sorted().chunked(into: 500) {
            let rows = try await db.raw("""
                SELECT project_id, \(month) AS month, CAST(SUM(dispatch_yuan) AS BIGINT) AS dispatch_yuan,
                       CAST(SUM(statistical_yuan) AS BIGINT) AS statistical_yuan
                FROM monthly_reports WHERE project_id IN (\(binds: Array(chunk))) GROUP BY 1, 2 ORDER BY 2
                """).all()
            for row in rows {
                let text = try row.decode(column: "month", as: String.self)
                guard let month = text.isEmpty ? start?.previous : Month.parse(text) else { continue }
                let statistical = try row.decodeNil(column: "statistical_yuan") ? nil : Money(yuan: try row.decode(column: "statistical_yuan", as: Int64.self))
                amounts[try row.decode(column: "project_id", as: Int64.self), default: []]
                    .append(ReportedAmounts(month: month, dispatch: Money(yuan: try row.decode(column: "dispatch_yuan", as: Int64.self)), statistical: statistical))
            }
            guard let first = months.min(), let last = months.max() else { continue }
            reports += try await db.raw("""
                SELECT * FROM monthly_reports
                WHERE project_id IN (\(binds: Array(chunk))) AND month >= \(bind: first.iso) AND month <= \(bind: last.iso)
                """).all().map(MonthlyReportRepository.report).filter { months.contains($0.month) }
        }
        return ReportHistory(amounts: amounts, reports: reports)
    }

    public func closedMonths() async throws -> Set<Month> {
        try await Self.closedMonths(db: database.reader)
    }

    static func closedMonths(db: any SQLDatabase) async throws -> Set<Month> {
        Set(try await db.raw("SELECT month FROM month_closes").all().compactMap { Month.parse(try $0.decode(column: "month", as: String.self)) })
    }

    /// Sends every planned report, earliest month first so each is checked against the months
    /// before it as the preview was, then the import's record. Any refusal or a report changed
    /// since the preview rolls the whole file back. `reads`: the preview's, used when the
    /// figures' generation has not moved since (`MonthlyReads`); otherwise read again here.
    public func commitMonthly(_ writes: [MonthlyWrite], reads: MonthlyReads? = nil, record: ImportRecord, rules: ReportRules, actor: AuditActor,
                              today: Day, now: Date) async throws -> ImportRecord {
        let source = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            // Sending reports changes no project, and nothing else writes reports or closes months
            // inside this transaction: projects, their reports' history and the closed months are
            // read once for the whole file, and each saved report replaces its month in what was read.
            let projects: [Int64: Project], closed: Set<Month>
            var history: ReportHistory
            if let reads, try await DataGeneration.current(db) == reads.generation {
                (projects, history, closed) = (reads.projects, reads.history, reads.closed)
            } else {
                let ids = writes.map(\.projectId)
                projects = try await ProjectRepository.load(ids: ids, db: db)
                history = try await Self.history(of: ids, months: Set(writes.map(\.month)), db: db)
                closed = try await Self.closedMonths(db: db)
            }
            // Checked row by row as the preview was, written a few hundred rows to a statement: a
            // row waits in `planned` until its project comes round again (a later month), when
            // what is planned is written first so the row is checked against its stored reports.
            // Each report's audit row is written with the others at the end, in the same transaction.
            try await AuditLog.Batch.writing(on: db) {
                var planned: [MonthlyReportRepository.PlannedWrite] = []
                var plannedProjects = Set<Int64>()
                func flush() async throws {
                    for saved in try await MonthlyReportRepository.write(planned, actor: actor, now: now, db: db) {
                        history.replace(with: saved)
                    }
                    planned.removeAll(keepingCapacity: true)
                    plannedProjects.removeAll(keepingCapacity: true)
                }
                for write in writes.sorted(by: { ($0.month, $0.row) < ($1.month, $1.row) }) {
                    guard let project = projects[write.projectId] else { throw StoreError.notFound }
                    if plannedProjects.contains(project.id) { try await flush() }
                    let entry = MonthlyReportRepository.Entry(project: project, figures: write.figures, expectedVersion: write.expectedVersion,
                                                              correctionReason: write.correctionReason, source: source)
                    let known = MonthlyReportRepository.Known(current: history.report(of: project.id, in: write.month),
                                                              others: history.others(of: project.id, besides: write.month), closed: closed.contains(write.month))
                    switch try await MonthlyReportRepository.decide(entry, month: write.month, rules: rules, write: true, today: today, db: db, known: known) {
                    case .failure(let failure): throw StoreError.invalid(failure)
                    case .success(let plan):
                        planned.append(plan)
                        plannedProjects.insert(project.id)
                    }
                }
                try await flush()
            }
            return try await Self.record(record, actor: actor, now: now, db: db)
        }
    }
}
