import Foundation
import GroundbreakDomain

/// One ledger index's rows grouped by region and stage, each group in investment order with
/// running totals, so what officials filter by most — a region (or their own regions' scope), a
/// stage, an investment floor or ceiling — is answered without a pass over every project.
///
/// The totals of such a filter are, per group, two binary searches and two subtractions; its page
/// is read from the groups' matching runs ordered by each row's place in the sort (when few
/// match), or by walking the sort order over the matches' bits until the page is full (when many
/// do, the walk is short).
/// Any other filter, or a light, is left to the index's own pass (`LedgerIndex.scan`), which
/// `LedgerBucketsTests` holds this to query by query.
///
/// Built in the background for one index generation (`LedgerIndexKeeper.buckets(for:)`); until
/// it is there, the pass answers.
struct LedgerBuckets: Sendable {
    let generation: Int64
    let stageCount: Int
    /// Group `region * stageCount + stage` is `members[starts[group] ..< starts[group + 1]]`.
    let starts: [Int32]
    /// Row positions, each group's in ascending investment (ties by position).
    let members: [Int32]
    let investments: [Int64]
    /// `investmentBefore[i]`: the investment of `members[..<i]`.
    let investmentBefore: [Int64]
    /// `lightsBefore[kind][i]`: how many of `members[..<i]` have light `kind` (`Row.light`).
    let lightsBefore: [[Int32]]
    /// Groups with at least one row.
    let filled: [Int32]
    /// Each row's place in each order (`LedgerIndex.orderKey`).
    let ranks: [String: [Int32]]
    /// At most this many matches are ordered by rank; more are found by walking the order (the
    /// fewer the matches, the longer the walk to fill a page).
    var gatherLimit = 512

    static let lightKinds = WarningColour.allCases.count + 2

    /// Nil when a row's region is not an interned code (the pass answers then).
    init?(_ index: LedgerIndex) {
        let stageCount = LedgerIndex.stages.count
        let groupCount = max(index.codes.count, 1) * stageCount
        var sizes = [Int32](repeating: 0, count: groupCount + 1)
        var groupOf = [Int32](repeating: 0, count: index.rows.count)
        for (position, row) in index.rows.enumerated() {
            guard row.region >= 0, Int(row.region) < index.codes.count else { return nil }
            let group = Int32(Int(row.region) * stageCount + Int(row.stage))
            groupOf[position] = group
            sizes[Int(group) + 1] += 1
        }
        var starts = sizes
        for group in 0..<groupCount { starts[group + 1] += starts[group] }
        var next = starts
        var members = [Int32](repeating: 0, count: index.rows.count)
        for position in index.rows.indices {
            let group = Int(groupOf[position])
            members[Int(next[group])] = Int32(position)
            next[group] += 1
        }
        var filled: [Int32] = []
        for group in 0..<groupCount where starts[group] < starts[group + 1] {
            filled.append(Int32(group))
            let range = Int(starts[group])..<Int(starts[group + 1])
            members[range].sort { index.rows[Int($0)].investment < index.rows[Int($1)].investment || (index.rows[Int($0)].investment == index.rows[Int($1)].investment && $0 < $1) }
        }
        let investments = members.map { index.rows[Int($0)].investment }
        var investmentBefore = [Int64](repeating: 0, count: members.count + 1)
        var lightsBefore = [[Int32]](repeating: [Int32](repeating: 0, count: members.count + 1), count: Self.lightKinds)
        for (at, member) in members.enumerated() {
            investmentBefore[at + 1] = investmentBefore[at] &+ investments[at]
            let light = min(Int(index.rows[Int(member)].light), Self.lightKinds - 1)
            for kind in 0..<Self.lightKinds { lightsBefore[kind][at + 1] = lightsBefore[kind][at] + (kind == light ? 1 : 0) }
        }
        var ranks: [String: [Int32]] = [:]
        for (key, order) in index.orders {
            var rank = [Int32](repeating: 0, count: index.rows.count)
            for (place, position) in order.enumerated() { rank[Int(position)] = Int32(place) }
            ranks[key] = rank
        }
        (generation, self.stageCount, self.starts, self.members, self.investments) = (index.generation, stageCount, starts, members, investments)
        (self.investmentBefore, self.lightsBefore, self.filled, self.ranks) = (investmentBefore, lightsBefore, filled, ranks)
    }

    /// Whether a selection is only a region (or regions' scope), stages and an investment range.
    static func answers(_ selection: LedgerIndex.Selection) -> Bool {
        selection.zone == nil && selection.category == nil && selection.section == nil && selection.division == nil
            && selection.department == nil && selection.needle == nil && selection.nature == nil && selection.owed == nil
            && selection.rowMask == nil && selection.light == 0
    }

    /// What `LedgerIndex.scan` would answer, or nil when this cannot answer the selection.
    func run(_ selection: LedgerIndex.Selection, index: LedgerIndex, sort: ProjectQuery.SortKey, descending: Bool, offset: Int, limit: Int) -> LedgerIndex.Result? {
        guard generation == index.generation, Self.answers(selection) else { return nil }
        let minimum = selection.minimum ?? .min, maximum = selection.maximum ?? .max
        var counts = [Int](repeating: 0, count: stageCount)
        var sums = [Int64](repeating: 0, count: stageCount)
        var lights = [Int](repeating: 0, count: Self.lightKinds)
        var runs: [Range<Int>] = []
        for group in filled {
            let region = Int(group) / stageCount, stage = Int(group) % stageCount
            if let stages = selection.stages, !stages[stage] { continue }
            if let regions = selection.region, !(region < regions.count && regions[region]) { continue }
            var low = Int(starts[Int(group)]), high = Int(starts[Int(group) + 1])
            if minimum != .min { low = firstPlace(from: low, to: high) { $0 >= minimum } }
            if maximum != .max { high = firstPlace(from: low, to: high) { $0 > maximum } }
            guard low < high else { continue }
            counts[stage] += high - low
            sums[stage] &+= investmentBefore[high] &- investmentBefore[low]
            for kind in 0..<Self.lightKinds { lights[kind] += Int(lightsBefore[kind][high] - lightsBefore[kind][low]) }
            runs.append(low..<high)
        }
        let matched = counts.reduce(0, +)
        var result = LedgerIndex.Result(count: matched)
        if offset < matched, limit > 0 {
            let end = min(offset + limit, matched)
            let key = LedgerIndex.orderKey(sort, descending: descending)
            guard let order = index.orders[key], let rank = ranks[key] else { return nil }
            if matched <= gatherLimit {
                // Rank and position packed in one integer: a plain integer sort.
                var found: [Int64] = []
                found.reserveCapacity(matched)
                for run in runs { for member in members[run] { found.append(Int64(rank[Int(member)]) << 32 | Int64(member)) } }
                found.sort()
                result.ids = found[offset..<end].map { index.ids[Int($0 & 0xFFFF_FFFF)] }
            } else {
                // The matches as bits (an eighth of a byte per project, so the walk stays in the
                // nearest cache), then the order walked until the page is full.
                var bits = [UInt64](repeating: 0, count: (index.rows.count + 63) / 64)
                for run in runs { for member in members[run] { bits[Int(member) >> 6] |= 1 << UInt64(member & 63) } }
                var seen = 0
                for position in order where bits[Int(position) >> 6] & (1 << UInt64(position & 63)) != 0 {
                    if seen >= offset { result.ids.append(index.ids[Int(position)]) }
                    seen += 1
                    if seen >= end { break }
                }
            }
        }
        for (stageIndex, stage) in LedgerIndex.stages.enumerated() where counts[stageIndex] > 0 {
            result.byStage[stage] = .init(count: counts[stageIndex], investment: Money(yuan: sums[stageIndex]))
            result.investment &+= sums[stageIndex]
        }
        for (colourIndex, colour) in WarningColour.allCases.enumerated() where lights[colourIndex + 1] > 0 {
            result.lights[colour] = lights[colourIndex + 1]
        }
        return result
    }

    /// The first place in `low..<high` whose investment satisfies `test` (false then true along
    /// the group's ascending investments), or `high`.
    private func firstPlace(from low: Int, to high: Int, _ test: (Int64) -> Bool) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if test(investments[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
