extension ApprovalAnalytics {
    /// The department tables of both days the parts were taken on, summed from the parts' items: a
    /// province has hundreds of thousands of items. Kept, the tables of the next parts start from
    /// them and move by the parts that differ (`movedFrom`): after a write the parts keeper hands
    /// back every other part as the same object, so a few parts are taken out and put in again
    /// instead of every item being summed. Every sum is a count, so taking a part out is exact.
    public struct Tables: Sendable {
        /// The parts summed, in id order.
        public private(set) var parts: [ProjectPart]
        private var codes: [String] = []
        private var slots: [String: Int] = [:]
        private var onDay: [Tally] = []
        private var atPrevious: [Tally] = []
        /// How many items and idle listings name each department: one no part names has no row.
        private var named: [Int] = []

        /// The tables of `parts` (in id order), moved from `earlier` when it is given and no more
        /// than a quarter of the parts differ from its; summed afresh otherwise.
        public init(_ parts: [ProjectPart], movedFrom earlier: Tables? = nil) {
            if let earlier, let changes = Self.changes(from: earlier.parts, to: parts) {
                self = earlier
                self.parts = parts
                for part in changes.gone { add(part, sign: -1) }
                for part in changes.come { add(part, sign: 1) }
                return
            }
            self.parts = parts
            for part in parts { add(part, sign: 1) }
        }

        /// The league table of the day the parts were taken on, with each department's movement
        /// since the other day they were taken on (last month's end).
        public var league: [DepartmentFigures] {
            let (onDay, atPrevious) = figures
            let before = Dictionary(uniqueKeysWithValues: atPrevious.map { ($0.departmentCode, $0.rank) })
            return onDay.map { figures in
                var figures = figures
                if figures.rank > 0, let old = before[figures.departmentCode], old > 0 { figures.rankChange = old - figures.rank }
                return figures
            }
        }

        /// Each named department's figures on both days, ranked.
        var figures: (onDay: [DepartmentFigures], atPrevious: [DepartmentFigures]) {
            let shown = codes.indices.filter { named[$0] > 0 }
            return (ranked(shown.map { codes[$0] }, shown.map { onDay[$0] }), ranked(shown.map { codes[$0] }, shown.map { atPrevious[$0] }))
        }

        /// The parts of `earlier` no longer there or replaced, and those of `parts` new or
        /// replacing them: nil when more than a quarter differ, or either is not in id order.
        static func changes(from earlier: [ProjectPart], to parts: [ProjectPart]) -> (gone: [ProjectPart], come: [ProjectPart])? {
            var (gone, come): ([ProjectPart], [ProjectPart]) = ([], [])
            let most = parts.count / 4
            var (old, new) = (0, 0)
            while old < earlier.count || new < parts.count {
                if old > 0, old < earlier.count, earlier[old - 1].id >= earlier[old].id { return nil }
                if new > 0, new < parts.count, parts[new - 1].id >= parts[new].id { return nil }
                if old < earlier.count, new < parts.count, earlier[old] === parts[new] {
                    (old, new) = (old + 1, new + 1)
                    continue
                }
                if new == parts.count || (old < earlier.count && earlier[old].id <= parts[new].id) {
                    gone.append(earlier[old])
                    if new < parts.count, earlier[old].id == parts[new].id {
                        come.append(parts[new])
                        new += 1
                    }
                    old += 1
                } else {
                    come.append(parts[new])
                    new += 1
                }
                if max(gone.count, come.count) > most { return nil }
            }
            return (gone, come)
        }

        /// Adds a part's items (`sign` 1), or takes away a part added before (-1).
        private mutating func add(_ part: ProjectPart, sign: Int) {
            for code in part.idleDepartments { named[slot(code)] += sign }
            for item in part.items {
                let at = slot(item.departmentCode)
                named[at] += sign
                onDay[at].add(item.onDay, item, sign: sign)
                atPrevious[at].add(item.atPrevious, item, sign: sign)
            }
        }

        private mutating func slot(_ code: String) -> Int {
            // A city's items are decided by a handful of departments: comparing a short code with
            // each is quicker than hashing it, for each of hundreds of thousands of items.
            if codes.count <= 16 {
                if let found = codes.firstIndex(of: code) { return found }
            } else if let found = slots[code] {
                return found
            }
            slots[code] = codes.count
            codes.append(code)
            onDay.append(Tally())
            atPrevious.append(Tally())
            named.append(0)
            return codes.count - 1
        }
    }
}
