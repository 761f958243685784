import Foundation
import GroundbreakDomain
import SQLKit

/// Every uploaded file, whatever owns it (a project's site photo, a problem's evidence): one
/// table, one type check (`FileRules`), one audit trail. The bytes go to the attachment store,
/// named by their SHA-256, and leave again if the row cannot be written.
public struct FileRepository: Sendable {
    public let database: Database
    public let storage: any AttachmentStorage

    public init(database: Database, storage: any AttachmentStorage) {
        self.database = database
        self.storage = storage
    }

    /// Keeps a file for `owner`; refuses what `FileRules` refuses for its kind, changing nothing.
    public func add(_ owner: StoredFile.Owner, name: String, bytes: [UInt8], maxBytes: Int, actor: AuditActor, now: Date) async throws -> StoredFile {
        let type: String
        switch FileRules.check(owner.kind, bytes: bytes, name: name, maxBytes: maxBytes) {
        case .failure(let failure): throw StoreError.invalid(failure)
        case .success(let checked): type = checked
        }
        let cleanName = FileRules.cleanName(name, kind: owner.kind)
        return try await storage.keep(bytes, in: database) { key, db in
            // The table names owners of two kinds, so no foreign key holds them: the owner must exist when its file is written.
            let ownerTable = owner.kind == .sitePhoto ? "projects" : "problems"
            guard try await db.raw("SELECT 1 AS n FROM \(unsafeRaw: ownerTable) WHERE id = \(bind: owner.id)").first() != nil else { throw StoreError.notFound }
            let id = try await db.raw("""
                INSERT INTO files (owner_kind, owner_id, owner_key, name, content_type, size, sha256, uploaded_by, uploaded_at)
                VALUES (\(bind: owner.kind.rawValue), \(bind: owner.id), \(bind: owner.key), \(bind: cleanName), \(bind: type), \(bind: bytes.count),
                        \(bind: key), \(bind: actor.name), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "file", entityId: String(id), action: "upload", before: nil,
                                     after: AuditLog.json(["owner": owner.kind.rawValue, "ownerId": String(owner.id), "ownerKey": owner.key,
                                                           "name": cleanName, "sha256": key]),
                                     actor: actor, now: now, db: db)
            return StoredFile(id: id, owner: owner, name: cleanName, contentType: type, size: bytes.count, sha256: key, uploadedBy: actor.name, uploadedAt: now)
        }
    }

    /// A project's site photos, in upload order.
    public func photos(projectId: Int64) async throws -> [StoredFile] {
        try await files(.sitePhoto, ownerId: projectId)
    }

    /// A problem's evidence, in upload order.
    public func evidence(problemId: Int64) async throws -> [StoredFile] {
        try await files(.problemEvidence, ownerId: problemId)
    }

    func files(_ kind: StoredFile.Owner.Kind, ownerId: Int64) async throws -> [StoredFile] {
        try await database.reader.raw("""
            SELECT * FROM files WHERE owner_kind = \(bind: kind.rawValue) AND owner_id = \(bind: ownerId) ORDER BY id
            """).all().map(Self.file)
    }

    public func file(id: Int64) async throws -> StoredFile? {
        try await database.reader.raw("SELECT * FROM files WHERE id = \(bind: id)").first().map(Self.file)
    }

    public func bytes(of file: StoredFile) throws -> [UInt8]? {
        try storage.load(key: file.sha256)
    }

    static func file(_ row: any SQLRow) throws -> StoredFile {
        let kind = try row.decode(column: "owner_kind", as: String.self)
        let ownerId = try row.decode(column: "owner_id", as: Int64.self)
        let key = try row.decode(column: "owner_key", as: String.self)
        guard let owner = StoredFile.Owner(kind: kind, id: ownerId, key: key) else { throw UnreadableRow(column: "files.owner_kind", value: kind + " " + key) }
        return StoredFile(id: try row.decode(column: "id", as: Int64.self), owner: owner, name: try row.decode(column: "name", as: String.self),
                          contentType: try row.decode(column: "content_type", as: String.self), size: try row.decode(column: "size", as: Int.self),
                          sha256: try row.decode(column: "sha256", as: String.self), uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
                          uploadedAt: try StoredTime.decode(row, "uploaded_at"))
    }
}
