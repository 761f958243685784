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
    let figures: FiguresGeneration
    private let forgotten = Atomic<Bool>(false)

    init(ledger: Int64, figures: FiguresGeneration) {
        self.ledger = ledger
        self.figures = figures
    }

    /// Runs `body` (the rest of the request) with these counters known.
    public func during<T>(_ body: () async throws -> T) async rethrows -> T {
        try await Self.$current.withValue(self, operation: body)
    }

    /// The columns a statement selects to read them, from `ledger_state` and `data_state`.
    static let columns = """
        (SELECT generation FROM ledger_state WHERE id = 1) AS c_ledger,
        (SELECT shared_generation FROM ledger_state WHERE id = 1) AS c_shared,
        (SELECT generation FROM data_state WHERE id = 1) AS c_data
        """

    static func read(_ row: any SQLRow) throws -> RequestCounters {
        RequestCounters(ledger: try row.decode(column: "c_ledger", as: Int64?.self) ?? 0,
                        figures: FiguresGeneration(data: try row.decode(column: "c_data", as: Int64?.self) ?? 0,
                                                   shared: try row.decode(column: "c_shared", as: Int64?.self) ?? 0))
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
