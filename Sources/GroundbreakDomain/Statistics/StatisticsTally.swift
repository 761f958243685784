extension StatisticsFigures {
    /// A year's listed projects summed one at a time, as the paragraph counts them: those at or
    /// above the threshold, by band, by class and by nature, and the few largest named. A province's
    /// lists hold 100,000 projects a year; summed as they are read, the statistics make no list of
    /// them (a copy of every name and class, freed again after) to count it.
    public struct Tally: Sendable {
        let threshold: Money
        let bandMinimums: [Money]
        /// Every project offered, at or above the threshold or not: a year that offers none has no list.
        public private(set) var offered = 0
        var count = 0
        var total = Money.zero
        var bandCounts: [Int]
        var byClass: [String: Int] = [:]
        var byNature = [Int](repeating: 0, count: Self.natures.count)
        /// `allCases` once: asked for each project, it makes a new array each time.
        static let natures = ListNature.allCases
        var largest: Largest

        public init(_ query: StatisticsQuery) {
            threshold = query.threshold
            bandMinimums = query.bands.sorted()
            bandCounts = [Int](repeating: 0, count: bandMinimums.count)
            largest = Largest(count: min(max(query.style.namedLargest, 0), StatisticsQuery.maxNamed))
        }

        /// Adds one listed project; its name is asked for only when it may be among the largest named.
        public mutating func add(projectId: Int64, total: Money, nature: ListNature?, className: String?, name: () -> String) {
            offered += 1
            guard total >= threshold else { return }
            count += 1
            self.total = self.total + total
            for index in bandMinimums.indices where total >= bandMinimums[index] { bandCounts[index] += 1 }
            if let className { byClass[className, default: 0] += 1 }
            if let nature { byNature[Self.natures.firstIndex(of: nature)!] += 1 }
            largest.offer(total: total) { ListedProject(projectId: projectId, name: name(), total: total, nature: nil, className: nil) }
        }

        public mutating func add(_ project: ListedProject) {
            add(projectId: project.projectId, total: project.total, nature: project.nature, className: project.className) { project.name }
        }
    }

    /// The `count` largest projects offered, largest first, equal totals by name, equal ones in
    /// the order offered: one pass keeping the few named, not a sort of a province's whole list
    /// (its names compared as Chinese text). A project is made only when its total may place it.
    struct Largest: Sendable {
        let count: Int
        private(set) var top: [ListedProject] = []

        init(count: Int) {
            self.count = count
        }

        private static func before(_ a: ListedProject, _ b: ListedProject) -> Bool { (a.total, b.name) > (b.total, a.name) }

        mutating func offer(total: Money, _ project: () -> ListedProject) {
            guard count > 0 else { return }
            if top.count == count, total < top[count - 1].total { return }
            let candidate = project()
            if top.count == count, !Self.before(candidate, top[count - 1]) { return }
            let at = top.firstIndex { Self.before(candidate, $0) } ?? top.count
            top.insert(candidate, at: at)
            if top.count > count { top.removeLast() }
        }
    }

    /// The figures of a year's tally; `previous` is the year before's (nil when that year has no
    /// list), for 同比. Classes are counted in the scheme's order (`classOrder`), natures in theirs.
    public static func figures(unitName: String, year: Int, current: Tally, previous: Tally?, schemeName: String?, classOrder: [String]) -> StatisticsFigures {
        var groups: [Group] = []
        if let schemeName {
            groups.append(Group(dimension: schemeName, items: classOrder.map { name in (name, current.byClass[name] ?? 0) }))
        }
        if current.byNature.contains(where: { $0 > 0 }) {
            groups.append(Group(dimension: StatisticsText.natureDimension, items: zip(Tally.natures, current.byNature).map { ($0.label, $1) }))
        }
        let bands = current.bandMinimums.indices.map { index in
            Band(minimum: current.bandMinimums[index], count: current.bandCounts[index], previousCount: previous?.bandCounts[index])
        }
        return StatisticsFigures(unitName: unitName, year: year, threshold: current.threshold, count: current.count,
                                 previousCount: previous?.count, total: current.total, bands: bands, groups: groups,
                                 largest: current.largest.top.map { Named(name: $0.name, total: $0.total) })
    }
}
