import NIOCore
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
    /// rows (migration 0041) under the generation it moved to; then the COMMIT.
    static func flushAndCommit(_ pending: Pending, on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        let noted = pending.noted.withLock { $0 }
        if engine == .postgres {
            try await flushTogetherAndCommit(pending, noted: noted, on: db)
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
        try await db.raw("COMMIT").run()
    }

    /// PostgreSQL: the bumps and change rows as one statement (a round trip each would be three):
    /// the ledger's row first, then the figures' — the order every writer takes them in — with the
    /// COMMIT sent right behind it. A counter's row stays locked from that statement to the end of
    /// the commit, and every writer queues on it (creates waited 34 ms a call there at 32
    /// connections, 2026-12-03). Had the COMMIT waited for the statement's answer to come back
    /// through this task, the row would also stay locked while the task waited its turn on a busy
    /// server; queued on the connection, the COMMIT goes as soon as the statement is answered
    /// (`docs/performance-writes.md`). Should the statement fail, PostgreSQL answers that COMMIT by
    /// rolling back.
    private static func flushTogetherAndCommit(_ pending: Pending, noted: Set<Counter>, on db: any SQLDatabase) async throws {
        guard let statement = togetherStatement(pending, noted: noted) else {
            try await db.raw("COMMIT").run()
            return
        }
        let answer = Answer()
        let bumped: EventLoopFuture<Void> = db.execute(sql: statement) { row in answer.row.withLock { $0 = row } }
        let committed: EventLoopFuture<Void> = db.execute(sql: SQLRaw("COMMIT")) { _ in }
        do {
            try await bumped.get()
        } catch {
            _ = try? await committed.get()
            throw error
        }
        try await committed.get()
        let row = answer.row.withLock { $0 }
        // After the commit: dropping old change rows need not be part of this change.
        if let generation = try row?.decode(column: "generation", as: Int64?.self) {
            try? await LedgerChanges.trim(at: generation, db: db)
        }
        if noted.contains(.data), let data = try row?.decode(column: "data", as: Int64?.self) {
            pending.written?.note(data)
        }
    }

    private final class Answer: Sendable {
        let row = Mutex<(any SQLRow)?>(nil)
    }

    /// The bumps `noted` asks for as one statement answering `generation` (the ledger's, when it
    /// moved) and `data` (the figures', when it moved); nil when nothing was noted.
    private static func togetherStatement(_ pending: Pending, noted: Set<Counter>) -> SQLQueryString? {
        let ledger = noted.contains(.ledger), shared = noted.contains(.shared), data = noted.contains(.data)
        let figures: SQLQueryString = "d AS (UPDATE data_state SET generation = generation + 1 WHERE id = 1 RETURNING generation)"
        guard ledger || shared else {
            return data ? "WITH " + figures + " SELECT NULL::bigint AS generation, generation AS data FROM d" : nil
        }
        var parts: [SQLQueryString] = ["""
            l AS (UPDATE ledger_state SET generation = generation + \(unsafeRaw: ledger ? "1" : "0"),
                      shared_generation = shared_generation + \(unsafeRaw: shared ? "1" : "0") WHERE id = 1
                  RETURNING generation)
            """]
        if ledger {
            let changed: SQLQueryString = if let projects = pending.ledgerProjects.withLock({ $0 }), !projects.isEmpty {
                "VALUES " + projects.sorted().map { SQLQueryString("(\(bind: $0)::bigint)") }.joined(separator: ", ")
            } else {
                "VALUES (NULL::bigint)"
            }
            parts.append("c AS (INSERT INTO ledger_changes (generation, project_id) SELECT l.generation, p.id FROM l CROSS JOIN (" + changed + ") AS p(id))")
        }
        if data { parts.append(figures) }
        return "WITH " + parts.joined(separator: ", ")
            + " SELECT \(unsafeRaw: ledger ? "generation" : "NULL::bigint AS generation")\(unsafeRaw: data ? ", (SELECT generation FROM d) AS data" : ", NULL::bigint AS data") FROM l"
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
/// with its seats, approval catalogue, working-day calendar, closed months' frozen figures); see
/// migration 0034.
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
