import Foundation
import GroundbreakDomain
import SQLKit

/// One row of the audit trail.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var actorUserId: Int64?
    public var actorName: String
    public var sourceIP: String
    public var requestId: String
    public var actorUnit: String
    public var entity: String
    public var entityId: String
    public var action: String
    public var beforeJSON: String?
    public var afterJSON: String?
    public var reason: String
}

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
        try await db.raw("""
            INSERT INTO audit_log (at, actor_user_id, actor_name, actor_unit, source_ip, request_id, entity, entity_id, action, before_json, after_json, reason)
            VALUES (\(bind: StoredTime.text(now)), \(bind: actor.userId), \(bind: actor.name), \(bind: actor.unit), \(bind: actor.sourceIP),
                    \(bind: actor.requestId), \(bind: entity), \(bind: entityId), \(bind: action), \(bind: before), \(bind: after), \(bind: reason))
            """).run()
    }

    /// The trail of one entity, oldest first.
    public func entries(entity: String, entityId: String) async throws -> [AuditEntry] {
        try await database.sql.raw("""
            SELECT * FROM audit_log WHERE entity = \(bind: entity) AND entity_id = \(bind: entityId) ORDER BY id
            """).all().map(Self.entry)
    }

    public func count() async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
    }

    static func entry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            id: try row.decode(column: "id", as: Int64.self),
            at: StoredTime.date(try row.decode(column: "at", as: String.self)) ?? Date(timeIntervalSince1970: 0),
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
