import Foundation
import GroundbreakDomain
import SQLKit

/// Bulk writes from imported files: all rows in one transaction or none.
public struct ImportRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stored projects a file may name: by code, or by name (any region; the caller matches the region).
    public func candidates(codes: [String], names: [String]) async throws -> [Project] {
        var ids: Set<Int64> = []
        let db = database.reader
        for chunk in codes.chunked(into: 500) {
            for row in try await db.raw("SELECT id FROM projects WHERE code IN (\(binds: Array(chunk)))").all() { ids.insert(try row.decode(column: "id", as: Int64.self)) }
        }
        for chunk in names.chunked(into: 500) {
            for row in try await db.raw("SELECT id FROM projects WHERE name IN (\(binds: Array(chunk)))").all() { ids.insert(try row.decode(column: "id", as: Int64.self)) }
        }
        var projects: [Project] = []
        for chunk in ids.sorted().chunked(into: 500) {
            let rows = try await db.raw("SELECT * FROM projects WHERE id IN (\(binds: Array(chunk)))").all()
            let children = try await ProjectRow.children(of: Array(chunk), db: db)
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                projects.append(try ProjectRow.project(row, children: children[id] ?? .init()))
            }
        }
        return projects
    }

    /// Writes every planned change and the import's own record in one transaction. A project
    /// changed since the preview (its version moved) fails the whole import with `conflict`.
    public func commitProjects(_ writes: [ProjectWrite], record: ImportRecord, actor: AuditActor, catalog: ReferenceCatalog, now: Date) async throws -> ImportRecord {
        let reason = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            for write in writes {
                switch write {
                case .create(let fields, let stage, _):
                    _ = try await ProjectRepository.insert(fields, stage: stage, actor: actor, catalog: catalog, now: now, db: db, reason: reason)
                case .update(let id, let version, let fields, _):
                    _ = try await ProjectRepository.replaceFields(id: id, expectedVersion: version, fields: fields, reason: reason, actor: actor, catalog: catalog, now: now, db: db)
                }
            }
            return try await Self.record(record, actor: actor, now: now, db: db)
        }
    }

    static func record(_ record: ImportRecord, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> ImportRecord {
        let id = try await db.raw("""
            INSERT INTO imports (kind, file_name, sha256, size, created_count, updated_count, unchanged_count, skipped_count, actor_user_id, actor_name, actor_unit, at)
            VALUES (\(bind: record.kind.rawValue), \(bind: record.fileName), \(bind: record.sha256), \(bind: record.size), \(bind: record.created),
                    \(bind: record.updated), \(bind: record.unchanged), \(bind: record.skipped), \(bind: actor.userId), \(bind: actor.name), \(bind: actor.unit),
                    \(bind: StoredTime.text(now)))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        var saved = record
        saved.id = id
        saved.actorName = actor.name
        saved.at = now
        try await AuditLog.write(entity: "import", entityId: String(id), action: "commit", before: nil, after: AuditLog.json(saved), actor: actor, now: now, db: db)
        return saved
    }

    /// Whose imports a caller sees: all of them, or those of one unit and of one user.
    public enum HistoryReach: Sendable, Equatable {
        case everything
        case unitAndUser(unit: String?, userId: Int64)
    }

    public func recent(reach: HistoryReach, limit: Int = 20) async throws -> [ImportRecord] {
        let filter: SQLQueryString
        switch reach {
        case .everything: filter = "1 = 1"
        case .unitAndUser(let unit, let userId):
            filter = unit.map { "(actor_unit = \(bind: $0) OR actor_user_id = \(bind: userId))" } ?? "actor_user_id = \(bind: userId)"
        }
        return try await database.reader.raw("SELECT * FROM imports WHERE \(filter) ORDER BY id DESC LIMIT \(bind: limit)").all().map { row in
            ImportRecord(
                id: try row.decode(column: "id", as: Int64.self),
                kind: ImportRecord.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .projects,
                fileName: try row.decode(column: "file_name", as: String.self), sha256: try row.decode(column: "sha256", as: String.self),
                size: try row.decode(column: "size", as: Int.self), created: try row.decode(column: "created_count", as: Int.self),
                updated: try row.decode(column: "updated_count", as: Int.self), unchanged: try row.decode(column: "unchanged_count", as: Int.self),
                skipped: try row.decode(column: "skipped_count", as: Int.self), actorName: try row.decode(column: "actor_name", as: String.self),
                at: try StoredTime.decode(row, "at")
            )
        }
    }
}
