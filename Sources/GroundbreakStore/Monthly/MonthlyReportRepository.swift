import Foundation
import GroundbreakDomain
import SQLKit

/// Monthly reports: sent by the project side, accepted or returned by the centre.
public struct MonthlyReportRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped reporting rules (`report_rules.json`).
    public static func rules() throws -> ReportRules {
        try ReferenceDataLoader.bundledJSON("report_rules.json", as: ReportRules.self)
    }

    public func reports(projectId: Int64) async throws -> [MonthlyReport] {
        try await database.reader.raw("SELECT * FROM monthly_reports WHERE project_id = \(bind: projectId) ORDER BY month").all().map(Self.report)
    }

    /// Every report from `first` through `last`.
    public func reports(from first: Month, through last: Month) async throws -> [MonthlyReport] {
        try await database.reader.raw("""
            SELECT * FROM monthly_reports WHERE month >= \(bind: first.iso) AND month <= \(bind: last.iso) ORDER BY project_id, month
            """).all().map(Self.report)
    }

    /// Every report from `first` through `last` (of the projects `only` names, when given) as
    /// figures are computed from them: amounts, month, state and sending time, the texts left empty
    /// (a province's year is half a million rows), in no particular order.
    public func reportFigures(from first: Month, through last: Month, of only: Set<Int64>? = nil) async throws -> [MonthlyReport] {
        if let held = try await database.projectSnapshot.snapshot(database)?.reportFigures(from: first, through: last, of: only) { return held }
        return try await readFigures(from: first, through: last, of: only)
    }

    /// The same reports handed to `body` one by one, none kept: a sum over a city's year needs
    /// no list of it.
    func eachReportFigure(from first: Month, through last: Month, of only: Set<Int64>? = nil, _ body: (MonthlyReport) -> Void) async throws {
        if try await database.projectSnapshot.snapshot(database)?.eachReportFigure(from: first, through: last, of: only, body) == true { return }
        for report in try await readFigures(from: first, through: last, of: only) { body(report) }
    }

    /// The same reports by project, each adjusted by `keep` and dropped when it answers false.
    func reportFiguresByProject(from first: Month, through last: Month, of only: Set<Int64>? = nil,
                                keep: (inout MonthlyReport) -> Bool) async throws -> [Int64: [MonthlyReport]] {
        if let held = try await database.projectSnapshot.snapshot(database)?.reportFiguresByProject(from: first, through: last, of: only, keep: keep) {
            return held
        }
        var result: [Int64: [MonthlyReport]] = [:]
        for var report in try await readFigures(from: first, through: last, of: only) where keep(&report) {
            result[report.projectId, default: []].append(report)
        }
        return result
    }

    private func readFigures(from first: Month, through last: Month, of only: Set<Int64>?) async throws -> [MonthlyReport] {
        let reports = try await database.reader.raw("""
            SELECT \(unsafeRaw: Self.figuresColumns) FROM monthly_reports WHERE month >= \(bind: first.iso) AND month <= \(bind: last.iso)
            """).all().map(Self.figuresReport)
        guard let only else { return reports }
        return reports.filter { only.contains($0.projectId) }
    }

    static let figuresColumns = "id, project_id, month, dispatch_yuan, statistical_yuan, status, submitted_at"

    /// A row of `figuresColumns` as the figures read it.
    static func figuresReport(_ row: any SQLRow) throws -> MonthlyReport {
        MonthlyReport(
            id: try row.decode(column: "id", as: Int64.self),
            projectId: try row.decode(column: "project_id", as: Int64.self),
            month: Month.parse(try row.decode(column: "month", as: String.self)) ?? Month(year: 2000, month: 1)!,
            figures: MonthlyFigures(dispatch: Money(yuan: try row.decode(column: "dispatch_yuan", as: Int64.self)),
                                    statistical: try row.decode(column: "statistical_yuan", as: Int64?.self).map(Money.init(yuan:))),
            status: MonthlyReport.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            submittedAt: try StoredTime.decode(row, "submitted_at"), submittedBy: "")
    }

    public func report(id: Int64) async throws -> MonthlyReport? {
        try await database.reader.raw("SELECT * FROM monthly_reports WHERE id = \(bind: id)").first().map(Self.report)
    }

    /// Every report of `month` for the projects in `scope`.
    public func reports(month: Month, scope: ProjectScope) async throws -> [MonthlyReport] {
        try await database.reader.raw("""
            SELECT r.* FROM monthly_reports r JOIN projects ON projects.id = r.project_id
            WHERE r.month = \(bind: month.iso) AND \(ProjectRepository.scopeClause(scope)) ORDER BY r.project_id
            """).all().map(Self.report)
    }

    /// Sends (or sends again) a month's report. A new report needs no version; a report already
    /// there is replaced only with the version the caller read, and never once accepted.
    public func submit(project: Project, month: Month, figures: MonthlyFigures, expectedVersion: Int?, correctionReason: String = "", rules: ReportRules,
                       actor: AuditActor, today: Day, now: Date) async throws -> MonthlyReport {
        try await database.transaction { db in
            let entry = Entry(project: project, figures: figures, expectedVersion: expectedVersion, correctionReason: correctionReason)
            switch try await Self.save(entry, month: month, rules: rules, write: true, actor: actor, today: today, now: now, db: db) {
            case .success(let saved): return saved!
            case .failure(let failure): throw StoreError.invalid(failure)
            }
        }
    }

    /// One row of a month's grid.
    public struct Entry: Sendable {
        public var project: Project
        public var figures: MonthlyFigures
        public var expectedVersion: Int?
        /// Required when the month is closed: the change is kept as a correction beside the snapshot.
        public var correctionReason: String
        /// Where the figures came from when not typed in a form (an import), kept in the audit reason.
        public var source: String

        public init(project: Project, figures: MonthlyFigures, expectedVersion: Int?, correctionReason: String = "", source: String = "") {
            self.project = project
            self.figures = figures
            self.expectedVersion = expectedVersion
            self.correctionReason = correctionReason
            self.source = source
        }
    }

    public struct BatchOutcome: Sendable {
        /// Saved reports by project.
        public var saved: [Int64: MonthlyReport] = [:]
        /// Refused rows by project, with every problem.
        public var refused: [Int64: [FieldError]] = [:]
    }

    /// Many projects' reports for one month in one transaction. With `keepValid` false nothing is
    /// saved when any row is refused; with it, the valid rows are saved and the others reported.
    public func submit(_ entries: [Entry], month: Month, keepValid: Bool, rules: ReportRules, actor: AuditActor, today: Day, now: Date) async throws -> BatchOutcome {
        try await database.transaction { db in
            var outcome = BatchOutcome()
            for entry in entries {
                if case .failure(let failure) = try await Self.save(entry, month: month, rules: rules, write: false, actor: actor, today: today, now: now, db: db) {
                    outcome.refused[entry.project.id] = failure.errors
                }
            }
            guard outcome.refused.isEmpty || keepValid else { return outcome }
            for entry in entries where outcome.refused[entry.project.id] == nil {
                if case .success(let saved?) = try await Self.save(entry, month: month, rules: rules, write: true, actor: actor, today: today, now: now, db: db) {
                    outcome.saved[entry.project.id] = saved
                }
            }
            return outcome
        }
    }

    /// What `save` reads before deciding — the month's stored report, the amounts of the
    /// project's other months, whether the month is closed — when the caller already holds it: a
    /// file of 10,000 rows reads them once, not once a row.
    struct Known: Sendable {
        var current: MonthlyReport?
        var others: [ReportedAmounts]
        var closed: Bool
    }

    /// The centre accepts a sent report, or returns it with a comment.
    public func review(id: Int64, accept: Bool, comment: String, expectedVersion: Int, actor: AuditActor, now: Date) async throws -> MonthlyReport {
        try await reviewStep(now: now).run(ReportReview(accept: accept, comment: comment, by: actor.name, at: now), id: id,
                                           expectedVersion: expectedVersion, actor: actor, now: now, in: database)
    }

    /// Review is a workflow step on a sent report; sending (a new month or a resubmission, one
    /// row or a whole grid) is an upsert keyed by project and month, with its own checks.
    private func reviewStep(now: Date) -> WorkflowStep<MonthlyReport, ReportReview> {
        WorkflowStep(
            entity: "monthly_report",
            load: { id, db in try await db.raw("SELECT * FROM monthly_reports WHERE id = \(bind: id)").first().map(Self.report) },
            id: \.id, version: \.version,
            decide: { review, current in MonthlyReportRules.review(current, review) },
            update: { next, current, db in
                try await db.raw("""
                    UPDATE monthly_reports SET status = \(bind: next.status.rawValue), review_comment = \(bind: next.reviewComment),
                        reviewed_at = \(bind: next.reviewedAt.map(StoredTime.text)), reviewed_by = \(bind: next.reviewedBy), updated_at = \(bind: StoredTime.text(now)),
                        version = version + 1
                    WHERE id = \(bind: current.id) AND version = \(bind: current.version)
                    """).run()
            },
            follow: { _, saved, _, db in try await LedgerGeneration.bump(db, project: saved.projectId) },
            action: { $0.accept ? "accept" : "return" },
            reason: { TextNormalizer.collapsedLine($0.comment) }
        )
    }

    static func report(_ row: any SQLRow) throws -> MonthlyReport {
        MonthlyReport(
            id: try row.decode(column: "id", as: Int64.self),
            projectId: try row.decode(column: "project_id", as: Int64.self),
            month: Month.parse(try row.decode(column: "month", as: String.self)) ?? Month(year: 2000, month: 1)!,
            figures: MonthlyFigures(
                dispatch: Money(yuan: try row.decode(column: "dispatch_yuan", as: Int64.self)),
                statistical: try row.decode(column: "statistical_yuan", as: Int64?.self).map(Money.init(yuan:)),
                progressText: try row.decode(column: "progress_text", as: String.self),
                progressPercent: try row.decode(column: "progress_percent", as: Int?.self),
                jobs: try row.decode(column: "jobs", as: Int?.self),
                jumpReason: try row.decode(column: "jump_reason", as: String.self)
            ),
            status: MonthlyReport.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            reviewComment: try row.decode(column: "review_comment", as: String.self),
            submittedAt: try StoredTime.decode(row, "submitted_at"),
            submittedBy: try row.decode(column: "submitted_by", as: String.self),
            reviewedAt: try StoredTime.decodeOptional(row, "reviewed_at"),
            reviewedBy: try row.decode(column: "reviewed_by", as: String.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
