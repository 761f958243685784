import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import NIOCore
import NIOPosix
import SQLKit
import Testing

/// A fresh, migrated database with the shipped reference data, on either engine.
public struct TestStore: Sendable {
    public let database: GroundbreakStore.Database
    public let catalog: ReferenceCatalog

    public var engine: DatabaseEngine { database.engine }

    public init(database: GroundbreakStore.Database, catalog: ReferenceCatalog) {
        self.database = database
        self.catalog = catalog
    }
}

extension TestStore {
    /// `body` with a pool of its own on this store's database, as another instance or the CLI
    /// would have: one event loop with one connection, so every statement in it runs on that
    /// connection (or on the one that replaced it).
    public func elsewhere<T: Sendable>(_ body: (GroundbreakStore.Database) async throws -> T) async throws -> T {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let other = try await GroundbreakStore.Database.connect(database.location, maxConnectionsPerEventLoop: 1, eventLoopGroup: group)
        do {
            let result = try await body(other)
            await other.shutdown()
            try await group.shutdownGracefully()
            return result
        } catch {
            await other.shutdown()
            try await group.shutdownGracefully()
            throw error
        }
    }
}

/// Runs `body` against a fresh store on `engine` and closes it afterwards. When PostgreSQL is
/// not installed the test is cancelled with a notice, unless `GROUNDBREAK_REQUIRE_POSTGRES=1`.
public func withTestStore<T: Sendable>(
    _ engine: DatabaseEngine, _ body: (TestStore) async throws -> T
) async throws -> T {
    let location: DatabaseLocation
    switch engine {
    case .sqlite:
        location = .sqlite(path: try await SQLiteTemplate.shared.freshCopy())
    case .postgres:
        if !PostgresHarness.isAvailable && !PostgresHarness.isRequired {
            try Test.cancel("跳过：本机没有 PostgreSQL（initdb/pg_ctl），此用例只在 SQLite 上运行。CI 设置 GROUNDBREAK_REQUIRE_POSTGRES=1 时会失败而不是跳过。")
        }
        location = .postgres(url: try await PostgresHarness.shared.freshDatabaseURL())
    }
    let database = try await GroundbreakStore.Database.connect(location)
    do {
        let catalog = try await ReferenceRepository(database: database).catalog()
        let result = try await body(TestStore(database: database, catalog: catalog))
        await database.shutdown()
        TestStore.removeFile(location)
        return result
    } catch {
        await database.shutdown()
        TestStore.removeFile(location)
        throw Detailed.wrapping(error)
    }
}

/// PostgresNIO hides an error's details from `description`; a failing test should show them.
struct Detailed: Error, CustomStringConvertible {
    let description: String

    static func wrapping(_ error: any Error) -> any Error {
        let plain = String(describing: error)
        guard plain.contains("Generic description") else { return error }
        return Detailed(description: String(reflecting: error))
    }
}

extension TestStore {
    static func removeFile(_ location: DatabaseLocation) {
        guard case .sqlite(let path) = location else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A new empty SQLite file path (nothing migrated), removed by the caller.
    public static func emptySQLitePath() -> String {
        SQLiteTemplate.directory.appendingPathComponent("empty-\(UUID().uuidString).sqlite").path
    }
}

/// Migrating SQLite takes a moment; do it once per test process and copy the file per test.
actor SQLiteTemplate {
    static let shared = SQLiteTemplate()
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("groundbreak-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: SQLiteTemplate.directory) }
        return url
    }()

    private var template: Task<String, any Error>?

    func freshCopy() async throws -> String {
        let template = try await ensureTemplate()
        let path = Self.directory.appendingPathComponent("\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return path
    }

    private func ensureTemplate() async throws -> String {
        if template == nil { template = Task { try await Self.makeTemplate() } }
        return try await template!.value
    }

    private static func makeTemplate() async throws -> String {
        let path = Self.directory.appendingPathComponent("template.sqlite").path
        try? FileManager.default.removeItem(atPath: path)
        let database = try await GroundbreakStore.Database.connect(.sqlite(path: path), maxConnectionsPerEventLoop: 1)
        do {
            try await Migrator(database: database).migrate()
            try await ReferenceDataLoader(database: database).load()
            // Fold the write-ahead log into the file so a plain copy is complete.
            try await database.reader.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        return path
    }
}

/// Both engines, for `@Test(arguments:)`.
public let allEngines: [DatabaseEngine] = DatabaseEngine.allCases
