import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A unit's front-of-the-chain readings (the reserve's bands, the start targets, the money issued
/// against last year), read once here for the targets page, its workbook and API, and the target
/// tiles of the reserve and campaign pages — so every screen shows the same figure.
enum GroundworkReadings {
    /// The unit a reader's own figures are of: the city for a city-wide reader, else its own
    /// region, zone or department when it may read that unit's figures; nil otherwise.
    static func homeUnit(_ input: EndpointRequest) -> TargetUnit? {
        let offered = TargetPages.offeredUnits(input)
        if let city = cityUnit(input.catalog), offered.contains(city) { return city }
        guard let own = input.principal?.unit else { return nil }
        let unit = TargetUnit(kind: own.kind == .region ? .region : own.kind == .zone ? .zone : .department, code: own.code)
        return offered.contains(unit) ? unit : nil
    }

    static func cityUnit(_ catalog: ReferenceCatalog) -> TargetUnit? {
        catalog.regions.first { $0.kind == .city }.map { TargetUnit(kind: .region, code: $0.code) }
    }

    static func measures(_ input: EndpointRequest, year: Int) -> [GroundworkMeasure] {
        GroundworkTargets.measures(reserve: input.services.reserveRules, campaigns: input.services.campaignCatalog, year: year)
    }

    /// `unit`'s readings on `day` among the projects the reader sees, of the measures of `kinds`.
    /// `projects` may be passed when the caller already holds the reader's projects in scope.
    static func read(_ input: EndpointRequest, unit: TargetUnit, on day: Day, kinds: Set<GroundworkMeasure.Kind> = Set(GroundworkMeasure.Kind.allCases),
                     projects inScope: [Project]? = nil, entries held: [ReserveEntry]? = nil) async throws -> [GroundworkReading] {
        let catalog = input.catalog
        var projects: [Project] = []
        if kinds.contains(.reserve) || kinds.contains(.starts) {
            let all: [Project]
            if let inScope { all = inScope } else { all = try await input.services.projects.projects(inStages: Stage.allCases, scope: input.scope(.viewProjects)) }
            let member = unit.membership(catalog)
            projects = all.filter(member)
        }
        var entries: [ReserveEntry] = []
        if kinds.contains(.reserve) {
            if let held { entries = held } else { entries = try await input.services.reserve.entries() }
        }
        var funding: FundingComparison?
        if kinds.contains(.funding) {
            let reach = input.fundingReach(.viewFunding)
            let outer = OrgUnit(kind: OrgUnit.Kind(rawValue: unit.kind.rawValue) ?? .region, code: unit.code)
            let isCity = unit == cityUnit(catalog)
            let applications = try await input.services.funding.applications(reach: reach).filter { isCity || FundingForms.inside($0.unit, outer, catalog) }
            funding = FundingComparison(applications, through: day)
        }
        let set = try await GroundworkTargetRepository(database: input.services.database).targets(unit: unit, year: day.year)
        let measures = measures(input, year: day.year).filter { kinds.contains($0.kind) }
        return GroundworkTargets.readings(measures: measures, year: day.year, asOf: day, projects: projects, entries: entries, funding: funding,
                                          set: set, isCity: unit == cityUnit(catalog))
    }

    /// The day a month is read to: its last day, or today while it runs.
    static func day(ending month: Month, today: Day) -> Day {
        min(month.lastDay, today)
    }
}
