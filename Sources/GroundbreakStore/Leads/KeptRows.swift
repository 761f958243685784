import GroundbreakDomain
import SQLKit
import Synchronization

/// Every row of a small table, kept between reads while a cheap fingerprint of the table stands:
/// the figures read the 到位资金 (a unit's target readings) and the leads (the ranking's lead
/// figures) whole on each computation, after any write at all, and at a province's thousands of
/// rows each read was a tenth of what the writer of that write waited for. The fingerprint is
/// read from the database each time, so a row another instance beside this one writes is seen at
/// the next read. It must move with every change the rows can see: funds are only ever added (the
/// row count and the highest id), and every update of a lead moves its version (their sum); a
/// lead's investor is never changed.
final class KeptRows<Row: Sendable>: Sendable {
    /// One row of three integers, `a`, `b` and `c`.
    private let fingerprintQuery: String

    private struct Held: Sendable {
        var fingerprint: [Int64]
        var rows: [Row]
    }

    private let held = Mutex<Held?>(nil)
    private let reads = Atomic<Int>(0)

    init(fingerprint query: String) {
        fingerprintQuery = query
    }

    static var leadFunds: KeptRows<ArrivedFunds> {
        KeptRows<ArrivedFunds>(fingerprint: "SELECT COUNT(*) AS a, COALESCE(MAX(id), 0) AS b, CAST(0 AS BIGINT) AS c FROM lead_funds")
    }

    static var leads: KeptRows<Lead> {
        KeptRows<Lead>(fingerprint: "SELECT COUNT(*) AS a, COALESCE(MAX(id), 0) AS b, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS c FROM leads")
    }

    /// Every row as `read` gives it. The fingerprint is read first, so that rows are never kept
    /// under a fingerprint newer than they are.
    func rows(_ db: any SQLDatabase, read: () async throws -> [Row]) async throws -> [Row] {
        let row = try await db.raw(SQLQueryString(fingerprintQuery)).first()
        let fingerprint = try ["a", "b", "c"].map { try row?.decode(column: $0, as: Int64.self) ?? 0 }
        if let kept = held.withLock({ $0?.fingerprint == fingerprint ? $0?.rows : nil }) { return kept }
        let rows = try await read()
        reads.add(1, ordering: .relaxed)
        held.withLock { $0 = Held(fingerprint: fingerprint, rows: rows) }
        return rows
    }

    /// How many times the rows were read rather than taken from memory (tests).
    var wholeReads: Int { reads.load(ordering: .relaxed) }
}
