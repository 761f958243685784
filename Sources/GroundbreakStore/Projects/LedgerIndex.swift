import Foundation
import GroundbreakDomain

/// The ledger's filterable columns of every project, held in memory for one ledger generation.
///
/// A ledger filter that differs on every request (what officials send) costs SQLite and
/// PostgreSQL a scan of the filtered set for its totals; at province scale that is 100–300 req/s.
/// Here the same filter is a loop over compact rows: codes interned to small integers, dates as
/// `yyyymmdd`, the sort orders as the database itself ordered the ids (so collation and NULL
/// placement are the database's, not ours). Only the page's own rows are then read from SQL.
///
/// The index answers only for the generation it was read at (`ledger_state.generation`, bumped in
/// the same transaction as every change the ledger shows), so it is never stale: when the
/// generation has moved, the list goes to SQL until the index has moved forward by the projects
/// the new generations changed (`LedgerChanges`), or a fresh one is read (`LedgerIndexKeeper`).
struct LedgerIndex: Sendable {
    /// One project's filterable values, kept small (48 bytes) because every query reads them all;
    /// -1 / 0 stand for NULL where the column allows it.
    struct Row: Sendable {
        var region: Int32
        var zone: Int32
        var category: Int32
        var section: Int32
        var division: Int32
        var department: Int32
        var stage: UInt8
        /// 0 = no light yet, else 1 + `WarningColour` index.
        var light: UInt8
        var investmentType: Int32
        var investment: Int64
        /// `yyyymmdd`, 0 when the project has none.
        var actualStart: Int32
        var actualCompletion: Int32
    }

    var generation: Int64
    var rows: [Row]
    /// Row `i`'s project id, 项目秘书 and 包保领导 seats (0 when none): read for a page and a scope,
    /// not by every filter.
    var ids: [Int64]
    var secretaries: [Int64]
    var sponsors: [Int64]
    /// Interned codes (regions, zones, categories, GB/T 4754 codes, departments) → small integers.
    var codes: [String: Int32]
    /// `search_text` of every row, back to back; row `i` is `text[textStart[i] ..< textStart[i + 1]]`.
    var text: [UInt8]
    var textStart: [Int]
    /// Rows holding each value of the ledger's one-to-many filters.
    var levels: [String: [Int32]]
    var tags: [String: [Int32]]
    var classes: [Int64: [Int32]]
    var yearLists: [Int64: [Int32]]
    var supportDepartments: [String: [Int32]]
    var rowOfProject: [Int64: Int32]
    /// Row positions in the database's own order for each sort key and direction.
    var orders: [String: [Int32]]
    /// How many rows end each ascending order with a NULL sort value (nullable keys only):
    /// the descending order is the rest reversed, then these reversed.
    var nullCounts: [ProjectQuery.SortKey: Int]
    /// False when a stored date could not be read as `YYYY-MM-DD`: SQL compares the text as it
    /// is, so a `nature` filter then goes to SQL rather than risk answering differently.
    var datesReadable: Bool
    /// Rows whose place in `orders` is not known yet: changed or created since the orders were
    /// placed (`LedgerIndex.advanceRows`). Every other row keeps its order among the others, so
    /// the index still answers exactly any query these rows do not match, and the totals of any
    /// query; a page one of them matches goes to SQL until they are placed (`placeUnordered`).
    var unordered: [Int32] = []

    static func orderKey(_ sort: ProjectQuery.SortKey, descending: Bool) -> String {
        "\(sort.rawValue)|\(descending ? "desc" : "asc")"
    }

    static let stages = Stage.allCases

    static func stageIndex(_ stage: Stage) -> UInt8 {
        UInt8(stages.firstIndex(of: stage)!)
    }

    static func lightIndex(_ colour: WarningColour) -> UInt8 {
        UInt8(colour.rank + 1)
    }

    /// `YYYY-MM-DD` as `yyyymmdd`; nil for anything else.
    static func dayNumber(_ text: String) -> Int32? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var value: Int32 = 0
        for (offset, byte) in bytes.enumerated() where offset != 4 && offset != 7 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int32(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// What one pass over a selection yields: the page's project ids in order and the whole
    /// set's figures.
    struct Result: Sendable {
        var ids: [Int64] = []
        var count = 0
        var investment: Int64 = 0
        var byStage: [Stage: ProjectPage.StageTotals] = [:]
        /// Matching rows by their current light, the light filter itself aside.
        var lights: [WarningColour: Int] = [:]
    }

    /// The totals of every match and the ids of the matches from `offset` on, at most `limit` of
    /// them, in the query's order: from `buckets` when they answer the selection, else by `scan`,
    /// in two passes: the rows in storage order (sequential, so the
    /// memory is read once) decide each row and sum; then the query's order is walked over those
    /// decisions only until the page is full — reading the rows themselves in a sort order would
    /// be a cache miss per row.
    func run(_ selection: Selection, sort: ProjectQuery.SortKey, descending: Bool, offset: Int, limit: Int, buckets: LedgerBuckets?) -> Result? {
        if let buckets, let result = buckets.run(selection, index: self, sort: sort, descending: descending, offset: offset, limit: limit) { return result }
        return scan(selection, sort: sort, descending: descending, offset: offset, limit: limit)
    }

    /// `run` as one pass over every row.
    func scan(_ selection: Selection, sort: ProjectQuery.SortKey, descending: Bool, offset: Int, limit: Int) -> Result? {
        guard let order = orders[Self.orderKey(sort, descending: descending)] else { return nil }
        var counts = [Int](repeating: 0, count: Self.stages.count)
        var sums = [Int64](repeating: 0, count: Self.stages.count)
        var lightCounts = [Int](repeating: 0, count: WarningColour.allCases.count + 2)
        var matches = [Bool](repeating: false, count: rows.count)
        var ids: [Int64] = []
        ids.reserveCapacity(min(limit, 1_000))
        var matched = 0
        var unplaced = false
        let light = selection.light
        // The loop sees only raw pointers and plain values: no reference counting per row.
        let probe = Probe(selection)
        defer { probe.release() }
        rows.withUnsafeBufferPointer { rows in
            text.withUnsafeBufferPointer { text in
                textStart.withUnsafeBufferPointer { starts in
                    matches.withUnsafeMutableBufferPointer { matches in
                        counts.withUnsafeMutableBufferPointer { counts in
                            sums.withUnsafeMutableBufferPointer { sums in
                                lightCounts.withUnsafeMutableBufferPointer { lightCounts in
                                    for at in 0..<rows.count {
                                        let row = rows[at]
                                        guard probe.holds(row, at: at, text: text, starts: starts) else { continue }
                                        lightCounts[Int(row.light)] += 1
                                        guard light == 0 || row.light == light else { continue }
                                        matches[at] = true
                                        matched += 1
                                        counts[Int(row.stage)] += 1
                                        sums[Int(row.stage)] &+= row.investment
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let end = offset + limit
            guard offset < matched, limit > 0 else { return }
            guard !unordered.contains(where: { matches[Int($0)] }) else {
                unplaced = true
                return
            }
            let projectIds = self.ids
            matches.withUnsafeBufferPointer { matches in
                order.withUnsafeBufferPointer { order in
                    var seen = 0
                    for position in order where matches[Int(position)] {
                        if seen >= offset { ids.append(projectIds[Int(position)]) }
                        seen += 1
                        if seen >= end { break }
                    }
                }
            }
        }
        if unplaced { return nil }
        var result = Result(ids: ids, count: matched)
        for (index, stage) in Self.stages.enumerated() where counts[index] > 0 {
            result.byStage[stage] = .init(count: counts[index], investment: Money(yuan: sums[index]))
            result.investment &+= sums[index]
        }
        for (index, colour) in WarningColour.allCases.enumerated() where lightCounts[index + 1] > 0 {
            result.lights[colour] = lightCounts[index + 1]
        }
        return result
    }
}
