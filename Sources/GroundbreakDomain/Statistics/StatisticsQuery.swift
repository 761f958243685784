import Foundation

/// What a paragraph is asked for: a unit's year, its threshold and bands, a scheme to count by.
public struct StatisticsQuery: Sendable, Equatable {
    public var regionCode: String
    public var year: Int
    public var threshold: Money
    public var bands: [Money]
    public var schemeId: Int64?
    public var style: ParagraphStyle

    public init(regionCode: String, year: Int, threshold: Money, bands: [Money] = [], schemeId: Int64? = nil, style: ParagraphStyle = ParagraphStyle()) {
        self.regionCode = regionCode
        self.year = year
        self.threshold = threshold
        self.bands = bands
        self.schemeId = schemeId
        self.style = style
    }

    public static let maxBands = 8
    public static let maxNamed = 20

    /// `10000,50000` (万元) → the bands; nil when any part is not a positive amount or there are
    /// more than `maxBands`. The page, the API and the command line read bands by this one rule.
    public static func parseBands(_ text: String) -> [Money]? {
        let parts = text.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count <= maxBands, parts.allSatisfy({ $0.map { (1...100_000_000).contains($0) } ?? false }) else { return nil }
        return parts.compactMap { $0 }.map(Money.wan)
    }
}

/// One project on a unit's lists for a year, as the paragraph counts it.
public struct ListedProject: Sendable, Equatable {
    public var projectId: Int64
    public var name: String
    public var total: Money
    public var nature: ListNature?
    /// Its class in the scheme counted by, when it has one.
    public var className: String?
    public var regionCode: String = ""
    /// The planned investment the list states for the year.
    public var plannedInvestment: Money?

    public init(projectId: Int64, name: String, total: Money, nature: ListNature?, className: String?) {
        self.projectId = projectId
        self.name = name
        self.total = total
        self.nature = nature
        self.className = className
    }
}

extension StatisticsFigures {
    /// The figures of a year's listed projects at or above the threshold; `previous` is the year
    /// before's (nil when that year has no list), for 同比. Classes are counted in the scheme's
    /// order (`classOrder`), natures in theirs; a project without a class is counted as none.
    public static func compute(unitName: String, query: StatisticsQuery, listed: [ListedProject], previous: [ListedProject]?,
                               schemeName: String?, classOrder: [String]) -> StatisticsFigures {
        let current = listed.filteredSharing { $0.total >= query.threshold }
        let before = previous?.filteredSharing { $0.total >= query.threshold }
        let total = current.reduce(Money.zero) { $0 + $1.total }
        let bands = query.bands.sorted().map { minimum in
            Band(minimum: minimum, count: current.count { $0.total >= minimum }, previousCount: before.map { $0.count { $0.total >= minimum } })
        }
        var groups: [Group] = []
        if let schemeName {
            // One pass, each project's class looked up once: counting class by class compared
            // every project's class name (Chinese text) with each class's.
            var byClass: [String: Int] = [:]
            for index in current.indices {
                if let name = current[index].className { byClass[name, default: 0] += 1 }
            }
            groups.append(Group(dimension: schemeName, items: classOrder.map { name in (name, byClass[name] ?? 0) }))
        }
        if current.contains(where: { $0.nature != nil }) {
            groups.append(Group(dimension: StatisticsText.natureDimension,
                                items: ListNature.allCases.map { nature in (nature.label, current.count { $0.nature == nature }) }))
        }
        let largest = Self.largest(current, count: QueryLimits.named(query.style.namedLargest)).map { Named(name: $0.name, total: $0.total) }
        return StatisticsFigures(unitName: unitName, year: query.year, threshold: query.threshold, count: current.count,
                                 previousCount: before?.count, total: total, bands: bands, groups: groups, largest: largest)
    }

    /// The `count` largest projects, largest first, equal totals by name: one pass keeping the
    /// few named, not a sort of a province's whole list (its names compared as Chinese text).
    static func largest(_ projects: [ListedProject], count: Int) -> [ListedProject] {
        func before(_ a: ListedProject, _ b: ListedProject) -> Bool { (a.total, b.name) > (b.total, a.name) }
        var top: [ListedProject] = []
        guard count > 0 else { return top }
        top.reserveCapacity(count + 1)
        for project in projects {
            if top.count == count, !before(project, top[count - 1]) { continue }
            let at = top.firstIndex { before(project, $0) } ?? top.count
            top.insert(project, at: at)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    private enum QueryLimits {
        static func named(_ asked: Int) -> Int { min(max(asked, 0), StatisticsQuery.maxNamed) }
    }
}
