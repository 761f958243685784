import Foundation
import GroundbreakDomain
import SQLKit

/// Month-end close: the snapshot of a month's figures, the corrections made after it, re-opening.
public struct MonthCloseRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func close(of month: Month) async throws -> MonthClose? {
        try await Self.close(of: month, db: database.reader)
    }

    static func close(of month: Month, db: any SQLDatabase) async throws -> MonthClose? {
        try await db.raw("SELECT * FROM month_closes WHERE month = \(bind: month.iso)").first().map { row in
            MonthClose(month: month, closedAt: try StoredTime.decode(row, "closed_at"),
                       closedBy: try row.decode(column: "closed_by", as: String.self))
        }
    }

    /// Freezes every report of `month` as it stands, and the month's assessment tables when given
    /// (computed just before). Only a month that has ended, and only once.
    public func close(month: Month, assessment: [AssessmentTable] = [], actor: AuditActor, today: Day, now: Date) async throws -> MonthClose {
        guard today > month.lastDay else { throw StoreError.invalid(ValidationFailure([FieldError("month", .monthNotEnded)])) }
        return try await database.transaction { db in
            guard try await Self.close(of: month, db: db) == nil else { throw StoreError.invalid(ValidationFailure([FieldError("month", .monthAlreadyClosed)])) }
            try await db.raw("""
                INSERT INTO month_closes (month, closed_at, closed_by) VALUES (\(bind: month.iso), \(bind: StoredTime.text(now)), \(bind: actor.name))
                """).run()
            try await db.raw("""
                INSERT INTO report_snapshots (month, project_id, dispatch_yuan, statistical_yuan, progress_percent, status)
                SELECT month, project_id, dispatch_yuan, statistical_yuan, progress_percent, status FROM monthly_reports WHERE month = \(bind: month.iso)
                """).run()
            let count = try await db.raw("SELECT COUNT(*) AS n FROM report_snapshots WHERE month = \(bind: month.iso)").first()!.decode(column: "n", as: Int.self)
            try await AssessmentRepository.freeze(assessment, month: month, actor: actor, now: now, db: db)
            try await LedgerGeneration.bump(db)
            // Every instance holds closed months' figures by this counter (`ClosedMonthFigures`).
            try await SharedDataGeneration.bump(db)
            try await AuditLog.write(entity: "month_close", entityId: month.iso, action: "close", before: nil,
                                     after: AuditLog.json(["reports": count]), actor: actor, now: now, db: db)
            return MonthClose(month: month, closedAt: now, closedBy: actor.name)
        }
    }

    /// Opens a closed month again (an administrator, with a reason): the snapshot is dropped and
    /// taken afresh at the next close; the corrections stay as history.
    public func reopen(month: Month, reason: String, actor: AuditActor, now: Date) async throws {
        let reason = TextNormalizer.collapsedLine(reason)
        try await database.transaction { db in
            guard let close = try await Self.close(of: month, db: db) else { throw StoreError.invalid(ValidationFailure([FieldError("month", .monthNotClosed)])) }
            guard !reason.isEmpty else { throw StoreError.invalid(ValidationFailure([FieldError("reason", .required(field: "reason"))])) }
            let snapshot = try await Self.snapshot(month: month, db: db)
            try await db.raw("DELETE FROM report_snapshots WHERE month = \(bind: month.iso)").run()
            try await db.raw("DELETE FROM month_closes WHERE month = \(bind: month.iso)").run()
            try await AssessmentRepository.thaw(month, db: db)
            try await LedgerGeneration.bump(db)
            try await SharedDataGeneration.bump(db)
            try await AuditLog.write(entity: "month_close", entityId: month.iso, action: "reopen",
                                     before: AuditLog.json(["closedAt": StoredTime.text(close.closedAt), "closedBy": close.closedBy,
                                                            "snapshot": snapshot.values.sorted { $0.projectId < $1.projectId }.map { "\($0.projectId):\($0.dispatch.yuan)" }.joined(separator: ",")]),
                                     after: nil, reason: reason, actor: actor, now: now, db: db)
        }
    }

    public func snapshot(month: Month) async throws -> [Int64: SnapshotFigures] {
        try await Self.snapshot(month: month, db: database.reader)
    }

    static func snapshot(month: Month, db: any SQLDatabase) async throws -> [Int64: SnapshotFigures] {
        let rows = try await db.raw("SELECT * FROM report_snapshots WHERE month = \(bind: month.iso)").all()
        return Dictionary(try rows.map { row in
            let id = try row.decode(column: "project_id", as: Int64.self)
            return (id, SnapshotFigures(projectId: id, dispatch: Money(yuan: try row.decode(column: "dispatch_yuan", as: Int64.self)),
                                        statistical: try row.decode(column: "statistical_yuan", as: Int64?.self).map(Money.init(yuan:)),
                                        progressPercent: try row.decode(column: "progress_percent", as: Int?.self),
                                        status: MonthlyReport.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted))
        }, uniquingKeysWith: { first, _ in first })
    }

    public func corrections(month: Month) async throws -> [ReportCorrection] {
        try await database.reader.raw("SELECT * FROM report_corrections WHERE month = \(bind: month.iso) ORDER BY id").all().map(Self.correction)
    }

    static func correction(_ row: any SQLRow) throws -> ReportCorrection {
        ReportCorrection(
            month: Month.parse(try row.decode(column: "month", as: String.self)) ?? Month(year: 2000, month: 1)!,
            projectId: try row.decode(column: "project_id", as: Int64.self),
            dispatchBefore: try row.decode(column: "dispatch_before", as: Int64?.self).map(Money.init(yuan:)),
            dispatchAfter: Money(yuan: try row.decode(column: "dispatch_after", as: Int64.self)),
            statisticalBefore: try row.decode(column: "statistical_before", as: Int64?.self).map(Money.init(yuan:)),
            statisticalAfter: try row.decode(column: "statistical_after", as: Int64?.self).map(Money.init(yuan:)),
            reason: try row.decode(column: "reason", as: String.self), actor: try row.decode(column: "actor_name", as: String.self),
            at: try StoredTime.decode(row, "at")
        )
    }
}
