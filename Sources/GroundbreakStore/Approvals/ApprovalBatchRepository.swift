import Foundation
import GroundbreakDomain
import SQLKit

public struct ApprovalBatchRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(name: String, heldOn: Day, description: String, actor: AuditActor, now: Date = Date()) async throws -> ApprovalBatch {
        let name = TextNormalizer.collapsedLine(name)
        guard !name.isEmpty else { throw StoreError.invalid(ValidationFailure([FieldError("name", .required(field: "batchName"))])) }
        let id = try await database.transaction { db in
            let id = try await db.raw("""
                INSERT INTO approval_batches (name, held_on, description, created_at)
                VALUES (\(bind: name), \(bind: heldOn.iso), \(bind: description), \(bind: StoredTime.text(now))) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "approval_batch", entityId: String(id), action: "create", before: nil,
                                     after: AuditLog.json(["name": name, "heldOn": heldOn.iso]), actor: actor, now: now, db: db)
            return id
        }
        return ApprovalBatch(id: id, name: name, heldOn: heldOn, description: description, projectIds: [])
    }

    public func addProject(batchId: Int64, projectId: Int64, actor: AuditActor, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM approval_batches WHERE id = \(bind: batchId)").first() != nil else { throw StoreError.notFound }
            guard try await db.raw("SELECT id FROM projects WHERE id = \(bind: projectId)").first() != nil else {
                throw StoreError.invalid(ValidationFailure([FieldError("projectId", .unknownCode(field: "projectId", code: String(projectId)))]))
            }
            try await db.raw("""
                INSERT INTO approval_batch_projects (batch_id, project_id) VALUES (\(bind: batchId), \(bind: projectId))
                ON CONFLICT (batch_id, project_id) DO NOTHING
                """).run()
            try await AuditLog.write(entity: "approval_batch", entityId: String(batchId), action: "add-project", before: nil,
                                     after: AuditLog.json(["projectId": String(projectId)]), actor: actor, now: now, db: db)
        }
    }

    public func all() async throws -> [ApprovalBatch] {
        try await batches(where: "1 = 1")
    }

    public func batch(id: Int64) async throws -> ApprovalBatch? {
        try await batches(where: "id = \(bind: id)").first
    }

    private func batches(where condition: SQLQueryString) async throws -> [ApprovalBatch] {
        let members = try await database.reader.raw("""
            SELECT batch_id, project_id FROM approval_batch_projects WHERE batch_id IN (SELECT id FROM approval_batches WHERE \(condition))
            ORDER BY project_id
            """).all()
        var byBatch: [Int64: [Int64]] = [:]
        for row in members { byBatch[try row.decode(column: "batch_id", as: Int64.self), default: []].append(try row.decode(column: "project_id", as: Int64.self)) }
        return try await database.reader.raw("SELECT * FROM approval_batches WHERE \(condition) ORDER BY held_on DESC, id DESC").all().map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return ApprovalBatch(id: id, name: try row.decode(column: "name", as: String.self),
                                 heldOn: Day.parse(try row.decode(column: "held_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
                                 description: try row.decode(column: "description", as: String.self), projectIds: byBatch[id] ?? [])
        }
    }

}
