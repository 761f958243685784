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
        // Each region's places among the sums by region code, as the ledger's filter expands a
        // region; sums by stage in an array by the stage's place among `Stage.allCases`, not a
        // dictionary hashed per project.
        var regionsOf: [String: [Int]] = [:]
        for (index, region) in regions.enumerated() {
            for code in catalog.canonicalRegionCode(region).map(catalog.regionSubtree) ?? [region] { regionsOf[code, default: []].append(index + 1) }
        }
        let stages = Stage.allCases
        func slot(_ bucket: Int, _ stage: Int) -> Int { bucket * stages.count + stage }
        var counts = [Int](repeating: 0, count: slot(regions.count + 1, 0))
        var yuan = [Int64](repeating: 0, count: counts.count)
        var starts = [Int](repeating: 0, count: 12)
        // Each project read where it lies (`Project.ledgerFigures`): its fields read through
        // `fields` here were copied whole, a retain of each of their texts (most of this pass).
        projects.withUnsafeBufferPointer { projects in
            for index in projects.indices {
                let stage = projects[index].stage
                let place = stages.firstIndex(of: stage)!
                let (region, amount, start) = projects[index].ledgerFigures
                counts[slot(0, place)] += 1
                yuan[slot(0, place)] += amount
                for bucket in regionsOf[region] ?? [] {
                    counts[slot(bucket, place)] += 1
                    yuan[slot(bucket, place)] += amount
                }
                if stage == .construction || stage == .operation, let start, start.year == year {
                    starts[start.month - 1] += 1
                }
            }
        }
        func totals(_ bucket: Int) -> LedgerTotals.Totals {
            var totals = LedgerTotals.Totals()
            for (place, stage) in stages.enumerated() where counts[slot(bucket, place)] > 0 {
                let sum = ProjectPage.StageTotals(count: counts[slot(bucket, place)], investment: Money(yuan: yuan[slot(bucket, place)]))
                totals.byStage[stage] = sum
                totals.count += sum.count
                totals.investment = totals.investment + sum.investment
            }
            return totals
        }
        return LedgerTotals(whole: totals(0), regions: regions.indices.map { totals($0 + 1) }, startsByMonth: starts)
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
