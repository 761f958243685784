import SQLKit
import Synchronization

/// The ledger's and the figures' counters as a request's first statement read them (the session
/// lookup asks for them too), so that the reads after it need not ask again: on PostgreSQL each
/// asking is a round trip, on SQLite a statement prepared afresh.
///
/// Answering with them is answering as of the request's start, which every read of the request
/// could have been. A write forgets them (`Database.transaction` and `outsideTransaction`): what
/// the task reads after its own write is read with the counters that write moved. A replica's
/// reads never use them (they are the primary's).
public final class RequestCounters: Sendable {
    @TaskLocal static var current: RequestCounters?

    let ledger: Int64
    /// The figures generation as of the request's first statement (what figures caches are keyed by).
    public let figures: FiguresGeneration
    /// The accounts' counter (migration 0043): what a credential kept in memory was read at.
    let accounts: Int64
    private let forgotten = Atomic<Bool>(false)

    init(ledger: Int64, figures: FiguresGeneration, accounts: Int64) {
        self.ledger = ledger
        self.figures = figures
        self.accounts = accounts
    }

    /// The same counters, not yet forgotten by anyone.
    func copy() -> RequestCounters {
        RequestCounters(ledger: ledger, figures: figures, accounts: accounts)
    }

    /// Runs `body` (the rest of the request) with these counters known.
    public func during<T>(_ body: () async throws -> T) async rethrows -> T {
        try await Self.$current.withValue(self, operation: body)
    }

    /// The columns a statement selects to read them, from `tables` joined to its rows and
    /// narrowed by `condition` (joined rather than subqueries: SQLite prepares the statement
    /// on every run, and each subquery is compiled anew).
    static let columns = "l.generation AS c_ledger, l.shared_generation AS c_shared, d.generation AS c_data, a.generation AS c_accounts"
    static let tables = "ledger_state l CROSS JOIN data_state d CROSS JOIN accounts_state a"
    static let condition = "l.id = 1 AND d.id = 1 AND a.id = 1"

    static func read(_ row: any SQLRow) throws -> RequestCounters {
        RequestCounters(ledger: try row.decode(column: "c_ledger", as: Int64.self),
                        figures: FiguresGeneration(data: try row.decode(column: "c_data", as: Int64.self),
                                                   shared: try row.decode(column: "c_shared", as: Int64.self)),
                        accounts: try row.decode(column: "c_accounts", as: Int64.self))
    }

    /// Called as a task starts a write.
    static func forget() {
        current?.forgotten.store(true, ordering: .releasing)
    }

    /// The request's counters while they still hold for reads on the primary.
    static var usable: RequestCounters? {
        guard let counters = current, !Database.readsReplica, !counters.forgotten.load(ordering: .acquiring) else { return nil }
        return counters
    }
}
