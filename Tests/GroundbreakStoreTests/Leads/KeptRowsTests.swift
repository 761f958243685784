import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The 到位资金 and the leads kept in memory must be the tables' rows whenever they are asked for:
/// after a fund is recorded or a lead changed, here or by another instance, and for any months asked.
@Suite("到位资金 and leads kept between reads")
struct KeptRowsTests {
    /// The rows straight from SQL, in the order the repository gives them.
    static func stored(_ database: Database, from: Month, through: Month) async throws -> [ArrivedFunds] {
        try await LeadFundsRepository(database: database).rows("f.month BETWEEN \(bind: from.iso) AND \(bind: through.iso)")
    }

    /// A store with the demo's leads and funds (thirty projects).
    static func withDemo(_ engine: DatabaseEngine, _ body: (TestStore, Database) async throws -> Void) async throws {
        try await withTestStore(engine) { store in
            _ = try await DemoLoader(database: store.database).load(count: 30, today: testToday, actor: testActor, now: testNow)
            try await body(store, store.database)
        }
    }

    @Test("the kept rows equal the table's for any months; read again only once a fund is recorded, here or on another instance", arguments: allEngines)
    func followsTheTable(engine: DatabaseEngine) async throws {
        try await Self.withDemo(engine) { store, database in
            let repository = LeadFundsRepository(database: database)
            let ranges = [(Month(year: 2025, month: 1)!, Month(year: 2026, month: 11)!), (Month(year: 2026, month: 3)!, Month(year: 2026, month: 3)!),
                          (Month(year: 2000, month: 1)!, Month(year: 2099, month: 12)!)]
            func expectTable(_ note: String) async throws {
                for (from, through) in ranges {
                    #expect(try await repository.funds(from: from, through: through) == (try await Self.stored(database, from: from, through: through)), "\(note) \(from.iso)…\(through.iso)")
                }
            }
            try await expectTable("the demo's")
            #expect(!(try await repository.funds(from: ranges[0].0, through: ranges[0].1)).isEmpty, "the demo has funds")
            let reads = database.leadFunds.wholeReads
            #expect(reads == 1)
            _ = try await repository.funds(from: ranges[1].0, through: ranges[1].1)
            #expect(database.leadFunds.wholeReads == reads, "nothing recorded: taken from memory")

            let lead = try #require(try await database.reader.raw("SELECT id, unit_kind, unit_code FROM leads ORDER BY id").first())
            let (leadId, unit) = (try lead.decode(column: "id", as: Int64.self),
                                  OrgUnit(kind: OrgUnit.Kind(rawValue: try lead.decode(column: "unit_kind", as: String.self))!, code: try lead.decode(column: "unit_code", as: String.self)))
            let march = Month(year: 2026, month: 3)!
            let recorded = try await repository.record(ArrivedFunds(leadId: leadId, unit: unit, month: march, capital: .domestic, original: 12_340_000, note: "测试"),
                                                       actor: testActor, today: testToday, now: testNow)
            #expect(try await repository.funds(from: march, through: march).contains { $0.id == recorded.id && $0.amount == Money(yuan: 12_340_000) })
            try await expectTable("after a fund recorded here")
            #expect(database.leadFunds.wholeReads == reads + 1)

            // Recorded by an instance beside this one: seen here at the next read.
            let foreign = try await store.elsewhere { other in
                try await LeadFundsRepository(database: other).record(
                    ArrivedFunds(leadId: leadId, unit: unit, month: march, capital: .foreign, currency: "USD", original: 1_000_000, rate: 7.1, note: "外资"),
                    actor: testActor, today: testToday, now: testNow)
            }
            #expect(try await repository.funds(from: march, through: march).contains { $0.id == foreign.id && $0.amount == Money(yuan: 7_100_000) })
            try await expectTable("after a fund recorded by another instance")
        }
    }

    @Test("the kept leads equal the table's; read again only once a lead changes, here or on another instance", arguments: allEngines)
    func leadsFollowTheTable(engine: DatabaseEngine) async throws {
        try await Self.withDemo(engine) { store, database in
            let repository = LeadRepository(database: database)
            let everything = LeadReach(everyUnit: true, everyConfidential: true)
            func expectTable(_ note: String) async throws {
                #expect(try await repository.leads(reach: everything) == (try await LeadRepository.rows(where: "1 = 1", db: database.reader)), "\(note)")
            }
            try await expectTable("the demo's")
            let leads = try await repository.leads(reach: everything)
            #expect(leads.count > 2, "the demo has leads")
            let reads = database.leads.wholeReads
            _ = try await repository.leads(reach: everything)
            #expect(database.leads.wholeReads == reads, "nothing changed: taken from memory")

            let projects = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything)
            let unlinked = leads.filter { $0.projectId == nil }
            let (first, second) = (try #require(unlinked.first), try #require(unlinked.dropFirst().first))
            let linked = try await repository.link(leadId: first.id, projectId: projects[0].id, expectedVersion: first.version, actor: testActor, today: testToday, now: testNow)
            #expect(try await repository.leads(reach: everything).first { $0.id == first.id }?.projectId == projects[0].id && linked.projectId == projects[0].id)
            try await expectTable("after a lead linked here")
            #expect(database.leads.wholeReads == reads + 1)

            // Changed by an instance beside this one: seen here at the next read.
            _ = try await store.elsewhere { other in
                try await LeadRepository(database: other).link(leadId: second.id, projectId: projects[1].id, expectedVersion: second.version,
                                                               actor: testActor, today: testToday, now: testNow)
            }
            #expect(try await repository.leads(reach: everything).first { $0.id == second.id }?.projectId == projects[1].id)
            try await expectTable("after a lead linked by another instance")
        }
    }
}
