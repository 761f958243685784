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
    /// The `count` largest projects, largest first, equal totals by name (`Largest`).
    static func largest(_ projects: [ListedProject], count: Int) -> [ListedProject] {
        var largest = Largest(count: count)
        for project in projects { largest.offer(total: project.total) { project } }
        return largest.top
    }
}
