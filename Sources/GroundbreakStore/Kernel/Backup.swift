import Crypto
import Foundation
import GroundbreakDomain
import SQLKit

public struct BackupError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// A backup taken while the server runs, and its restore into a fresh place (issue 18: "back up
/// under load, restore into a fresh place, the figures are identical").
///
/// The database is copied as one consistent snapshot — SQLite's `VACUUM INTO`, PostgreSQL's
/// `pg_dump` on a snapshot exported from the transaction that counts the figures — then the
/// attachments (named by their content, never changed, so every file a snapshot names was there
/// before it), and last the manifest. A restore checks every checksum before writing anything,
/// writes only into an empty database and folder, and then checks the figures.
public enum Backup {
    public static let sqliteFile = "groundbreak.sqlite"
    public static let postgresFile = "groundbreak.pgdump"
    static let attachmentsFolder = "attachments"

    public static func create(_ database: Database, attachments: URL, into folder: URL, now: Date) async throws -> BackupManifest {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path), !(try fm.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw BackupError(description: StoreText.Backup.notEmpty(folder.path))
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let file: URL, figures: BackupFigures
        switch database.location {
        case .sqlite:
            file = folder.appendingPathComponent(sqliteFile)
            try await database.outsideTransaction { db in try await db.raw("VACUUM INTO \(bind: file.path)").run() }
            // The figures are the copy's own: it is the snapshot.
            let copy = try await Database.connect(.sqlite(path: file.path), maxConnectionsPerEventLoop: 1)
            do {
                figures = try await Self.figures(copy.reader)
                await copy.shutdown()
            } catch {
                await copy.shutdown()
                throw error
            }
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: file.path + suffix) }
        case .postgres(let url):
            file = folder.appendingPathComponent(postgresFile)
            figures = try await database.snapshot { db, snapshot in
                let figures = try await Self.figures(db)
                try await PostgresTools.run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=\(snapshot)",
                                                        "--file=\(file.path)", "--dbname=\(url)"])
                return figures
            }
            guard ((try? fm.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) > 0 else {
                throw BackupError(description: StoreText.Backup.toolFailed("pg_dump", file.path))
            }
        }
        let migrations = try await database.reader.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self) ?? 0
        var copied: [String: String] = [:]
        for relative in try files(under: attachments) {
            let target = folder.appendingPathComponent(attachmentsFolder).appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: attachments.appendingPathComponent(relative), to: target)
            copied[relative] = try sha256(of: target)
        }
        let manifest = BackupManifest(engine: database.engine, createdAt: now, migrations: migrations, databaseFile: file.lastPathComponent,
                                      databaseSHA256: try sha256(of: file), attachments: copied, figures: figures)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: folder.appendingPathComponent(BackupManifest.fileName), options: .atomic)
        return manifest
    }

    /// Restores `folder` into `location` (a database that does not exist yet or has no tables)
    /// and `attachments`; returns the figures found, which are the manifest's.
    public static func restore(from folder: URL, to location: DatabaseLocation, attachments: URL) async throws -> BackupFigures {
        let manifest = try read(folder)
        guard manifest.engine == location.engine else {
            throw BackupError(description: StoreText.Backup.engineMismatch(manifest.engine.rawValue, location.engine.rawValue))
        }
        let file = folder.appendingPathComponent(manifest.databaseFile)
        guard (try? sha256(of: file)) == manifest.databaseSHA256 else { throw BackupError(description: StoreText.Backup.checksum(manifest.databaseFile)) }
        for (relative, hash) in manifest.attachments.sorted(by: { $0.key < $1.key }) {
            let source = folder.appendingPathComponent(attachmentsFolder).appendingPathComponent(relative)
            guard (try? sha256(of: source)) == hash else { throw BackupError(description: StoreText.Backup.checksum(relative)) }
            let target = attachments.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: target.path), (try? sha256(of: target)) != hash {
                throw BackupError(description: StoreText.Backup.attachmentClash(relative))
            }
        }
        let fm = FileManager.default
        switch location {
        case .sqlite(let path):
            if fm.fileExists(atPath: path), ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0 {
                throw BackupError(description: StoreText.Backup.targetNotEmpty(path))
            }
            // SQLite would lay a log left beside the path over the restored file: a log of another
            // database makes it malformed, and one whose database was removed may hold its last
            // commits. Neither is ours to drop; an empty one is.
            let log = path + "-wal"
            if ((try? fm.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) > 0 {
                throw BackupError(description: StoreText.Backup.staleLog(log))
            }
            for leftover in [path, log, path + "-shm"] { try? fm.removeItem(atPath: leftover) }
            try fm.copyItem(atPath: file.path, toPath: path)
        case .postgres(let url):
            let target = try await Database.connect(location, maxConnectionsPerEventLoop: 1)
            let tables = try await tableNames(target.reader)
            await target.shutdown()
            guard tables.isEmpty else { throw BackupError(description: StoreText.Backup.targetNotEmpty("\(location)")) }
            try await PostgresTools.run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname=\(url)", file.path])
        }
        for relative in manifest.attachments.keys.sorted() {
            let target = attachments.appendingPathComponent(relative)
            guard !fm.fileExists(atPath: target.path) else { continue }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: folder.appendingPathComponent(attachmentsFolder).appendingPathComponent(relative), to: target)
        }
        let restored = try await Database.connect(location, maxConnectionsPerEventLoop: 1)
        let found: BackupFigures
        do {
            found = try await figures(restored.reader)
            await restored.shutdown()
        } catch {
            await restored.shutdown()
            throw error
        }
        let differences = found.differences(from: manifest.figures)
        guard differences.isEmpty else { throw BackupError(description: StoreText.Backup.verifyFailed(differences)) }
        return found
    }

    public static func read(_ folder: URL) throws -> BackupManifest {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(BackupManifest.fileName)) else {
            throw BackupError(description: StoreText.Backup.noManifest(folder.path))
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }

    /// Every table's rows and the ledger's and reports' money, read in one snapshot by the caller.
    public static func figures(_ db: any SQLDatabase) async throws -> BackupFigures {
        var rows: [String: Int] = [:]
        for table in try await tableNames(db) {
            rows[table] = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        func sum(_ column: String, _ table: String) async throws -> Int64 {
            try await db.raw("SELECT CAST(COALESCE(SUM(\(ident: column)), 0) AS BIGINT) AS s FROM \(ident: table)").first()?.decode(column: "s", as: Int64.self) ?? 0
        }
        return BackupFigures(rows: rows, totalInvestmentYuan: try await sum("total_investment", "projects"),
                             dispatchYuan: try await sum("dispatch_yuan", "monthly_reports"))
    }

    static func tableNames(_ db: any SQLDatabase) async throws -> [String] {
        let query: SQLQueryString = db.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        return try await db.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Files under `root`, by their path relative to it; none when it does not exist.
    static func files(under root: URL) throws -> [String] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.path), let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = root.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            found.append(path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent)
        }
        return found.sorted()
    }

    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.encode(hasher.finalize())
    }
}
