@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// Opens SQLite connections with the settings a shared, concurrently used file needs:
/// write-ahead logging, a busy timeout instead of immediate SQLITE_BUSY, and foreign keys on.
/// Reader connections are `query_only`, so only the writer connection can change the file.
struct SQLiteSource: ConnectionPoolSource {
    let path: String
    let readOnly: Bool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton, logger: logger, on: eventLoop)
            .flatMap { connection in
                let pragmas = [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = NORMAL",
                    "PRAGMA busy_timeout = 10000",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA cache_size = -8000",
                    "PRAGMA temp_store = MEMORY",
                    "PRAGMA mmap_size = 1073741824",
                ] + (readOnly ? ["PRAGMA query_only = ON"] : [])
                return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { future, pragma in
                    future.flatMap { connection.query(pragma).map { _ in } }
                }.map { connection }
                    .flatMapError { error in connection.close().flatMapThrowing { throw error } }
            }
    }
}

/// A pool of SQLite connections presented as one `SQLiteDatabase`, so SQLKit's `withSession`
/// pins a transaction to a single connection.
struct PooledSQLiteDatabase: SQLiteDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteSource>
    let logger: Logger

    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }

    func query(
        _ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void
    ) -> EventLoopFuture<Void> {
        pool.withConnection(logger: logger) { $0.query(query, binds, logger: logger, onRow) }
    }

    /// The connection's own async query: each row is handed over on the thread that steps the
    /// statement. `SQLiteDatabase`'s default for this requirement awaits the futures' variant, which
    /// submits every row to the connection's event loop as a task of its own: for the figures'
    /// snapshot (1.2 million reports) or a province's statistics (317,000 list rows), that many tasks
    /// and wake-ups on the loops that serve the requests.
    func query(_ query: String, _ binds: [SQLiteData], _ onRow: @escaping @Sendable (SQLiteRow) -> Void) async throws {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        try await connection.query(query, binds, onRow)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        pool.withConnection(logger: logger, closure)
    }
}
