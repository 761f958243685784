import Crypto
import Foundation
import GroundbreakDomain
import SQLKit

/// Where attachment bytes live. Local disk by default; an object store can take its place.
public protocol AttachmentStorage: Sendable {
    /// Stores `bytes` under `key` (their SHA-256), idempotently; true when this call created it.
    @discardableResult
    func save(_ bytes: [UInt8], key: String) throws -> Bool
    func load(key: String) throws -> [UInt8]?
    func remove(key: String) throws
}

extension AttachmentStorage {
    static func key(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Keeps `bytes` under their SHA-256, then runs `record` — the transaction that writes the
    /// row naming them. When that fails and this call put the file there and no row names it,
    /// the file goes again: a refused or failed upload leaves nothing on disk.
    func keep<T: Sendable>(_ bytes: [UInt8], in database: Database, record: @escaping @Sendable (String, any SQLDatabase) async throws -> T) async throws -> T {
        let key = Self.key(of: bytes)
        let created = try save(bytes, key: key)
        do {
            return try await database.transaction { db in try await record(key, db) }
        } catch {
            if created, try await !AttachmentReferences.isReferenced(key, database: database) { try? remove(key: key) }
            throw error
        }
    }
}

/// Whether any stored row names a file.
enum AttachmentReferences {
    static func isReferenced(_ key: String, database: Database) async throws -> Bool {
        try await database.reader.raw("""
            SELECT 1 AS n FROM attachments WHERE sha256 = \(bind: key) UNION ALL SELECT 1 AS n FROM problem_files WHERE sha256 = \(bind: key)
            """).first() != nil
    }
}

/// A file name as shown and stored: one line, no path separators or control characters, at most
/// 120 characters.
func uploadName(_ name: String) -> String {
    String(TextNormalizer.collapsedLine(TextNormalizer.removingForbiddenControls(name)).filter { !"/\\".contains($0) }.prefix(120))
}

/// Files in a directory, two levels of fan-out by the key's first characters.
public struct LocalDiskStorage: AttachmentStorage {
    public let directory: URL

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    func url(_ key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

    @discardableResult
    public func save(_ bytes: [UInt8], key: String) throws -> Bool {
        let target = url(key)
        if FileManager.default.fileExists(atPath: target.path) { return false }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written aside and moved, so a crash never leaves half a file under the final name.
        let temporary = target.appendingPathExtension("part-\(UUID().uuidString)")
        try Data(bytes).write(to: temporary)
        do {
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch where FileManager.default.fileExists(atPath: target.path) {
            // Another upload of the same bytes got there first.
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
        return true
    }

    public func remove(key: String) throws {
        guard key.count == 64, key.allSatisfy(\.isHexDigit) else { return }
        try FileManager.default.removeItem(at: url(key))
    }

    public func load(key: String) throws -> [UInt8]? {
        guard key.count == 64, key.allSatisfy(\.isHexDigit) else { return nil }
        return FileManager.default.contents(atPath: url(key).path).map { [UInt8]($0) }
    }
}

/// Photos and other files attached to a project's records.
public struct AttachmentRepository: Sendable {
    public let database: Database
    public let storage: any AttachmentStorage

    public init(database: Database, storage: any AttachmentStorage) {
        self.database = database
        self.storage = storage
    }

    /// Image types accepted as site photos, told by their first bytes rather than the name.
    public static func imageType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.count > 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// Attaches a site photo to a project's report month.
    public func addPhoto(projectId: Int64, month: Month, name: String, bytes: [UInt8], maxBytes: Int, actor: AuditActor, now: Date) async throws -> Attachment {
        var errors: [FieldError] = []
        if bytes.isEmpty { errors.append(FieldError("photo", .required(field: "photo"))) }
        if bytes.count > maxBytes { errors.append(FieldError("photo", .fileTooLarge(maxBytes: maxBytes))) }
        let type = Self.imageType(bytes)
        if !bytes.isEmpty && type == nil { errors.append(FieldError("photo", .notAnImage)) }
        guard errors.isEmpty, let type else { throw StoreError.invalid(ValidationFailure(errors)) }
        let cleanName = uploadName(name)
        return try await storage.keep(bytes, in: database) { key, db in
            let id = try await db.raw("""
                INSERT INTO attachments (project_id, entity, entity_key, name, content_type, size, sha256, uploaded_by, uploaded_at)
                VALUES (\(bind: projectId), 'monthly_report', \(bind: month.iso), \(bind: cleanName.isEmpty ? "photo" : cleanName), \(bind: type),
                        \(bind: bytes.count), \(bind: key), \(bind: actor.name), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "attachment", entityId: String(id), action: "upload", before: nil,
                                     after: AuditLog.json(["project": String(projectId), "month": month.iso, "name": cleanName, "sha256": key]),
                                     actor: actor, now: now, db: db)
            return Attachment(id: id, projectId: projectId, entity: "monthly_report", entityKey: month.iso, name: cleanName, contentType: type,
                              size: bytes.count, sha256: key, uploadedBy: actor.name, uploadedAt: now)
        }
    }

    public func attachments(projectId: Int64) async throws -> [Attachment] {
        try await database.reader.raw("SELECT * FROM attachments WHERE project_id = \(bind: projectId) ORDER BY id").all().map(Self.attachment)
    }

    public func attachment(id: Int64) async throws -> Attachment? {
        try await database.reader.raw("SELECT * FROM attachments WHERE id = \(bind: id)").first().map(Self.attachment)
    }

    public func bytes(of attachment: Attachment) throws -> [UInt8]? {
        try storage.load(key: attachment.sha256)
    }

    static func attachment(_ row: any SQLRow) throws -> Attachment {
        Attachment(id: try row.decode(column: "id", as: Int64.self), projectId: try row.decode(column: "project_id", as: Int64.self),
                   entity: try row.decode(column: "entity", as: String.self), entityKey: try row.decode(column: "entity_key", as: String.self),
                   name: try row.decode(column: "name", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
                   size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
                   uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
                   uploadedAt: try StoredTime.decode(row, "uploaded_at"))
    }
}
