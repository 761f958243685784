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

    init(rules: WarningRuleSet, lit: [WarningPages.Lit], listed: [WarningPages.Lit], paging: ListPaging, catalog: ReferenceCatalog) {
        ruleVersion = rules.version
        red = lit.filter { $0.warning.colour == .red }.count
        yellow = lit.filter { $0.warning.colour == .yellow }.count
        green = lit.filter { $0.warning.colour == .green }.count
        regions = WarningCounts.byRegion(lit, catalog: catalog).map {
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

/// Lights counted by region, in the catalogue's order: one place for the page and the API.
enum WarningCounts {
    static func byRegion(_ lit: [WarningPages.Lit], catalog: ReferenceCatalog) -> [(code: String, name: String, counts: [WarningColour: Int])] {
        var counts: [String: [WarningColour: Int]] = [:]
        for item in lit { counts[item.project.fields.regionCode, default: [:]][item.warning.colour, default: 0] += 1 }
        return catalog.assignableRegions.compactMap { region in
            counts[region.code].map { (region.code, region.name, $0) }
        }
    }
}
