@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// A connection to the store: a pool of SQLite or PostgreSQL connections behind one SQLKit
/// database, with transactions that run on a single connection.
public final class Database: Sendable {
    public let engine: DatabaseEngine
    public let location: DatabaseLocation
    let sql: any SQLDatabase
    private let shutdownPool: @Sendable () async throws -> Void
    private let writeGate: WriteGate?
    let ledgerCache = LedgerCache()

    private init(engine: DatabaseEngine, location: DatabaseLocation, sql: any SQLDatabase, shutdown: @escaping @Sendable () async throws -> Void) {
        self.engine = engine
        self.location = location
        self.sql = sql
        self.shutdownPool = shutdown
        self.writeGate = engine == .sqlite ? WriteGate() : nil
    }

    /// Opens a pool. SQLite files are created when missing; their folder must exist.
    public static func connect(
        _ location: DatabaseLocation,
        maxConnectionsPerEventLoop: Int = 4,
        logger: Logger = Logger(label: "groundbreak.store"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> Database {
        let database: Database
        switch location {
        case .sqlite(let path):
            let pool = EventLoopGroupConnectionPool(
                source: SQLiteSource(path: path), maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                requestTimeout: .seconds(30), logger: logger, on: eventLoopGroup
            )
            let sql = PooledSQLiteDatabase(pool: pool, logger: logger).sql(queryLogLevel: nil)
            database = Database(engine: .sqlite, location: location, sql: sql) { try await pool.shutdownAsync() }
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.coreConfiguration.options.requireBackendKeyData = false
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                requestTimeout: .seconds(30), logger: logger, on: eventLoopGroup
            )
            database = Database(engine: .postgres, location: location, sql: pool.database(logger: logger).sql(queryLogLevel: nil)) {
                try await pool.shutdownAsync()
            }
        }
        // Fail here, with the real reason, rather than at the first request.
        do {
            _ = try await database.sql.raw("SELECT 1").all()
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }

    public func shutdown() async {
        try? await shutdownPool()
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back
    /// when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = Dialect.beginTransaction(for: engine)
        await writeGate?.enter()
        do {
            let result = try await sql.withSession { session in
                try await session.raw(SQLQueryString(begin)).run()
                do {
                    let result = try await body(session)
                    try await session.raw("COMMIT").run()
                    return result
                } catch {
                    try? await session.raw("ROLLBACK").run()
                    throw error
                }
            }
            await writeGate?.leave()
            return result
        } catch {
            await writeGate?.leave()
            throw error
        }
    }
}
