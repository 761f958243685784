import Foundation
import GroundbreakDomain
import SQLKit

/// Monthly figures from a file: what the preview reads, and the one transaction commit writes.
extension ImportRepository {
    /// Every stored report of these projects, by project.
    public func reports(of projectIds: [Int64]) async throws -> [Int64: [MonthlyReport]] {
        var reports: [Int64: [MonthlyReport]] = [:]
        for chunk in Set(projectIds).sorted().chunked(into: 500) {
            let rows = try await database.reader.raw("SELECT * FROM monthly_reports WHERE project_id IN (\(binds: Array(chunk))) ORDER BY month").all()
            for report in try rows.map(MonthlyReportRepository.report) { reports[report.projectId, default: []].append(report) }
        }
        return reports
    }

    public func closedMonths() async throws -> Set<Month> {
        Set(try await database.reader.raw("SELECT month FROM month_closes").all().compactMap { Month.parse(try $0.decode(column: "month", as: String.self)) })
    }

    /// Sends every planned report, earliest month first so each is checked against the months
    /// before it as the preview was, then the import's record. Any refusal or a report changed
    /// since the preview rolls the whole file back.
    public func commitMonthly(_ writes: [MonthlyWrite], record: ImportRecord, rules: ReportRules, actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        let source = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            // Sending reports changes no project: each is read once for the whole file.
            let projects = try await ProjectRepository.load(ids: writes.map(\.projectId), db: db)
            for write in writes.sorted(by: { ($0.month, $0.row) < ($1.month, $1.row) }) {
                guard let project = projects[write.projectId] else { throw StoreError.notFound }
                let entry = MonthlyReportRepository.Entry(project: project, figures: write.figures, expectedVersion: write.expectedVersion,
                                                          correctionReason: write.correctionReason, source: source)
                let outcome = try await MonthlyReportRepository.save(entry, month: write.month, rules: rules, write: true, actor: actor, today: today, now: now, db: db)
                if case .failure(let failure) = outcome { throw StoreError.invalid(failure) }
            }
            return try await Self.record(record, actor: actor, now: now, db: db)
        }
    }
}
