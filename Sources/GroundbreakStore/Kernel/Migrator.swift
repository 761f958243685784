import Foundation
import Logging
import SQLKit

/// Applies the numbered migrations shipped in `Migrations/`, each in its own transaction, and
/// records them in `schema_migrations`. A migration that already ran must not change: its
/// checksum is compared on every start.
public struct Migrator: Sendable {
    public let database: Database
    let logger: Logger

    public init(database: Database, logger: Logger = Logger(label: "groundbreak.migrate")) {
        self.database = database
        self.logger = logger
    }

    public struct EditedMigration: Error, CustomStringConvertible {
        public let version: Int
        public var description: String {
            StoreText.editedMigration(version)
        }
    }

    /// Migration files shipped with the binary, in version order.
    static func bundledFiles() throws -> [MigrationFile] {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        return try names.sorted().map { name in
            try MigrationFile(fileName: name, text: String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// Runs every pending migration; returns the versions applied.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        try await database.write("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
        let applied = try await database.reader.raw("SELECT version, checksum FROM schema_migrations").all()
        var checksums: [Int: String] = [:]
        for row in applied {
            checksums[try row.decode(column: "version", as: Int.self)] = try row.decode(column: "checksum", as: String.self)
        }
        var ran: [Int] = []
        for file in try Self.bundledFiles() {
            if let checksum = checksums[file.version] {
                guard checksum == file.checksum else { throw EditedMigration(version: file.version) }
                continue
            }
            let statements = file.statements(for: database.engine)
            let engine = database.engine
            try await database.transaction { db in
                for statement in statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, checksum, applied_at)
                    VALUES (\(bind: file.version), \(bind: file.name), \(bind: file.checksum), \(bind: StoredTime.text(now)))
                    """).run()
            }
            logger.info("applied migration", metadata: ["version": "\(file.version)", "name": "\(file.name)", "engine": "\(engine)"])
            ran.append(file.version)
        }
        return ran
    }
}
