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
        Hex.encode(SHA256.hash(data: bytes))
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
            SELECT 1 AS n FROM files WHERE sha256 = \(bind: key)
            """).first() != nil
    }
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

    /// A folder that cannot be written (disk full, read-only) is `StoreError.storageUnavailable`,
    /// with no part left behind.
    @discardableResult
    public func save(_ bytes: [UInt8], key: String) throws -> Bool {
        let target = url(key)
        if FileManager.default.fileExists(atPath: target.path) { return false }
        // Written aside and moved, so a crash never leaves half a file under the final name.
        let temporary = target.appendingPathExtension("part-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StoreError.storageUnavailable
        }
        do {
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            // Another upload of the same bytes got there first; anything else is the folder failing.
            if FileManager.default.fileExists(atPath: target.path) { return false }
            throw StoreError.storageUnavailable
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
