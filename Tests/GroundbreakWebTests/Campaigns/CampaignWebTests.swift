import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// 集中开工 on the web: the demo's batches, a batch opened and filled by the centre, each reader
/// seeing its own projects, the list as the xlsx officials hand out.
@Suite("集中开工 on the web", .serialized)
struct CampaignWebTests {
    @Test("the demo holds last spring's batch; the centre opens one and lists projects by name; a district sees only its projects; page, API and xlsx agree; bad input keeps nothing", arguments: allEngines)
    func campaigns(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 40) { fixture, client in
            let lastYear = try await client.send(.get, "/api/v1/campaigns?year=2025", as: fixture)
            #expect(lastYear.status == .ok)
            expectDocumented(lastYear, CampaignsEndpoints.apiList)
            #expect(((lastYear.object["campaigns"] as? [[String: Any]]) ?? []).contains { $0["season"] as? String == "spring" }, "last spring's batch")
            let targets = (lastYear.object["targets"] as? [[String: Any]]) ?? []
            #expect(targets.map { $0["targetCount"] as? Int ?? 0 } == [400, 1100] && lastYear.object["unit"] as? String == "region:220100")
            let yearBook = try SpreadsheetReader.read(Array(try await client.send(.get, "/campaigns.xlsx?year=2025", as: fixture).body.readableBytesView)).rows.map { $0.map(\.text) }
            let batches = (lastYear.object["campaigns"] as? [[String: Any]]) ?? []
            #expect(yearBook.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == batches.count
                    && yearBook.last?.first?.contains(targets.first?["sentence"] as? String ?? "-") == true, "the batches and the targets' sentences")

            let bad = try await client.send(.post, "/api/v1/campaigns", as: fixture, json: #"{"season":"winter","name":"","heldOn":"2026-13-01"}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("\"field\":\"heldOn\"") && bad.text.contains("日期格式不正确"), "\(bad.text.prefix(400))")
            let before = try await fixture.services.campaigns.campaigns().count
            let wrong = try await client.send(.post, "/api/v1/campaigns", as: fixture, json: #"{"season":"winter","name":"","heldOn":"2026-12-01"}"#)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("季节") && wrong.text.contains("批次名称"))
            #expect(try await fixture.services.campaigns.campaigns().count == before, "nothing kept")
            let made = try await client.send(.post, "/api/v1/campaigns", as: fixture, json: #"{"season":"autumn","name":"2026年秋季补充集中开工","heldOn":"2026-11-20"}"#)
            #expect(made.status == .created)
            expectDocumented(made, CampaignsEndpoints.apiCreate)
            let id = try #require(made.object["id"] as? Int)

            var query = ProjectQuery()
            query.perPage = 500
            let projects = try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday).projects
            let mine = try #require(projects.first { $0.fields.zoneCode == nil })
            let other = try #require(projects.first { $0.fields.zoneCode == nil && $0.fields.regionCode != mine.fields.regionCode
                && !fixture.services.catalog().regionSubtree(mine.fields.regionCode).contains($0.fields.regionCode) })
            let added = try await client.send(.post, "/campaigns/\(id)/projects", as: fixture, form: [("project", mine.fields.name), ("add", "1")])
            #expect(added.status == .seeOther)
            let api = try await client.send(.post, "/api/v1/campaigns/\(id)/projects", as: fixture, json: #"{"projectId":\#(other.id),"add":true}"#)
            #expect(api.status == .ok && api.object["planned"] as? Int == 2)
            expectDocumented(api, CampaignsEndpoints.apiProjects)
            let twice = try await client.send(.post, "/api/v1/campaigns/\(id)/projects", as: fixture, json: #"{"projectId":\#(other.id),"add":true}"#)
            #expect(twice.status == .unprocessableContent && twice.text.contains("项目已在清单中"))

            let district = try await fixture.signedIn(as: "qu-campaign", roles: [.region], unit: OrgUnit(kind: .region, code: mine.fields.regionCode))
            let seen = try await client.send(.get, "/api/v1/campaigns/\(id)", as: district)
            #expect(seen.status == .ok && ((seen.object["projects"] as? [[String: Any]]) ?? []).map { $0["projectId"] as? Int } == [Int(mine.id)], "only its own project")
            expectDocumented(seen, CampaignsEndpoints.apiShow)
            let page = try await client.send(.get, "/campaigns/\(id)", as: fixture)
            #expect(page.status == .ok && page.text.contains("data-total=\"2\"") && page.text.contains(other.fields.name))
            let book = try await client.send(.get, "/campaigns/\(id)/projects.xlsx", as: fixture)
            let rows = try SpreadsheetReader.read(Array(book.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(rows[0][0] == "2026年秋季补充集中开工" && rows.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == 2)
            #expect(try await client.send(.post, "/api/v1/campaigns", as: district, json: #"{"season":"autumn","name":"x","heldOn":"2026-11-20"}"#).status == .forbidden)
            let removed = try await client.send(.post, "/campaigns/\(id)/projects", as: fixture, form: [("project", mine.fields.code?.value ?? mine.fields.name), ("add", "0")])
            #expect(removed.status == .seeOther)
            #expect(try await fixture.services.campaigns.campaign(id: Int64(id))?.projectIds == [other.id])
        }
    }
}
