import Foundation
import GroundbreakDomain

/// The lights: counts by colour and by region, and the listed projects with their reasons.
struct WarningsDTO: Codable, Sendable {
    struct Reason: Codable, Sendable {
        var rule: String
        var colour: String
        var text: String
    }
    struct Row: Codable, Sendable {
        var projectId: Int64
        var name: String
        var regionCode: String
        var colour: String
        var explanation: String
        var reasons: [Reason]
    }
    struct RegionCount: Codable, Sendable {
        var regionCode: String
        var regionName: String
        var red: Int
        var yellow: Int
        var green: Int
    }

    var ruleVersion: Int
    var red: Int
    var yellow: Int
    var green: Int
    var regions: [RegionCount]
    /// How many projects the filter lists; `projects` holds page `page` of them.
    var listedCount: Int
    var page: Int
    var perPage: Int
    var projects: [Row]

    init(rules: WarningRuleSet, counts: WarningCounts, listed: [WarningPages.Lit], paging: ListPaging, catalog: ReferenceCatalog) {
        ruleVersion = rules.version
        red = counts.byColour[.red] ?? 0
        yellow = counts.byColour[.yellow] ?? 0
        green = counts.byColour[.green] ?? 0
        regions = counts.byRegion(catalog).map {
            RegionCount(regionCode: $0.code, regionName: $0.name, red: $0.counts[.red] ?? 0, yellow: $0.counts[.yellow] ?? 0, green: $0.counts[.green] ?? 0)
        }
        listedCount = listed.count
        page = paging.page
        perPage = paging.perPage
        projects = paging.slice(listed).map { row in
            Row(projectId: row.project.id, name: row.project.fields.name, regionCode: row.project.fields.regionCode, colour: row.warning.colour.rawValue,
                explanation: row.warning.explanation,
                reasons: row.warning.reasons.map { Reason(rule: $0.code, colour: $0.colour.rawValue, text: $0.text) })
        }
    }
}

/// Lights counted by colour and by region: one place for the page and the API.
struct WarningCounts: Sendable {
    let byColour: [WarningColour: Int]
    private let regions: [String: [WarningColour: Int]]

    init(_ lit: [WarningPages.Lit]) {
        // Counted by the colour's rank, in plain arrays: one hash per light (its region), not three.
        var total = [0, 0, 0]
        var regions: [String: [Int]] = [:]
        for item in lit {
            total[item.colour.rank] += 1
            regions[item.regionCode, default: [0, 0, 0]][item.colour.rank] += 1
        }
        func byColour(_ counts: [Int]) -> [WarningColour: Int] {
            Dictionary(uniqueKeysWithValues: WarningColour.allCases.compactMap { counts[$0.rank] > 0 ? ($0, counts[$0.rank]) : nil })
        }
        self.byColour = byColour(total)
        self.regions = regions.mapValues(byColour)
    }

    /// The regions with lights, in the catalogue's order.
    func byRegion(_ catalog: ReferenceCatalog) -> [(code: String, name: String, counts: [WarningColour: Int])] {
        catalog.assignableRegions.compactMap { region in
            regions[region.code].map { (region.code, region.name, $0) }
        }
    }
}
