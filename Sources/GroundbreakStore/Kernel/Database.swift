@preconcurrency import AsyncKit
import Foundation
import GroundbreakDomain
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// A connection to the store: pools of SQLite or PostgreSQL connections behind SQLKit, with
/// reads on `reader` and every write in `transaction`, which runs on a single connection.
///
/// On SQLite the reader connections are opened `query_only`, and writes go to one writer
/// connection behind the `WriteGate`: a write that bypasses `transaction` fails at once instead
/// of racing the writer for the file lock (the "database is locked" stalls of issue 12).
public final class Database: Sendable {
    public let engine: DatabaseEngine
    public let location: DatabaseLocation
    /// Reads: the primary's, or the replica's inside `readingReplica` (see `ReadReplica.swift`).
    /// Read-only on SQLite; a write here is a bug (use `transaction`).
    var reader: any SQLDatabase { Self.readsReplica ? (replica ?? primaryReader) : primaryReader }
    let primaryReader: any SQLDatabase
    /// A PostgreSQL streaming replica for reads that tolerate a few seconds' lag; nil without one.
    let replica: (any SQLDatabase)?
    /// Statements outside `transaction` (only what cannot run inside one, e.g. `CREATE DATABASE`).
    let writer: any SQLDatabase
    private let shutdownPool: @Sendable () async throws -> Void
    private let writeGate: WriteGate?
    let ledgerCache = LedgerCache()
    let ledgerIndex: LedgerIndexKeeper
    let projectSnapshot: ProjectSnapshotKeeper
    let closedMonths = ClosedMonthFigures()
    /// Projects created and problems raised at once commit together (`GroupCommit`).
    let projectCreates: GroupCommit<Project>
    let problemRaises: GroupCommit<Problem>
    let assessedProjects = ProjectPartsKeeper<AssessmentRepository.PartsKey, AssessedProject>()
    let assessmentGroupings = KeptGroupings()
    let projectSignals = ProjectPartsKeeper<WarningRepository.SignalsKey, ProjectSignals>()
    let approvalAnalyticsParts = ProjectPartsKeeper<ProjectApprovalRepository.AnalyticsKey, ApprovalAnalytics.ProjectPart>()
    let approvalTables = KeptApprovalTables()
    let listedParts = ProjectPartsKeeper<Int, ListedPart>()
    let monthReports = ProjectPartsKeeper<Month, MonthReportPart>()
    let overdueItems = ProjectPartsKeeper<ProjectApprovalRepository.OverdueKey, OverdueItems>()
    let fourRateParts = ProjectPartsKeeper<FourRatesRepository.PartsKey, FourRatePart>()
    let groundworkParts = ProjectPartsKeeper<GroundworkPartsRepository.PartsKey, GroundworkPart>()
    let leadFunds = KeptRows<ArrivedFunds>.leadFunds
    let leads = KeptRows<Lead>.leads
    let freshCounters = FreshCounters()
    let sessionsKept = CredentialCache<SessionRecord>()
    let tokensKept = CredentialCache<APIToken>()

    private init(engine: DatabaseEngine, location: DatabaseLocation, reader: any SQLDatabase, writer: any SQLDatabase, replica: (any SQLDatabase)? = nil,
                 logger: Logger, shutdown: @escaping @Sendable () async throws -> Void) {
        self.engine = engine
        self.location = location
        self.primaryReader = reader
        self.replica = replica
        self.writer = writer
        self.shutdownPool = shutdown
        self.ledgerIndex = LedgerIndexKeeper(logger: logger)
        self.projectSnapshot = ProjectSnapshotKeeper(logger: logger)
        self.writeGate = engine == .sqlite ? WriteGate() : nil
        let lanes = engine == .sqlite ? 1 : Self.writeLanes
        self.projectCreates = GroupCommit(lanes: lanes)
        self.problemRaises = GroupCommit(lanes: lanes)
    }

    /// Batches of one kind of write committing at once on PostgreSQL (`GroupCommit.lanes`).
    static var writeLanes: Int { 4 }

    /// Opens a pool. SQLite files are created when missing; their folder must exist. `replica`
    /// (PostgreSQL only) is a streaming replica of the same database, read by `readingReplica`.
    public static func connect(
        _ location: DatabaseLocation,
        replica replicaLocation: DatabaseLocation? = nil,
        maxConnectionsPerEventLoop: Int = 4,
        logger: Logger = Logger(label: "groundbreak.store"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> Database {
        let database: Database
        switch location {
        case .sqlite(let path):
            if replicaLocation != nil { throw ReplicaNeedsPostgres() }
            // The writer opens first: it switches a new file to WAL before any reader looks.
            let writerPool = EventLoopGroupConnectionPool(
                source: SQLiteSource(path: path, readOnly: false), maxConnectionsPerEventLoop: 1,
                requestTimeout: .seconds(60), logger: logger, on: eventLoopGroup.next()
            )
            let writer = SQLiteRowsDatabase(PooledSQLiteDatabase(pool: writerPool, logger: logger))
            do {
                _ = try await writer.raw("SELECT 1").all()
            } catch {
                try? await writerPool.shutdownAsync()
                throw error
            }
            let readerPool = EventLoopGroupConnectionPool(
                source: SQLiteSource(path: path, readOnly: true), maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                requestTimeout: .seconds(30), logger: logger, on: eventLoopGroup
            )
            let reader = SQLiteRowsDatabase(PooledSQLiteDatabase(pool: readerPool, logger: logger))
            database = Database(engine: .sqlite, location: location, reader: reader, writer: writer, logger: logger) {
                try await readerPool.shutdownAsync()
                try await writerPool.shutdownAsync()
            }
        case .postgres(let url):
            // The replica's address is checked first, so a bad one leaves no primary pool open.
            let replicaPool = try replicaLocation.map { try Self.replicaPool($0, size: maxConnectionsPerEventLoop, logger: logger, on: eventLoopGroup) }
            let pool = EventLoopGroupConnectionPool(
                source: try postgresSource(url), maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                requestTimeout: .seconds(30), logger: logger, on: eventLoopGroup
            )
            let sql = PostgresRowsDatabase(pool.database(logger: logger))
            database = Database(engine: .postgres, location: location, reader: sql, writer: sql,
                                replica: replicaPool.map { PostgresRowsDatabase($0.database(logger: logger)) }, logger: logger) {
                try await replicaPool?.shutdownAsync()
                try await pool.shutdownAsync()
            }
        }
        // Fail here, with the real reason, rather than at the first request.
        do {
            _ = try await database.reader.raw("SELECT 1").all()
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }

    static func postgresSource(_ url: String) throws -> PostgresConnectionSource {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.coreConfiguration.options.requireBackendKeyData = false
        return PostgresConnectionSource(sqlConfiguration: configuration)
    }

    public func shutdown() async {
        await ledgerIndex.stop()
        await projectSnapshot.stop()
        try? await shutdownPool()
    }

    /// One statement that changes data, as a transaction of its own.
    func write(_ statement: SQLQueryString) async throws {
        try await transaction { db in try await db.raw(statement).run() }
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back
    /// when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = Dialect.beginTransaction(for: engine), engine = engine
        RequestCounters.forget()
        await writeGate?.enter()
        do {
            let pending = GenerationBumps.Pending()
            let result = try await writer.withSession { session in
                try await Self.within(SQLQueryString(begin), on: session) {
                    try await GenerationBumps.$open.withValue(pending) { try await body(session) }
                } commit: {
                    try await GenerationBumps.flushAndCommit(pending, on: session, engine: engine)
                }
            }
            await writeGate?.leave()
            return result
        } catch {
            await writeGate?.leave()
            throw error
        }
    }

    /// A statement that may not run inside a transaction (SQLite's `VACUUM INTO`), on the writer
    /// connection and in its turn with the writes.
    func outsideTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        RequestCounters.forget()
        await writeGate?.enter()
        do {
            let result = try await writer.withSession { try await body($0) }
            await writeGate?.leave()
            return result
        } catch {
            await writeGate?.leave()
            throw error
        }
    }

    /// Several reads that must describe one instant, in one read transaction on one reader
    /// connection (SQLite in WAL mode reads one snapshot from the first read to the end; PostgreSQL
    /// repeatable read).
    func consistentRead<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin: SQLQueryString = engine == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        return try await reader.withSession { session in
            try await Self.within(begin, on: session) { try await body(session) }
        }
    }

    /// PostgreSQL: a read-only repeatable-read transaction whose snapshot is exported, so another
    /// process (`pg_dump --snapshot`) sees exactly what `body` reads.
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase, String) async throws -> T) async throws -> T {
        try await writer.withSession { session in
            try await Self.within("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", on: session) {
                let id = try await session.raw("SELECT pg_export_snapshot() AS id").first()?.decode(column: "id", as: String.self) ?? ""
                return try await body(session, id)
            }
        }
    }

    /// `begin`, then `body` on the same session: committed (by `commit`, when given) when it
    /// returns, rolled back when it or the commit throws.
    private static func within<T: Sendable>(_ begin: SQLQueryString, on session: any SQLDatabase, _ body: () async throws -> T,
                                            commit: (() async throws -> Void)? = nil) async throws -> T {
        try await session.raw(begin).run()
        do {
            let result = try await body()
            if let commit { try await commit() } else { try await session.raw("COMMIT").run() }
            return result
        } catch {
            try? await session.raw("ROLLBACK").run()
            throw error
        }
    }
}
