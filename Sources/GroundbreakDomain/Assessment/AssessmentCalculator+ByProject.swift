extension AssessmentCalculator {
    /// The inputs grouped once for all units: each part's sums, and their totals by the set of
    /// membership keys the parts share, so a unit adds its key groups' totals (a province has a few
    /// hundred) instead of gathering and summing its tens of thousands of projects; decisions by
    /// department for a table that has departments.
    struct ByProject {
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
        /// The first and last day a decision counts: the month's year through its end.
        private let window: ClosedRange<Day>
        /// Each id's index when the parts are not in id order (as kept they are, and are searched).
        private let indexById: [Int64: Int]?

        struct KeyGroup {
            let keys: TargetUnit.Keys
            var sums = PartSums()
        }

        init(_ inputs: AssessmentInputs, indicators: IndicatorCatalog, byDepartment: Bool) {
            let plans = Dictionary(grouping: inputs.plans, by: \.projectId)
            self.plans = plans
            let assessed = inputs.assessed ?? AssessedProject.each(inputs, plans: plans, indicators: indicators)
            self.assessed = assessed
            let ids = assessed.map(\.id)
            self.ids = ids
            let indexById = ids.indices.dropFirst().allSatisfy { ids[$0 - 1] < ids[$0] } ? nil
                : Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            self.indexById = indexById
            window = Month(year: inputs.month.year, month: 1)!.firstDay...inputs.month.lastDay
            // Today's red lights placed by id: a few thousand searches, not a lookup per project.
            var red = [Bool](repeating: false, count: ids.count)
            for (id, colour) in inputs.lights ?? [:] where colour == .red {
                if let index = Self.index(of: id, in: ids, indexById) { red[index] = true }
            }
            self.red = red

            var groupByKeys: [TargetUnit.Keys: Int] = [:]
            var keyGroups: [KeyGroup] = []
            var keyGroupOfPart: [Int] = []
            keyGroupOfPart.reserveCapacity(assessed.count)
            for index in assessed.indices {
                let keys = assessed[index].keys
                let group = groupByKeys[keys] ?? {
                    keyGroups.append(KeyGroup(keys: keys))
                    groupByKeys[keys] = keyGroups.count - 1
                    return keyGroups.count - 1
                }()
                keyGroupOfPart.append(group)
                keyGroups[group].sums.add(Self.sums(of: assessed[index], red: red[index], window: window))
            }
            self.keyGroups = keyGroups
            self.keyGroupOfPart = keyGroupOfPart
            decisionsByDepartment = byDepartment ? Dictionary(grouping: assessed.lazy.flatMap(\.decisions), by: \.departmentCode) : [:]
        }

        /// What the part at `index` adds to its units' sums.
        func part(_ index: Int) -> PartSums {
            Self.sums(of: assessed[index], red: red[index], window: window)
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
    struct PartSums {
        var contributions = IndicatorCalculator.ContributionTotals()
        var eligible = 0
        var admitted = 0
        var reportsOwed = 0
        var reportsOnTime = 0
        var red = 0
        var approvalsDecided = 0
        var approvalsOnTime = 0

        mutating func add(_ other: PartSums) {
            contributions.add(other.contributions)
            eligible += other.eligible
            admitted += other.admitted
            reportsOwed += other.reportsOwed
            reportsOnTime += other.reportsOnTime
            red += other.red
            approvalsDecided += other.approvalsDecided
            approvalsOnTime += other.approvalsOnTime
        }
    }
}
