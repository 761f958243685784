import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

/// The ledger's region-and-stage groups must answer exactly as the index's pass over every row:
/// the same page in the same order and the same totals, both when few match (ordered by rank) and
/// when many do (the sort order walked), for the city and for a district's scope, on both engines
/// (the orders are the database's own). `LedgerIndexTests` holds the whole list to SQL on top.
@Suite("Ledger buckets: the same answers as the pass")
struct LedgerBucketsTests {
    @Test("random regions, stages, investment ranges, sorts, pages and region scopes: the groups and the pass agree", arguments: allEngines)
    func agreesWithPass(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            _ = try await DemoLoader(database: store.database).load(count: 400, today: testToday, actor: testActor, now: testNow)
            try await LedgerIndexTests.light(store.database)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            try await store.database.ledgerIndex.rebuild(store.database)
            let generation = try await LedgerGeneration.current(store.database.reader)
            let index = try #require(store.database.ledgerIndex.index(at: generation))
            var buckets = try #require(LedgerBuckets(index))
            #expect(store.database.ledgerIndex.buckets(for: index)?.generation == generation, "a rebuild builds the buckets with the index")
            let facts = try await LedgerIndexTests.Facts.read(store.database, index: index)
            var random = SeededGenerator(seed: 20_261_201)
            let scopes: [ProjectScope] = [
                .everything, .nothing,
                ProjectScope([ScopeRule(.regions(Set(facts.regions.prefix(2))))]),
                ProjectScope([ScopeRule(.regions([facts.regions.last!])), ScopeRule(.regions(["220000", "999999"]))]),
            ]
            var compared = 0, matchedSomething = 0
            for number in 0..<300 {
                var query = ProjectQuery()
                if Bool.random(using: &random) { query.regionCode = LedgerIndexTests.pick(facts.regions + ["220100", "999999"], &random) }
                if Bool.random(using: &random) { query.stages = Array(Stage.allCases.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))) }
                // Bounds at a project's own investment too: the edge rows are in.
                let someInvestment = Money(yuan: index.rows[Int.random(in: 0..<index.rows.count, using: &random)].investment)
                switch Int.random(in: 0..<7, using: &random) {
                case 0: query.minInvestment = .wan(Int64.random(in: 0...200_000, using: &random))
                case 1: query.maxInvestment = .wan(Int64.random(in: 5_000...500_000, using: &random))
                case 2: query.sizeBand = LedgerIndexTests.pick(catalog.sizeBands.map(\.code) + ["NOBAND"], &random)
                case 3: query.minInvestment = someInvestment
                case 4: query.maxInvestment = someInvestment
                case 5: (query.minInvestment, query.maxInvestment) = (someInvestment, someInvestment)
                default: break
                }
                query.sort = LedgerIndexTests.pick(ProjectQuery.SortKey.allCases, &random)!
                query.descending = Bool.random(using: &random)
                query.perPage = LedgerIndexTests.pick([1, 7, 20, 50], &random)!
                query.page = LedgerIndexTests.pick([1, 1, 2, 3, 40], &random)!
                let scope = scopes[number % scopes.count]
                let selection = try #require(index.selection(query, scope: scope, catalog: catalog, today: testToday))
                #expect(LedgerBuckets.answers(selection), "the groups answer \(query.items) for \(scope.key)")
                let offset = (query.page - 1) * query.perPage
                let pass = try #require(index.scan(selection, sort: query.sort, descending: query.descending, offset: offset, limit: query.perPage))
                // Both ways to the page: ordering every match by rank, and walking the order.
                for limit in [Int.max, 0] {
                    buckets.gatherLimit = limit
                    let grouped = try #require(buckets.run(selection, index: index, sort: query.sort, descending: query.descending, offset: offset, limit: query.perPage))
                    let context = "query \(query.items), scope \(scope.key), gather up to \(limit)"
                    #expect(grouped.ids == pass.ids, "\(context)")
                    #expect(grouped.count == pass.count && grouped.investment == pass.investment, "\(context)")
                    #expect(grouped.byStage == pass.byStage, "\(context)")
                    #expect(grouped.lights == pass.lights, "\(context)")
                    compared += 1
                }
                if pass.count > 0 { matchedSomething += 1 }
            }
            #expect(compared == 600)
            #expect(matchedSomething > 120, "a quarter of the queries are the empty scope; most others find rows")

            // Anything else is left to the pass.
            var other = ProjectQuery()
            other.text = "项目"
            let textual = try #require(index.selection(other, scope: .everything, catalog: catalog, today: testToday))
            #expect(buckets.run(textual, index: index, sort: .name, descending: false, offset: 0, limit: 20) == nil)
            other = ProjectQuery()
            other.light = .red
            let lit = try #require(index.selection(other, scope: .everything, catalog: catalog, today: testToday))
            #expect(buckets.run(lit, index: index, sort: .name, descending: false, offset: 0, limit: 20) == nil)
            let staged = try #require(index.selection(ProjectQuery(), scope: ProjectScope([ScopeRule(.regions([facts.regions[0]]), stages: [.construction])]),
                                                      catalog: catalog, today: testToday))
            #expect(!LedgerBuckets.answers(staged), "a scope limited to stages is a row mask, left to the pass")
        }
    }
}
