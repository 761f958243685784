import SQLKit
import Synchronization

/// The counters caches are keyed by — the ledger's and the shared data's (`ledger_state`), the
/// figures' (`data_state`, migration 0035) — noted while a write transaction runs and bumped as its
/// last statements, always in that order. The change and its new counters commit together, and
/// each counter row is locked only from that statement to the commit: no transaction holds one
/// while it still writes anything else, so writers queue on it for the length of a commit only
/// and never wait on each other in a cycle.
enum GenerationBumps {
    /// Set by `Database.transaction` for its body.
    @TaskLocal static var open: Pending?

    enum Counter: Sendable {
        case ledger, shared, data
    }

    final class Pending: Sendable {
        fileprivate let noted = Mutex<Set<Counter>>([])
        /// Read where the transaction was asked for: its body runs on a connection's own task,
        /// which does not inherit the caller's task-locals.
        fileprivate let written = DataGeneration.written
        /// The projects a ledger bump named; nil once any bump named none ("anything may have changed").
        fileprivate let ledgerProjects = Mutex<Set<Int64>?>([])
    }

    /// The bumps `pending` noted, as the transaction's last statements, with the ledger's change
    /// rows (migration 0041) under the generation it moved to.
    static func flush(_ pending: Pending, on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        let noted = pending.noted.withLock { $0 }
        if engine == .postgres, noted.contains(.ledger) {
            try await flushTogether(pending, noted: noted, on: db)
            return
        }
        if noted.contains(.ledger) || noted.contains(.shared) {
            let row = try await db.raw("""
                UPDATE ledger_state SET generation = generation + \(unsafeRaw: noted.contains(.ledger) ? "1" : "0"),
                    shared_generation = shared_generation + \(unsafeRaw: noted.contains(.shared) ? "1" : "0") WHERE id = 1
                RETURNING generation
                """).first()
            if noted.contains(.ledger), let generation = try row?.decode(column: "generation", as: Int64.self) {
                try await LedgerChanges.record(pending.ledgerProjects.withLock { $0 }, generation: generation, db: db)
            }
        }
        if noted.contains(.data) { try await DataGeneration.bumpNow(db, written: pending.written) }
    }

    /// PostgreSQL: the same bumps and change rows as one statement (a round trip each would be
    /// three): the ledger's row first, then the figures' — the order every writer takes them in.
    private static func flushTogether(_ pending: Pending, noted: Set<Counter>, on db: any SQLDatabase) async throws {
        let projects = pending.ledgerProjects.withLock { $0 }
        let changed: SQLQueryString = if let projects, !projects.isEmpty {
            "VALUES " + projects.sorted().map { SQLQueryString("(\(bind: $0)::bigint)") }.joined(separator: ", ")
        } else {
            "VALUES (NULL::bigint)"
        }
        let row = try await db.raw("""
            WITH l AS (UPDATE ledger_state SET generation = generation + 1,
                           shared_generation = shared_generation + \(unsafeRaw: noted.contains(.shared) ? "1" : "0") WHERE id = 1
                       RETURNING generation),
                 c AS (INSERT INTO ledger_changes (generation, project_id) SELECT l.generation, p.id FROM l CROSS JOIN (\(changed)) AS p(id))
                 \(unsafeRaw: noted.contains(.data) ? ", d AS (UPDATE data_state SET generation = generation + 1 WHERE id = 1 RETURNING generation)" : "")
            SELECT generation\(unsafeRaw: noted.contains(.data) ? ", (SELECT generation FROM d) AS data" : "") FROM l
            """).first()
        if let generation = try row?.decode(column: "generation", as: Int64.self) {
            try await LedgerChanges.trim(at: generation, db: db)
        }
        if noted.contains(.data), let data = try row?.decode(column: "data", as: Int64?.self) {
            pending.written?.note(data)
        }
    }

    /// Notes a bump in the open transaction, or makes it at once when there is none.
    fileprivate static func note(_ counter: Counter, now bump: () async throws -> Void) async throws {
        if let pending = open {
            _ = pending.noted.withLock { $0.insert(counter) }
        } else {
            try await bump()
        }
    }
}

enum LedgerGeneration {
    /// Called inside every transaction that changes projects or their child rows, approvals, the
    /// working-day calendar or the approval catalogue, when the change is not limited to named
    /// projects: the ledger index is then read again whole.
    static func bump(_ db: any SQLDatabase) async throws {
        try await bump(db, naming: nil)
    }

    /// The same for a change to `project` and its own rows only: the index re-reads that project.
    static func bump(_ db: any SQLDatabase, project: Int64) async throws {
        try await bump(db, naming: project)
    }

    private static func bump(_ db: any SQLDatabase, naming project: Int64?) async throws {
        GenerationBumps.open?.ledgerProjects.withLock { projects in
            guard let project, var named = projects else { projects = nil; return }
            named.insert(project)
            // A bulk change is cheaper to read again whole than to record row by row.
            projects = named.count > LedgerChanges.mostProjects ? nil : named
        }
        try await GenerationBumps.note(.ledger) {
            try await db.raw("UPDATE ledger_state SET generation = generation + 1 WHERE id = 1").run()
        }
    }

    /// The generation a read of `database` answers at: the request's, while it holds.
    static func forRead(_ database: Database) async throws -> Int64 {
        if let counters = RequestCounters.usable { return counters.ledger }
        return try await current(database.reader)
    }

    static func current(_ db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT generation FROM ledger_state WHERE id = 1").first()?.decode(column: "generation", as: Int64.self) ?? 0
    }
}

/// The counter of what every instance holds in memory besides the ledger (reference catalogue
/// with its seats, approval catalogue, working-day calendar); see migration 0034.
enum SharedDataGeneration {
    static func bump(_ db: any SQLDatabase) async throws {
        try await GenerationBumps.note(.shared) {
            try await db.raw("UPDATE ledger_state SET shared_generation = shared_generation + 1 WHERE id = 1").run()
        }
    }

    static func current(_ db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT shared_generation FROM ledger_state WHERE id = 1").first()?.decode(column: "shared_generation", as: Int64.self) ?? 0
    }
}

/// The counter every audited change moves: what figures computed from many tables are cached by.
/// The audit row notes it (`AuditLog.write`), as does the daily lights record.
public enum DataGeneration {
    static func noteChange(_ db: any SQLDatabase) async throws {
        try await GenerationBumps.note(.data) { try await bumpNow(db, written: written) }
    }

    static func current(_ db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT generation FROM data_state WHERE id = 1").first()?.decode(column: "generation", as: Int64.self) ?? 0
    }

    static func bumpNow(_ db: any SQLDatabase, written: Written?) async throws {
        let row = try await db.raw("UPDATE data_state SET generation = generation + 1 WHERE id = 1 RETURNING generation").first()
        if let generation = try row?.decode(column: "generation", as: Int64.self) { written?.note(generation) }
    }

    /// Set by the web layer around a request that writes: the figures generation its writes
    /// moved to, which the caller's next figures must include (`gb_seen`). Not read here.
    @TaskLocal public static var written: Written?

    public final class Written: Sendable {
        private let generation = Mutex<Int64?>(nil)

        public init() {}

        /// The newest generation a write of the request moved the counter to; nil when none did.
        public var value: Int64? { generation.withLock { $0 } }

        func note(_ moved: Int64) {
            generation.withLock { $0 = max($0 ?? moved, moved) }
        }
    }
}

/// What cached figures are keyed by: every audited change and every change to the data each
/// instance holds in memory (catalogue, seats, calendar) moves it. Read before computing, so a
/// value is never kept under a key newer than the data it was computed from.
public struct FiguresGeneration: Sendable, Hashable, CustomStringConvertible {
    public let data: Int64
    public let shared: Int64

    public init(data: Int64, shared: Int64) {
        self.data = data
        self.shared = shared
    }

    public var description: String { "\(data).\(shared)" }

    public static func current(_ database: Database) async throws -> FiguresGeneration {
        if let counters = RequestCounters.usable { return counters.figures }
        return try await read(database.reader)
    }

    static func read(_ db: any SQLDatabase) async throws -> FiguresGeneration {
        let row = try await db.raw("""
            SELECT d.generation AS data, l.shared_generation AS shared FROM data_state d, ledger_state l WHERE d.id = 1 AND l.id = 1
            """).first()
        return FiguresGeneration(data: try row?.decode(column: "data", as: Int64.self) ?? 0, shared: try row?.decode(column: "shared", as: Int64.self) ?? 0)
    }
}
