import Foundation
import GroundbreakDomain
import SQLKit

/// Sending a report: the checks (`decide`), then the write (`write`), one row or many rows to a
/// statement — an import of 10,000 rows sends them a few hundred at a time.
extension MonthlyReportRepository {
    /// What the checks decided for one row: the write to make.
    struct PlannedWrite: Sendable {
        let entry: Entry
        let month: Month
        let figures: MonthlyFigures
        /// The stored report of that month, replaced by the write; nil when it is the first.
        let current: MonthlyReport?
        let closed: Bool
        let reason: String

        /// The row the write leaves: the figures sent, sent now by `by`; a later report keeps the
        /// review fields of the one it replaces (the upsert does not touch them).
        func stored(id: Int64, version: Int, submittedAt: Date, by: String) -> MonthlyReport {
            MonthlyReport(id: id, projectId: entry.project.id, month: month, figures: figures, status: .submitted,
                          reviewComment: current?.reviewComment ?? "", submittedAt: submittedAt, submittedBy: by,
                          reviewedAt: current?.reviewedAt, reviewedBy: current?.reviewedBy ?? "", version: version)
        }
    }

    /// Checks one row and, with `write`, saves it; a stale version is a refusal of its own.
    static func save(_ entry: Entry, month: Month, rules: ReportRules, write: Bool, actor: AuditActor, today: Day, now: Date,
                     db: any SQLDatabase, known: Known? = nil) async throws -> Result<MonthlyReport?, ValidationFailure> {
        switch try await decide(entry, month: month, rules: rules, write: write, today: today, db: db, known: known) {
        case .failure(let failure): return .failure(failure)
        case .success(let plan):
            guard write else { return .success(nil) }
            return .success(try await Self.write([plan], actor: actor, now: now, db: db).first)
        }
    }

    /// The checks of `save`, nothing written.
    static func decide(_ entry: Entry, month: Month, rules: ReportRules, write: Bool, today: Day, db: any SQLDatabase,
                       known: Known? = nil) async throws -> Result<PlannedWrite, ValidationFailure> {
        let project = entry.project
        let figures = entry.figures.normalised
        let current: MonthlyReport?
        let others: [ReportedAmounts]
        if let known {
            (current, others) = (known.current, known.others)
        } else {
            let all = try await db.raw("SELECT * FROM monthly_reports WHERE project_id = \(bind: project.id) ORDER BY month").all().map(Self.report)
            current = all.first { $0.month == month }
            others = all.filter { $0.month != month }.map(\.amounts)
        }
        if let current {
            guard current.status != .accepted else { return .failure(ValidationFailure([FieldError("month", .reportAlreadyAccepted)])) }
            guard entry.expectedVersion == current.version else {
                if write { throw StoreError.conflict(currentVersion: current.version) }
                return .failure(ValidationFailure([FieldError("version", .reportChangedMeanwhile(version: current.version))]))
            }
        }
        var errors = MonthlyReportRules.validate(figures, month: month, project: project, others: others, rules: rules, today: today)
        let reason = TextNormalizer.collapsedLine(entry.correctionReason)
        let closed: Bool
        if let known { closed = known.closed } else { closed = try await MonthCloseRepository.close(of: month, db: db) != nil }
        if closed && reason.isEmpty { errors.append(FieldError("correctionReason", .correctionReasonRequired)) }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(PlannedWrite(entry: entry, month: month, figures: figures, current: current, closed: closed, reason: reason))
    }

    /// Makes the planned writes — at most one per project and month — 200 rows to a statement,
    /// each with its correction (a closed month), ledger change and audit row; the stored reports
    /// in the order planned. A row found changed meanwhile (another writer between the checks and
    /// the write) is a conflict: the caller's transaction rolls back.
    static func write(_ plans: [PlannedWrite], actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> [MonthlyReport] {
        let stamp = StoredTime.text(now)
        // The instant as stored (to the millisecond), as a read of the row would give it.
        let submittedAt = StoredTime.date(stamp) ?? now
        var saved: [MonthlyReport] = []
        saved.reserveCapacity(plans.count)
        for chunk in plans.chunked(into: 200) {
            let corrections = chunk.filter(\.closed).map { plan in
                SQLQueryString("""
                    (\(bind: plan.month.iso), \(bind: plan.entry.project.id), \(bind: plan.current?.figures.dispatch.yuan), \(bind: plan.figures.dispatch.yuan),
                     \(bind: plan.current?.figures.statistical?.yuan), \(bind: plan.figures.statistical?.yuan), \(bind: plan.reason), \(bind: actor.name), \(bind: stamp))
                    """)
            }
            if !corrections.isEmpty {
                try await db.raw("""
                    INSERT INTO report_corrections (month, project_id, dispatch_before, dispatch_after, statistical_before, statistical_after, reason, actor_name, at)
                    VALUES
                    """ + corrections.joined(separator: ", ")).run()
            }
            // A first report is inserted; a later one replaces the figures of the stored row (its
            // review fields stay) — one statement for both. The stored row is what was written and,
            // for a later one, the review fields of the row the checks read (`stored(id:version:)`):
            // only the id and version come back, which also say whether it was that row.
            let values = chunk.map { plan in
                let figures = plan.figures
                return SQLQueryString("""
                    (\(bind: plan.entry.project.id), \(bind: plan.month.iso), \(bind: figures.dispatch.yuan), \(bind: figures.statistical?.yuan),
                     \(bind: figures.progressText), \(bind: figures.progressPercent), \(bind: figures.jobs), \(bind: figures.jumpReason),
                     'submitted', \(bind: stamp), \(bind: actor.name), \(bind: stamp), \(bind: stamp), 1)
                    """)
            }
            let rows = try await db.raw("""
                INSERT INTO monthly_reports (project_id, month, dispatch_yuan, statistical_yuan, progress_text, progress_percent, jobs, jump_reason,
                    status, submitted_at, submitted_by, created_at, updated_at, version)
                VALUES
                """ + values.joined(separator: ", ") + """
                 ON CONFLICT (project_id, month) DO UPDATE SET dispatch_yuan = excluded.dispatch_yuan, statistical_yuan = excluded.statistical_yuan,
                    progress_text = excluded.progress_text, progress_percent = excluded.progress_percent, jobs = excluded.jobs,
                    jump_reason = excluded.jump_reason, status = excluded.status, submitted_at = excluded.submitted_at,
                    submitted_by = excluded.submitted_by, updated_at = excluded.updated_at, version = monthly_reports.version + 1
                RETURNING id, project_id, month, version
                """).all()
            var returned: [String: (id: Int64, version: Int)] = [:]
            for row in rows {
                returned["\(try row.decode(column: "project_id", as: Int64.self))|\(try row.decode(column: "month", as: String.self))"] =
                    (try row.decode(column: "id", as: Int64.self), try row.decode(column: "version", as: Int.self))
            }
            for plan in chunk {
                guard let (id, version) = returned["\(plan.entry.project.id)|\(plan.month.iso)"] else { throw StoreError.notFound }
                // The version says whether the row was the one the checks read.
                guard version == (plan.current?.version ?? 0) + 1 else { throw StoreError.conflict(currentVersion: version - 1) }
                let report = plan.stored(id: id, version: version, submittedAt: submittedAt, by: actor.name)
                try await LedgerGeneration.bump(db, project: plan.entry.project.id)
                try await AuditLog.write(entity: "monthly_report", entityId: String(report.id),
                                         action: plan.closed ? "correct" : plan.current == nil ? "submit" : "resubmit",
                                         before: try AuditLog.json(plan.current), after: try AuditLog.json(report),
                                         reason: [plan.entry.source, plan.reason].filter { !$0.isEmpty }.joined(separator: "；"), actor: actor, now: now, db: db)
                saved.append(report)
            }
        }
        return saved
    }
}
