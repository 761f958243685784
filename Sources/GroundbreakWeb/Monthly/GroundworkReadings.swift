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
        guard let unit = input.principal?.unit?.targetUnit else { return nil }
        return offered.contains(unit) ? unit : nil
    }

    static func cityUnit(_ catalog: ReferenceCatalog) -> TargetUnit? {
        catalog.regions.first { $0.kind == .city }.map { TargetUnit(kind: .region, code: $0.code) }
    }

    static func measures(_ input: EndpointRequest, year: Int) -> [GroundworkMeasure] {
        GroundworkTargets.measures(reserve: input.services.reserveRules, campaigns: input.services.campaignCatalog, year: year)
    }

    /// `unit`'s readings on `day` among the projects the reader sees, of the measures of `kinds`:
    /// one computation per reader, unit, day and kinds, kept until the next audited change.
    static func read(_ input: EndpointRequest, unit: TargetUnit, on day: Day, kinds: Set<GroundworkMeasure.Kind> = Set(GroundworkMeasure.Kind.allCases)) async throws
        -> [GroundworkReading] {
        let (services, catalog, scope) = (input.services, input.catalog, input.scope(.viewProjects))
        let reach = input.fundingReach(.viewFunding)
        let measures = measures(input, year: day.year).filter { kinds.contains($0.kind) }
        let isCity = unit == cityUnit(catalog)
        let key = try await services.figuresKey("groundwork", "user \(input.principal?.userId ?? 0)", unit.text, day.iso, kinds.map(\.rawValue).sorted().joined(separator: ","))
        return try await services.groundwork.value(for: key) {
            var funding: FundingComparison?
            if kinds.contains(.funding) {
                let outer = unit.orgUnit
                let applications = try await services.funding.applications(reach: reach).filter { isCity || FundingForms.inside($0.unit, outer, catalog) }
                funding = FundingComparison(applications, through: day)
            }
            let set = try await GroundworkTargetRepository(database: services.database).targets(unit: unit, year: day.year)
            let counted = !kinds.isDisjoint(with: [.reserve, .starts])
            // A unit the scope covers (every offered one) is counted from its projects' kept parts.
            let parts = !counted ? [] : scope.covers(unit, catalog: catalog)
                ? try await GroundworkPartsRepository(database: services.database).parts(unit: unit, catalog: catalog)
                : try await scopedParts(input, unit: unit, on: day, kinds: kinds)
            return GroundworkTargets.readings(measures: measures, year: day.year, asOf: day, parts: parts, funding: funding, set: set, isCity: isCity)
        }
    }

    /// The parts of `unit`'s projects among those the reader sees, read fresh. Only the projects a
    /// measure can count are read: the reserve's entries, and of those under way only the ones
    /// that started in the year by the day.
    private static func scopedParts(_ input: EndpointRequest, unit: TargetUnit, on day: Day, kinds: Set<GroundworkMeasure.Kind>) async throws -> [GroundworkPart] {
        let (services, scope, member) = (input.services, input.scope(.viewProjects), unit.membership(input.catalog))
        var reserved: [Int64: Project] = [:]
        var entries: [ReserveEntry] = []
        if kinds.contains(.reserve) {
            entries = try await services.reserve.entries()
            reserved = try await services.projects.projects(ids: entries.map(\.projectId)).filter { scope.contains($0.value) && member($0.value) }
        }
        var started: [Project] = []
        if kinds.contains(.starts) {
            started = try await services.projects.projects(inStages: GroundworkPart.underWayStages, scope: scope) {
                CampaignRules.hasStarted($0, year: day.year, through: day, minimumYuan: 0) && member($0)
            }
        }
        return GroundworkTargets.parts(reserved: reserved, started: started, entries: entries)
    }

    /// The day a month is read to: its last day, or today while it runs.
    static func day(ending month: Month, today: Day) -> Day {
        min(month.lastDay, today)
    }
}
