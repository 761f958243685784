@preconcurrency import AsyncKit
import Logging
import NIOCore
import PostgresKit
import SQLKit

/// A PostgreSQL streaming replica for the reads that tolerate a few seconds' lag (dashboards,
/// rankings, the big screen, exports). Which request may read it is the web layer's call
/// (`ReadRouting`); the store only offers the replica's position and a scope that sends `reader`
/// there. Writes never go to it: `transaction` uses the primary whatever the scope.
extension Database {
    /// Set by `readingReplica` for the reads of one request.
    @TaskLocal static var readsReplica = false

    public var hasReplica: Bool { replica != nil }

    /// Whether `reader` answers from the replica now; the ledger's in-memory page cache and index
    /// follow the primary's generation and are not used there.
    var readingFromReplica: Bool { Self.readsReplica && replica != nil }

    /// Runs `body` with its reads on the replica (on the primary when there is none).
    public func readingReplica<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        try await Self.$readsReplica.withValue(true, operation: body)
    }

    /// Where the replica is: the figures generation it has replayed, and how long ago the last
    /// transaction it replayed was committed on the primary (nil when it has replayed none, or
    /// is not in recovery at all).
    public struct ReplicaPosition: Sendable, Equatable {
        public let generation: FiguresGeneration
        public let replayAgeSeconds: Double?

        public init(generation: FiguresGeneration, replayAgeSeconds: Double?) {
            self.generation = generation
            self.replayAgeSeconds = replayAgeSeconds
        }
    }

    /// The replica's position; nil without a replica. Throws when the replica cannot be read.
    public func replicaPosition() async throws -> ReplicaPosition? {
        guard let replica else { return nil }
        let row = try await replica.raw("""
            SELECT d.generation AS data, l.shared_generation AS shared,
                   EXTRACT(EPOCH FROM (clock_timestamp() - pg_last_xact_replay_timestamp()))::float8 AS age
            FROM data_state d, ledger_state l WHERE d.id = 1 AND l.id = 1
            """).first()
        return ReplicaPosition(
            generation: FiguresGeneration(data: try row?.decode(column: "data", as: Int64.self) ?? 0,
                                          shared: try row?.decode(column: "shared", as: Int64.self) ?? 0),
            replayAgeSeconds: try row?.decode(column: "age", as: Double?.self)
        )
    }

    /// The primary's figures generation, whatever the scope: what a writer has seen.
    public func primaryGeneration() async throws -> FiguresGeneration {
        try await FiguresGeneration.read(primaryReader)
    }

    /// The primary's ledger generation: what keys figures read from the ledger alone (approvals).
    public func primaryLedgerGeneration() async throws -> Int64 {
        try await LedgerGeneration.current(primaryReader)
    }

    static func replicaPool(_ location: DatabaseLocation, size: Int, logger: Logger, on group: any EventLoopGroup)
        throws -> EventLoopGroupConnectionPool<PostgresConnectionSource> {
        guard case .postgres(let url) = location else { throw ReplicaNeedsPostgres() }
        // A replica that is down must not hold a dashboard for the pool's usual 30 s: the web
        // layer then reads the primary.
        return EventLoopGroupConnectionPool(
            source: try postgresSource(url), maxConnectionsPerEventLoop: size,
            requestTimeout: .seconds(3), logger: logger, on: group
        )
    }
}

public struct ReplicaNeedsPostgres: Error, CustomStringConvertible {
    public var description: String { StoreText.replicaNeedsPostgres }
}

extension StoreError {
    /// Whether a read on the replica failed for a reason the primary does not share — the replica
    /// unreachable, or a query cancelled by a conflict with what it is replaying — so the same
    /// read is worth asking the primary.
    public static func isReplicaFailure(_ error: any Error) -> Bool {
        isUnavailable(error) || error is PSQLError
    }
}
