import Foundation
import GroundbreakDomain
import SQLKit

extension AuditLog {
    /// Records an event outside any other change: sign-ins, failures, token use, denials.
    public func record(entity: String, entityId: String, action: String, detail: String? = nil, reason: String = "", actor: AuditActor, now: Date) async throws {
        try await database.transaction { db in
            try await Self.write(entity: entity, entityId: entityId, action: action, before: nil, after: detail, reason: reason, actor: actor, now: now, db: db)
        }
    }

    /// Newest first, with the number of matching rows.
    public func search(_ query: AuditQuery) async throws -> (entries: [AuditEntry], totalCount: Int) {
        var clauses: [SQLQueryString] = ["1 = 1"]
        if let entity = query.entity { clauses.append("entity = \(bind: entity)") }
        if let entityId = query.entityId { clauses.append("entity_id = \(bind: entityId)") }
        if let actor = query.actorUserId { clauses.append("actor_user_id = \(bind: actor)") }
        if let name = query.actorName, !name.isEmpty {
            clauses.append("actor_name LIKE \(bind: "%" + ProjectRepository.escapeLike(name) + "%") ESCAPE '\\'")
        }
        if let unit = query.unit { clauses.append("actor_unit = \(bind: unit)") }
        if let action = query.action { clauses.append("action = \(bind: action)") }
        if let from = query.from { clauses.append("at >= \(bind: StoredTime.text(from.startInChina))") }
        if let to = query.to { clauses.append("at < \(bind: StoredTime.text(to.adding(days: 1).startInChina))") }
        let filter = clauses.joined(separator: " AND ")
        let total = try await database.reader.raw("SELECT COUNT(*) AS n FROM audit_log WHERE \(filter)").first()!.decode(column: "n", as: Int.self)
        let offset = (max(query.page, 1) - 1) * query.perPage
        let rows = try await database.reader.raw("""
            SELECT * FROM audit_log WHERE \(filter) ORDER BY id DESC LIMIT \(literal: query.perPage) OFFSET \(literal: offset)
            """).all()
        return (try rows.map(Self.entry), total)
    }
}
