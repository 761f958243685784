import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// The centre confirms and maps what an import added to a unit's scheme; the ledger filters and
/// totals by a class; what is still 待补充 is listed.
@Suite("Classification schemes", .serialized)
struct SchemesWebTests {
    @Test("confirm and map an imported class (its projects take the category, audited), refuse duplicates and stale versions, filter the ledger by class", arguments: allEngines)
    func confirmAndFilter(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let imported = try await client.sendImage("/api/v1/imports/projects?fileName=erdao.xlsx&commit=true", as: fixture,
                                                      bytes: try officeFixture("seed004-erdao-2019.xlsx"), contentType: "application/octet-stream")
            #expect(imported.status == .created)
            let schemes = SchemeRepository(database: fixture.services.database)
            let scheme = try #require(try await schemes.schemes(regionCodes: ["220105"]).first)
            let infrastructure = try #require(scheme.classes.first { $0.name == "重大基础设施" })
            #expect(infrastructure.categoryCode == nil && !infrastructure.confirmed)

            let page = try await client.send(.get, "/schemes", as: fixture)
            #expect(page.status == .ok && page.text.contains("二道区：产业类别") && page.text.contains("待确认"))

            let region = try await fixture.signedIn(as: "erdao", roles: [.region], unit: OrgUnit(kind: .region, code: "220105"))
            let refused = try await client.send(.patch, "/api/v1/scheme-classes/\(infrastructure.id)", as: region, json: #"{"version":\#(scheme.version),"confirmed":true}"#)
            #expect(refused.status == .forbidden, "only the centre edits schemes")

            let stale = try await client.send(.patch, "/api/v1/scheme-classes/\(infrastructure.id)", as: fixture, json: #"{"version":\#(scheme.version - 1),"confirmed":true}"#)
            #expect(stale.status == .conflict)
            let duplicate = try await client.send(.patch, "/api/v1/scheme-classes/\(infrastructure.id)", as: fixture, json: #"{"version":\#(scheme.version),"name":"棚户区改造"}"#)
            #expect(duplicate.status == .unprocessableContent && duplicate.text.contains("本口径已有名为“棚户区改造”"))
            let unknown = try await client.send(.patch, "/api/v1/scheme-classes/\(infrastructure.id)", as: fixture, json: #"{"version":\#(scheme.version),"categoryCode":"NOPE"}"#)
            #expect(unknown.status == .unprocessableContent)

            let mapped = try await client.send(.patch, "/api/v1/scheme-classes/\(infrastructure.id)", as: fixture,
                                               json: #"{"version":\#(scheme.version),"confirmed":true,"categoryCode":"INF-TRN","synonyms":["基础设施"]}"#)
            #expect(mapped.status == .ok, "\(mapped.text)")
            #expect(mapped.object["confirmed"] as? Bool == true && mapped.object["projects"] as? Int == 11)

            // The class's eleven projects take the category, each change audited; the ledger filters by the class.
            let inClass = try await client.send(.get, "/api/v1/projects?class=\(infrastructure.id)&perPage=100", as: fixture)
            let rows = inClass.object["items"] as? [[String: Any]] ?? []
            #expect(inClass.object["totalCount"] as? Int == 11 && rows.count == 11)
            #expect(rows.allSatisfy { ($0["category"] as? [String: Any])?["code"] as? String == "INF-TRN" }, "\(rows.first ?? [:])")
            let first = try #require(rows.first?["id"] as? Int)
            let trail = try await fixture.services.audit.entries(entity: "project", entityId: String(first))
            #expect(trail.contains { $0.reason.contains("重大基础设施") })
            let owed = try await client.send(.get, "/api/v1/projects?owed=true&perPage=200", as: fixture)
            #expect(owed.object["totalCount"] as? Int == 101, "投资类型 is still 待补充 on all of them")
            let importPage = try await client.send(.get, "/imports", as: fixture)
            #expect(importPage.text.contains("各单位待补充") && (importPage.text.contains("owed=true&amp;region=220105") || importPage.text.contains("region=220105&amp;owed=true")))
            #expect(importPage.text.contains(">101<"), "what 二道区 still owes, counted as the ledger's owed=true counts it")

            let ledger = try await client.send(.get, "/projects?class=\(infrastructure.id)", as: fixture)
            #expect(ledger.text.contains("产业类别：重大基础设施"), "the filter is named in words")
            let project = try await client.send(.get, "/projects/\(first)", as: fixture)
            #expect(project.text.contains("“产业类别”口径") && project.text.contains("2019年二道区3000万元以上清单") && project.text.contains("待补充：投资类型"))

            // A synonym reads the same class on the next import.
            #expect(try await schemes.scheme(scheme.id)?.matching("基础设施")?.id == infrastructure.id)
        }
    }

    @Test("a new class and a new scheme by the page and the API; bad input changes nothing")
    func addClass() async throws {
        try await withWeb { fixture, client in
            let before = try await client.send(.get, "/api/v1/statistics/paragraph?unit=220106&scheme=1", as: fixture)
            #expect(before.status == .badRequest, "no scheme yet: the statistics request's choices are read, and kept")
            let created = try await client.send(.post, "/api/v1/schemes", as: fixture, json: #"{"regionCode":"220106","name":"7+3产业组"}"#)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? Int)
            let paragraph = try await client.send(.get, "/api/v1/statistics/paragraph?unit=220106&scheme=\(id)", as: fixture)
            #expect(paragraph.status == .ok, "the new scheme may be asked for at once: the kept choices follow the figures generation")
            let again = try await client.send(.post, "/api/v1/schemes", as: fixture, json: #"{"regionCode":"220106","name":"7+3产业组"}"#)
            #expect(again.status == .unprocessableContent && again.text.contains("已有名为“7+3产业组”的口径"))
            let noName = try await client.send(.post, "/api/v1/schemes/\(id)/classes", as: fixture, json: #"{"name":"  ","version":1}"#)
            #expect(noName.status == .unprocessableContent)
            let added = try await client.send(.post, "/api/v1/schemes/\(id)/classes", as: fixture, json: #"{"name":"汽车零部件产业组","shortName":"汽车零部件","categoryCode":"IND-MFG","version":1}"#)
            #expect(added.status == .created && added.object["confirmed"] as? Bool == true)
            let form = try await client.send(.post, "/schemes/\(id)/classes", as: fixture, form: [("name", "汽车零部件产业组"), ("version", "2")])
            #expect(form.status == .unprocessableContent && form.text.contains("本口径已有名为"), "the page shows the refusal")
            let list = try await client.send(.get, "/api/v1/schemes?region=220106", as: fixture)
            #expect(list.status == .ok && list.text.contains("汽车零部件产业组"))
        }
    }
}
