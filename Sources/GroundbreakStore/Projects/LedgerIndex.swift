import Foundation
import GroundbreakDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
/// generation has moved, the list goes to SQL until a fresh index is read (`LedgerIndexKeeper`).
struct LedgerIndex: Sendable {
    /// One project's filterable values; -1 / 0 stand for NULL where the column allows it.
    struct Row: Sendable {
        var id: Int64
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
        var secretary: Int64
        var sponsor: Int64
    }

    let generation: Int64
    let rows: [Row]
    /// Interned codes (regions, zones, categories, GB/T 4754 codes, departments) → small integers.
    let codes: [String: Int32]
    /// `search_text` of every row, back to back; row `i` is `text[textStart[i] ..< textStart[i + 1]]`.
    let text: [UInt8]
    let textStart: [Int]
    /// Rows holding each value of the ledger's one-to-many filters.
    let levels: [String: [Int32]]
    let tags: [String: [Int32]]
    let classes: [Int64: [Int32]]
    let yearLists: [Int64: [Int32]]
    let supportDepartments: [String: [Int32]]
    let rowOfProject: [Int64: Int32]
    /// Row positions in the database's own order for each sort key and direction.
    let orders: [String: [Int32]]
    /// False when a stored date could not be read as `YYYY-MM-DD`: SQL compares the text as it
    /// is, so a `nature` filter then goes to SQL rather than risk answering differently.
    let datesReadable: Bool

    static func orderKey(_ sort: ProjectQuery.SortKey, descending: Bool) -> String {
        "\(sort.rawValue)|\(descending ? "desc" : "asc")"
    }

    static let stages = Stage.allCases

    static func stageIndex(_ stage: Stage) -> UInt8 {
        UInt8(stages.firstIndex(of: stage)!)
    }

    static func lightIndex(_ colour: WarningColour) -> UInt8 {
        UInt8(WarningColour.allCases.firstIndex(of: colour)! + 1)
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

    /// Walks the rows in the query's order once: the totals of every match, and the ids of the
    /// matches from `offset` on, at most `limit` of them.
    func run(_ selection: Selection, sort: ProjectQuery.SortKey, descending: Bool, offset: Int, limit: Int) -> Result? {
        guard let order = orders[Self.orderKey(sort, descending: descending)] else { return nil }
        var counts = [Int](repeating: 0, count: Self.stages.count)
        var sums = [Int64](repeating: 0, count: Self.stages.count)
        var lightCounts = [Int](repeating: 0, count: WarningColour.allCases.count + 2)
        var ids: [Int64] = []
        ids.reserveCapacity(min(limit, 1_000))
        var matched = 0
        let end = offset + limit
        let light = selection.light
        // The loop sees only raw pointers and plain values: no reference counting per row.
        let probe = Probe(selection)
        defer { probe.release() }
        rows.withUnsafeBufferPointer { rows in
            text.withUnsafeBufferPointer { text in
                textStart.withUnsafeBufferPointer { starts in
                    order.withUnsafeBufferPointer { order in
                        counts.withUnsafeMutableBufferPointer { counts in
                            sums.withUnsafeMutableBufferPointer { sums in
                                lightCounts.withUnsafeMutableBufferPointer { lightCounts in
                                    for position in order {
                                        let at = Int(position)
                                        let row = rows[at]
                                        guard probe.holds(row, at: at, text: text, starts: starts) else { continue }
                                        lightCounts[Int(row.light)] += 1
                                        guard light == 0 || row.light == light else { continue }
                                        if matched >= offset && matched < end { ids.append(row.id) }
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
        }
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
