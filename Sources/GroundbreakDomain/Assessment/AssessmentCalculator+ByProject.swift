extension AssessmentCalculator {
    /// The inputs grouped once for all units: each part's sums, and their totals by the set of
    /// membership keys the parts share, so a unit adds its key groups' totals (a province has a few
    /// hundred) instead of gathering and summing its tens of thousands of projects; decisions by
    /// department for a table that has departments.
    ///
    /// Public so a caller can keep one between computations (`AssessmentRepository`): built with
    /// the last one of the same month, a part that is the same object with the same light keeps its
    /// key group and sums, and only the parts changed since are taken out of their groups and added
    /// again — after a write at province scale a handful instead of every project.
    public struct ByProject: Sendable {
        let plans: [Int64: [AnnualPlan]]
        /// The parts, in the inputs' order.
        let assessed: [AssessedProject]
        let ids: [Int64]
        /// Each distinct set of membership keys with the sums of the parts that have it.
        let keyGroups: [KeyGroup]
        /// Each part's index in `keyGroups`.
        let keyGroupOfPart: [Int]
        /// Whether each part's light is red today.
        private let red: [Bool]
        /// Every item by deciding department (grouped only for a table that has departments: a
        /// province decides hundreds of thousands).
        let decisionsByDepartment: [String: [DecidedApproval]]
        /// Whether `decisionsByDepartment` was grouped.
        public let byDepartment: Bool
        /// The first and last day a decision counts: the month's year through its end.
        private let window: ClosedRange<Day>
        /// The month it groups for.
        public var month: Month { Month(window.upperBound) }
        /// Each id's index when the parts are not in id order (as kept they are, and are searched).
        private let indexById: [Int64: Int]?
        /// Each key group's index in `keyGroups`, by its keys.
        private let groupByKeys: [TargetUnit.Keys: Int]
        /// How many parts were summed into their groups here rather than taken as they stood.
        let partsSummed: Int

        struct KeyGroup: Sendable {
            let keys: TargetUnit.Keys
            var sums = PartSums()
        }

        /// `previous`: an earlier grouping, used when it is of the same month (see the type).
        public init(_ inputs: AssessmentInputs, indicators: IndicatorCatalog, byDepartment: Bool, previous: ByProject? = nil) {
            let plans = Dictionary(grouping: inputs.plans, by: \.projectId)
            self.plans = plans
            let assessed = inputs.assessed ?? AssessedProject.each(inputs, plans: plans, indicators: indicators)
            self.assessed = assessed
            let ids = assessed.map(\.id)
            self.ids = ids
            let indexById = ids.indices.dropFirst().allSatisfy { ids[$0 - 1] < ids[$0] } ? nil
                : Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            self.indexById = indexById
            let window = Month(year: inputs.month.year, month: 1)!.firstDay...inputs.month.lastDay
            self.window = window
            // Today's red lights placed by id: a few thousand searches, not a lookup per project.
            var red = [Bool](repeating: false, count: ids.count)
            for (id, colour) in inputs.lights ?? [:] where colour == .red {
                if let index = Self.index(of: id, in: ids, indexById) { red[index] = true }
            }
            self.red = red

            // Each part's place in the earlier grouping, if it is there as the same object with the
            // same light (then its group and sums stand), or -1. Past a quarter changed (a new day's
            // lights, a change to every part) taking each out again costs more than summing afresh.
            var reused = previous.flatMap { earlier in earlier.window == window && earlier.summable ? earlier : nil }
            var kept = [Int](repeating: -1, count: reused == nil ? 0 : assessed.count)
            if let earlier = reused {
                var changed = 0
                for index in assessed.indices {
                    let part = assessed[index]
                    let before = index < earlier.ids.count && earlier.ids[index] == part.id ? index : earlier.index(of: part.id)
                    if let before, earlier.assessed[before] === part, earlier.red[before] == red[index] { kept[index] = before } else { changed += 1 }
                }
                if changed * 4 > assessed.count { reused = nil }
            }
            var groupByKeys = reused?.groupByKeys ?? [:]
            var keyGroups = reused?.keyGroups ?? []
            var keyGroupOfPart: [Int] = []
            keyGroupOfPart.reserveCapacity(assessed.count)
            // The earlier grouping's parts still here as they were; the others are taken out.
            var stands = [Bool](repeating: false, count: reused?.ids.count ?? 0)
            var summed = 0
            for index in assessed.indices {
                if let reused, kept[index] >= 0 {
                    stands[kept[index]] = true
                    keyGroupOfPart.append(reused.keyGroupOfPart[kept[index]])
                    continue
                }
                let part = assessed[index]
                let group = groupByKeys[part.keys] ?? {
                    keyGroups.append(KeyGroup(keys: part.keys))
                    groupByKeys[part.keys] = keyGroups.count - 1
                    return keyGroups.count - 1
                }()
                keyGroupOfPart.append(group)
                keyGroups[group].sums.add(Self.sums(of: part, red: red[index], window: window))
                summed += 1
            }
            if let reused {
                for before in stands.indices where !stands[before] {
                    keyGroups[reused.keyGroupOfPart[before]].sums.add(reused.part(before), sign: -1)
                }
            }
            self.groupByKeys = groupByKeys
            partsSummed = summed
            self.keyGroups = keyGroups
            self.keyGroupOfPart = keyGroupOfPart
            self.byDepartment = byDepartment
            decisionsByDepartment = byDepartment ? Dictionary(grouping: assessed.lazy.flatMap(\.decisions), by: \.departmentCode) : [:]
        }

        /// What the part at `index` adds to its units' sums.
        func part(_ index: Int) -> PartSums {
            Self.sums(of: assessed[index], red: red[index], window: window)
        }

        /// Whether a part can be taken out of its group's sums again exactly: no amount has reached
        /// the end of `Int64`, where `Money` saturates (no real sum comes near it).
        private var summable: Bool {
            keyGroups.allSatisfy { $0.sums.contributions.unsaturated }
        }

        private static func sums(of part: AssessedProject, red: Bool, window: ClosedRange<Day>) -> PartSums {
            var sums = PartSums()
            sums.contributions.add(part.contribution)
            sums.eligible = part.standing.eligible
            sums.admitted = part.standing.admitted
            sums.reportsOwed = part.standing.reportsOwed
            sums.reportsOnTime = part.standing.reportsOnTime
            sums.red = red ? 1 : 0
            for decision in part.decisions where window.contains(decision.decidedOn) {
                sums.approvalsDecided += 1
                if decision.onTime { sums.approvalsOnTime += 1 }
            }
            return sums
        }

        /// The index of project `id` among the parts, if it is one.
        func index(of id: Int64) -> Int? {
            Self.index(of: id, in: ids, indexById)
        }

        private static func index(of id: Int64, in ids: [Int64], _ indexById: [Int64: Int]?) -> Int? {
            if let indexById { return indexById[id] }
            let at = ids.partitioningIndex { $0 >= id }
            return at < ids.count && ids[at] == id ? at : nil
        }
    }

    /// What some projects add to a unit's figures besides its problems and leads: their indicator
    /// contributions, 入统 and reports owed and on time, red lights, and approval items decided in
    /// the month's year through its end (for a unit that answers for its projects' items). Counts
    /// and whole yuan: any parts' sums add up to the whole's.
    struct PartSums: Sendable, Equatable {
        var contributions = IndicatorCalculator.ContributionTotals()
        var eligible = 0
        var admitted = 0
        var reportsOwed = 0
        var reportsOnTime = 0
        var red = 0
        var approvalsDecided = 0
        var approvalsOnTime = 0

        /// Adds `other`'s sums; with `sign` -1 takes them away again.
        mutating func add(_ other: PartSums, sign: Int = 1) {
            contributions.add(other.contributions, sign: sign)
            eligible += sign * other.eligible
            admitted += sign * other.admitted
            reportsOwed += sign * other.reportsOwed
            reportsOnTime += sign * other.reportsOnTime
            red += sign * other.red
            approvalsDecided += sign * other.approvalsDecided
            approvalsOnTime += sign * other.approvalsOnTime
        }
    }
}
