import GroundbreakDomain
import SQLKit
import Synchronization

/// Every 到位资金 row, kept between reads while the table is as it was: a unit's target readings
/// read the funds of two years on each computation, and at a province's four and a half thousand
/// rows that read was a tenth of the writer's wait for the targets page, after any write at all.
/// Funds are only ever added (a lead's unit never moves), so the table's row count and highest id,
/// read in one cheap statement, tell whether it changed — on this instance or another beside it.
final class KeptLeadFunds: Sendable {
    struct Fingerprint: Equatable, Sendable {
        var count: Int64
        var highestId: Int64
    }

    private struct Held: Sendable {
        var fingerprint: Fingerprint
        var funds: [ArrivedFunds]
    }

    private let held = Mutex<Held?>(nil)
    private let reads = Atomic<Int>(0)

    init() {}

    /// Every row as `read` gives it, in month and id order. The fingerprint is read first, so that
    /// rows are never kept under a fingerprint newer than they are.
    func funds(_ db: any SQLDatabase, read: () async throws -> [ArrivedFunds]) async throws -> [ArrivedFunds] {
        let row = try await db.raw("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS m FROM lead_funds").first()
        let fingerprint = Fingerprint(count: try row?.decode(column: "n", as: Int64.self) ?? 0, highestId: try row?.decode(column: "m", as: Int64.self) ?? 0)
        if let kept = held.withLock({ $0?.fingerprint == fingerprint ? $0?.funds : nil }) { return kept }
        let funds = try await read()
        reads.add(1, ordering: .relaxed)
        held.withLock { $0 = Held(fingerprint: fingerprint, funds: funds) }
        return funds
    }

    /// How many times the rows were read rather than taken from memory (tests).
    var wholeReads: Int { reads.load(ordering: .relaxed) }
}
