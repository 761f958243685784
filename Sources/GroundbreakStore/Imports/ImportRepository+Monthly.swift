import Foundation
import GroundbreakDomain
import SQLKit

/// Monthly figures from a file: what the preview reads, and the one transaction commit writes.
extension ImportRepository {
    /// Every stored report of these projects, by project, each project's by month.
    public func reports(of projectIds: [Int64]) async throws -> [Int64: [MonthlyReport]] {
        try await Self.reports(of: projectIds, db: database.reader)
    }

    static func reports(of projectIds: [Int64], db: any SQLDatabase) async throws -> [Int64: [MonthlyReport]] {
        var reports: [Int64: [MonthlyReport]] = [:]
        for chunk in Set(projectIds).sorted().chunked(into: 500) {
            let rows = try await db.raw("SELECT * FROM monthly_reports WHERE project_id IN (\(binds: Array(chunk))) ORDER BY month").all()
            for report in try rows.map(MonthlyReportRepository.report) { reports[report.projectId, default: []].append(report) }
        }
        return reports
    }

    public func closedMonths() async throws -> Set<Month> {
        try await Self.closedMonths(db: database.reader)
    }

    static func closedMonths(db: any SQLDatabase) async throws -> Set<Month> {
        Set(try await db.raw("SELECT month FROM month_closes").all().compactMap { Month.parse(try $0.decode(column: "month", as: String.self)) })
    }

    /// Sends every planned report, earliest month first so each is checked against the months
    /// before it as the preview was, then the import's record. Any refusal or a report changed
    /// since the preview rolls the whole file back.
    public func commitMonthly(_ writes: [MonthlyWrite], record: ImportRecord, rules: ReportRules, actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        let source = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            // Sending reports changes no project, and nothing else writes reports or closes months
            // inside this transaction: projects, their reports and the closed months are read once
            // for the whole file, and each saved report replaces its month in what was read.
            let ids = writes.map(\.projectId)
            let projects = try await ProjectRepository.load(ids: ids, db: db)
            var reports = try await Self.reports(of: ids, db: db)
            let closed = try await Self.closedMonths(db: db)
            // Checked row by row as the preview was, written a few hundred rows to a statement: a
            // row waits in `planned` until its project comes round again (a later month), when
            // what is planned is written first so the row is checked against its stored reports.
            // Each report's audit row is written with the others at the end, in the same transaction.
            try await AuditLog.Batch.writing(on: db) {
                var planned: [MonthlyReportRepository.PlannedWrite] = []
                var plannedProjects = Set<Int64>()
                func flush() async throws {
                    for saved in try await MonthlyReportRepository.write(planned, actor: actor, now: now, db: db) {
                        reports[saved.projectId] = Self.replacing(saved, in: reports[saved.projectId] ?? [])
                    }
                    planned.removeAll(keepingCapacity: true)
                    plannedProjects.removeAll(keepingCapacity: true)
                }
                for write in writes.sorted(by: { ($0.month, $0.row) < ($1.month, $1.row) }) {
                    guard let project = projects[write.projectId] else { throw StoreError.notFound }
                    if plannedProjects.contains(project.id) { try await flush() }
                    let entry = MonthlyReportRepository.Entry(project: project, figures: write.figures, expectedVersion: write.expectedVersion,
                                                              correctionReason: write.correctionReason, source: source)
                    let known = MonthlyReportRepository.Known(reports: reports[project.id] ?? [], closed: closed.contains(write.month))
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

    /// A project's reports by month, with `saved` in its month's place.
    static func replacing(_ saved: MonthlyReport, in reports: [MonthlyReport]) -> [MonthlyReport] {
        (reports.filter { $0.month != saved.month } + [saved]).sorted { $0.month < $1.month }
    }
}
