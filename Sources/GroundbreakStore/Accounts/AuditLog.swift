import Foundation
import GroundbreakDomain
import SQLKit
import Synchronization

/// The append-only audit trail. Writes happen inside the caller's transaction, so a change and
/// its audit row are committed together or not at all.
public struct AuditLog: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoredTime.text(date))
        }
        return encoder
    }()

    static func json(_ value: (some Encodable)?) throws -> String? {
        guard let value else { return nil }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func write(
        entity: String, entityId: String, action: String, before: String?, after: String?, reason: String = "",
        actor: AuditActor, now: Date, db: any SQLDatabase
    ) async throws {
        // Every string is capped: what a caller typed (a user name, a path) must not become a
        // megabyte of permanent trail.
        let cap = AuditLimits.self
        let values: SQLQueryString = """
            (\(bind: StoredTime.text(now)), \(bind: actor.userId), \(bind: cap.short(actor.name)), \(bind: cap.short(actor.unit)),
             \(bind: cap.short(actor.sourceIP)), \(bind: cap.short(actor.requestId)), \(bind: cap.short(entity)), \(bind: cap.short(entityId)),
             \(bind: cap.short(action)), \(bind: before.map(cap.document)), \(bind: after.map(cap.document)), \(bind: cap.reason(reason)))
            """
        if let batch = Batch.open {
            batch.rows.withLock { $0.append(values) }
        } else {
            try await db.raw(Self.insert + values).run()
        }
        if !Self.bookkeeping.contains(entity) { try await DataGeneration.noteChange(db) }
    }

    private static let insert: SQLQueryString = """
        INSERT INTO audit_log (at, actor_user_id, actor_name, actor_unit, source_ip, request_id, entity, entity_id, action, before_json, after_json, reason)
        VALUES\(unsafeRaw: " ")
        """

    /// Audit rows of one long transaction (an import of thousands of rows) kept and written
    /// together before it commits: a statement per few hundred rows instead of one per row. They
    /// are in the same transaction as the changes, so they commit or roll back with them.
    final class Batch: Sendable {
        @TaskLocal static var open: Batch?
        fileprivate let rows = Mutex<[SQLQueryString]>([])

        /// Runs `body` with its audit rows kept, then writes them on `db`.
        static func writing<T: Sendable>(on db: any SQLDatabase, _ body: () async throws -> T) async throws -> T {
            let batch = Batch()
            let result = try await $open.withValue(batch, operation: body)
            let rows = batch.rows.withLock { $0 }
            // 12 values a row: 400 rows stay far below SQLite's limit on bound values.
            for start in stride(from: 0, to: rows.count, by: 400) {
                try await db.raw(AuditLog.insert + rows[start..<min(rows.count, start + 400)].joined(separator: ", ")).run()
            }
            return result
        }
    }

    /// Entities whose audit rows record who signed in, used a token or was refused a route: no
    /// figure reads them, so they leave the figures generation where it is (a sign-in rush or an
    /// integration polling with its token would otherwise recompute every dashboard).
    static let bookkeeping: Set<String> = ["auth", "api_token", "route", "webhook"]

    /// The trail of one entity, oldest first.
    public func entries(entity: String, entityId: String) async throws -> [AuditEntry] {
        try await database.reader.raw("""
            SELECT * FROM audit_log WHERE entity = \(bind: entity) AND entity_id = \(bind: entityId) ORDER BY id
            """).all().map(Self.entry)
    }

    public func count() async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
    }

    static func entry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            id: try row.decode(column: "id", as: Int64.self),
            at: try StoredTime.decode(row, "at"),
            actorUserId: try row.decode(column: "actor_user_id", as: Int64?.self),
            actorName: try row.decode(column: "actor_name", as: String.self),
            sourceIP: try row.decode(column: "source_ip", as: String.self),
            requestId: try row.decode(column: "request_id", as: String.self),
            actorUnit: try row.decode(column: "actor_unit", as: String.self),
            entity: try row.decode(column: "entity", as: String.self),
            entityId: try row.decode(column: "entity_id", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            beforeJSON: try row.decode(column: "before_json", as: String?.self),
            afterJSON: try row.decode(column: "after_json", as: String?.self),
            reason: try row.decode(column: "reason", as: String.self)
        )
    }
}

/// How long each audited string may be, in characters; longer ones are cut and marked.
enum AuditLimits {
    static let shortLength = 200
    static let reasonLength = 2_000
    /// Before/after images of a changed record; a project is a few kilobytes.
    static let documentLength = 256 * 1024

    static func short(_ text: String) -> String { cut(text, shortLength) }
    static func reason(_ text: String) -> String { cut(text, reasonLength) }
    static func document(_ text: String) -> String { cut(text, documentLength) }

    private static func cut(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }
}
