import Foundation
import GroundbreakDomain
import SQLKit

/// Evidence files of problems (解决情况的佐证): images, PDFs and Office documents, told by their bytes.
public struct ProblemFileRepository: Sendable {
    public let database: Database
    public let storage: any AttachmentStorage

    public init(database: Database, storage: any AttachmentStorage) {
        self.database = database
        self.storage = storage
    }

    /// The type of an evidence file, or nil when it is none we accept: JPEG, PNG, WebP, PDF, or an
    /// Office Open XML document (a zip named .docx, .xlsx or .pptx).
    public static func evidenceType(_ bytes: [UInt8], name: String) -> String? {
        if let image = AttachmentRepository.imageType(bytes) { return image }
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        switch (name as NSString).pathExtension.lowercased() {
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        default: return nil
        }
    }

    /// Why a file cannot be evidence, or nothing.
    public static func check(_ bytes: [UInt8], name: String, maxBytes: Int) -> [FieldError] {
        if bytes.isEmpty { return [FieldError("file", .required(field: "file"))] }
        if bytes.count > maxBytes { return [FieldError("file", .fileTooLarge(maxBytes: maxBytes))] }
        if evidenceType(bytes, name: name) == nil { return [FieldError("file", .field(StoreText.evidenceTypes))] }
        return []
    }

    public func add(problemId: Int64, name: String, bytes: [UInt8], maxBytes: Int, actor: AuditActor, now: Date) async throws -> ProblemFile {
        let errors = Self.check(bytes, name: name, maxBytes: maxBytes)
        guard errors.isEmpty, let type = Self.evidenceType(bytes, name: name) else { throw StoreError.invalid(ValidationFailure(errors)) }
        let typed = uploadName(name)
        let cleanName = typed.isEmpty ? StoreText.evidenceDefaultName : typed
        return try await storage.keep(bytes, in: database) { key, db in
            let id = try await db.raw("""
                INSERT INTO problem_files (problem_id, name, content_type, size, sha256, uploaded_by, uploaded_at)
                VALUES (\(bind: problemId), \(bind: cleanName), \(bind: type), \(bind: bytes.count), \(bind: key), \(bind: actor.name),
                        \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "problem", entityId: String(problemId), action: "file", before: nil,
                                     after: AuditLog.json(["file": String(id), "name": cleanName, "sha256": key]), actor: actor, now: now, db: db)
            return ProblemFile(id: id, problemId: problemId, name: cleanName, contentType: type, size: bytes.count, sha256: key,
                               uploadedBy: actor.name, uploadedAt: now)
        }
    }

    public func files(problemId: Int64) async throws -> [ProblemFile] {
        try await database.reader.raw("SELECT * FROM problem_files WHERE problem_id = \(bind: problemId) ORDER BY id").all().map(Self.file)
    }

    public func file(id: Int64) async throws -> ProblemFile? {
        try await database.reader.raw("SELECT * FROM problem_files WHERE id = \(bind: id)").first().map(Self.file)
    }

    public func bytes(of file: ProblemFile) throws -> [UInt8]? {
        try storage.load(key: file.sha256)
    }

    static func file(_ row: any SQLRow) throws -> ProblemFile {
        ProblemFile(id: try row.decode(column: "id", as: Int64.self), problemId: try row.decode(column: "problem_id", as: Int64.self),
                    name: try row.decode(column: "name", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
                    size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
                    uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
                    uploadedAt: try StoredTime.decode(row, "uploaded_at"))
    }
}
