import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The big screen's ledger totals, summed from the figures' snapshot in one pass, must be the
/// ledger list's own totals (the whole, each region with those below it) and the starts by month
/// read from SQL, after every kind of change that moves them.
@Suite("Ledger totals from the snapshot")
struct LedgerTotalsTests {
    static func expectAgree(_ database: Database, _ catalog: ReferenceCatalog, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let repository = ProjectRepository(database: database)
        // Every region of the catalogue, a retired or unknown code among them, and one asked twice.
        let regions = catalog.regions.map(\.code) + ["999999", catalog.regions[0].code]
        let kept = try await repository.ledgerTotals(scope: .everything, regions: regions, year: testToday.year, catalog: catalog, today: testToday)
        let read = try await repository.ledgerTotalsFromSQL(scope: .everything, regions: regions, year: testToday.year, catalog: catalog, today: testToday)
        #expect(kept == read, "\(note)", sourceLocation: sourceLocation)
        #expect(kept.whole.count > 0 && kept.startsByMonth.reduce(0, +) > 0 && kept.regions.contains { $0.count > 0 }, "\(note): figures to compare",
                sourceLocation: sourceLocation)
    }

    @Test("the snapshot's totals equal the ledger's and SQL's after creates, edits and changes of stage, region, investment and start", arguments: allEngines)
    func agreeWithTheLedger(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 120, today: testToday, actor: testActor, now: testNow)
            database.projectSnapshot.setMinimumProjects(0)
            database.projectSnapshot.setFirstReportMonth(Month(year: testToday.year - 1, month: 1)!)
            let catalog = try await ReferenceRepository(database: database).catalog()
            let repository = ProjectRepository(database: database)
            #expect(try await repository.keptProjects(.everything) != nil, "the snapshot path is the one compared")
            try await Self.expectAgree(database, catalog, "the demo's")

            _ = try await repository.create(sampleInput(name: "大屏新建项目", wan: "12"), catalog: catalog)
            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            let edited = try #require(try await repository.project(id: ids[0]))
            _ = try await repository.update(id: edited.id, expectedVersion: edited.version, sampleInput(name: "大屏改投资", code: "", wan: "85000"), allowed: .everything,
                                            visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            try await Self.expectAgree(database, catalog, "after a create and an edit")

            let otherRegion = try #require(catalog.regions.last?.code)
            try await database.transaction { db in
                try await db.raw("UPDATE projects SET stage = 'construction', actual_start = \(bind: "\(testToday.year)-03-01") WHERE id = \(bind: ids[10])").run()
                try await db.raw("UPDATE projects SET region_code = \(bind: otherRegion) WHERE id = \(bind: ids[11])").run()
                try await db.raw("UPDATE projects SET stage = 'operation', actual_start = \(bind: "\(testToday.year - 1)-12-31") WHERE id = \(bind: ids[12])").run()
                for id in [ids[10], ids[11], ids[12]] { try await LedgerGeneration.bump(db, project: id) }
            }
            try await Self.expectAgree(database, catalog, "after a start this year, a move of region and a start last year")
        }
    }
}
