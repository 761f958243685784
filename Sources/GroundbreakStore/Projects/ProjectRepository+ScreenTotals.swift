import Foundation
import GroundbreakDomain

/// The ledger's totals the big screen shows: of every project a reader sees, of each region's
/// (with those below it), and the year's starts by month.
public struct LedgerTotals: Sendable, Equatable {
    public struct Totals: Sendable, Equatable {
        public var count = 0
        public var investment = Money.zero
        /// Count and investment per stage, as the ledger's list gives them.
        public var byStage: [Stage: ProjectPage.StageTotals] = [:]

        init() {}

        init(_ page: ProjectPage) {
            (count, investment, byStage) = (page.totalCount, page.totalInvestment, page.byStage)
        }

        mutating func add(_ project: Project) {
            count += 1
            investment = investment + project.fields.totalInvestment
            let stage = byStage[project.stage] ?? .init(count: 0, investment: .zero)
            byStage[project.stage] = .init(count: stage.count + 1, investment: stage.investment + project.fields.totalInvestment)
        }
    }

    public var whole: Totals
    /// By the region codes asked, in their order.
    public var regions: [Totals]
    /// Projects under construction or in operation that started in each month of the year.
    public var startsByMonth: [Int]
}

extension ProjectRepository {
    /// The ledger's totals of every project `scope` reaches and of each of `regions`, with the
    /// starts of `year` by month: the figures of the ledger's list (`list`, an unfiltered query and
    /// one per region) and of `startsByMonth`. From the figures' snapshot in one pass when the scope
    /// is everything: after a change the ledger's index is still moving, and the big screen then
    /// read fourteen totals of a province from SQL, a quarter of what its writer waited for.
    public func ledgerTotals(scope: ProjectScope, regions: [String], year: Int, catalog: ReferenceCatalog, today: Day) async throws -> LedgerTotals {
        guard let projects = try await keptProjects(scope) else { return try await ledgerTotalsFromSQL(scope: scope, regions: regions, year: year, catalog: catalog, today: today) }
        // Each region's projects by region code, as the ledger's filter expands a region.
        var regionsOf: [String: [Int]] = [:]
        for (index, region) in regions.enumerated() {
            for code in catalog.canonicalRegionCode(region).map(catalog.regionSubtree) ?? [region] { regionsOf[code, default: []].append(index) }
        }
        var totals = LedgerTotals(whole: .init(), regions: Array(repeating: .init(), count: regions.count), startsByMonth: Array(repeating: 0, count: 12))
        for project in projects {
            totals.whole.add(project)
            for index in regionsOf[project.fields.regionCode] ?? [] { totals.regions[index].add(project) }
            if project.stage == .construction || project.stage == .operation, let start = project.fields.actualStart, start.year == year {
                totals.startsByMonth[start.month - 1] += 1
            }
        }
        return totals
    }

    /// The same totals from the ledger's list and SQL (a narrower scope, or no snapshot held).
    func ledgerTotalsFromSQL(scope: ProjectScope, regions: [String], year: Int, catalog: ReferenceCatalog, today: Day) async throws -> LedgerTotals {
        var totals = LedgerTotals(whole: .init(try await list(ProjectQuery(), scope: scope, catalog: catalog, today: today)), regions: [],
                                  startsByMonth: try await startsByMonth(year: year, scope: scope))
        for region in regions {
            var query = ProjectQuery()
            query.regionCode = region
            totals.regions.append(.init(try await list(query, scope: scope, catalog: catalog, today: today)))
        }
        return totals
    }
}
