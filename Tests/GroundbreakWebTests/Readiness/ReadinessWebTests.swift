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

/// 要素保障 on the web: a project's items kept under their versions, an unmet one raised as a
/// problem, and the 开工条件 and 已拿地未开工 lists agreeing on the page, the API and the xlsx.
@Suite("Readiness on the web", .serialized)
struct ReadinessWebTests {
    @Test("a district keeps a project's readiness under each item's version; bad input is refused in Chinese and keeps nothing; an unmet item becomes a problem in one step; the lists agree", arguments: allEngines)
    func readiness(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 40) { fixture, client in
            var query = ProjectQuery()
            query.perPage = 500
            let projects = try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday).projects
            let project = try #require(projects.first { $0.stage == .approval && $0.fields.zoneCode == nil && $0.fields.actualStart == nil })
            let region = project.fields.regionCode
            let staff = try await fixture.signedIn(as: "qu-readiness", roles: [.region], unit: OrgUnit(kind: .region, code: region))
            let path = "/api/v1/projects/\(project.id)/readiness"
            let read = try await client.send(.get, path, as: staff)
            #expect(read.status == .ok)
            expectDocumented(read, ReadinessEndpoints.apiProject)
            let items = (read.object["items"] as? [[String: Any]]) ?? []
            #expect(items.count == fixture.services.readinessCatalog.items.count)
            let version = { (code: String, object: [String: Any]) in ((object["items"] as? [[String: Any]]) ?? []).first { $0["item"] as? String == code }?["version"] as? Int ?? -1 }
            let land = version("landSupply", read.object), funds = version("funds", read.object)

            let bad = try await client.send(.post, path, as: staff, json: #"{"items":[{"item":"landSupply","state":"done","way":"抢占","version":\#(land)},{"item":"funds","state":"done","doneOn":"2026-11-30","version":\#(funds)}]}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("请填写落实日期") && bad.text.contains("供地方式") && bad.text.contains("不能晚于今天"), "\(bad.status) \(bad.text.prefix(500))")
            expectDocumented(bad, ReadinessEndpoints.apiSave)
            let kept = { (object: [String: Any]) in ((object["items"] as? [[String: Any]]) ?? []).map { "\($0["item"] ?? "")=\($0["state"] ?? "")@\($0["version"] ?? "")" } }
            #expect(kept(try await client.send(.get, path, as: staff).object) == kept(read.object), "nothing kept")

            let saved = try await client.send(.post, path, as: staff,
                                              json: #"{"items":[{"item":"landSupply","state":"done","doneOn":"2026-06-01","way":"划拨","unit":"department:CC-ZRZY","version":\#(land)},{"item":"funds","state":"inProgress","note":"资本金待到位","version":\#(funds)}]}"#)
            #expect(saved.status == .ok && saved.object["landSuppliedOn"] as? String == "2026-06-01", "\(saved.text.prefix(300))")
            expectDocumented(saved, ReadinessEndpoints.apiSave)
            #expect((saved.object["missingForStart"] as? [String])?.contains("funds") == true && saved.object["readyForStart"] as? Bool == false)
            let stale = try await client.send(.post, path, as: staff, json: #"{"items":[{"item":"funds","state":"done","doneOn":"2026-11-20","version":\#(funds)}]}"#)
            #expect(stale.status == .conflict)

            let waiting = try await client.send(.get, "/api/v1/readiness/land-waiting?unit=region:\(region)", as: staff)
            expectDocumented(waiting, ReadinessEndpoints.apiLand)
            let waitingLines = (waiting.json as? [[String: Any]]) ?? []
            #expect(waitingLines.first { $0["projectId"] as? Int == Int(project.id) }?["daysWaiting"] as? Int == 175, "1 June to 23 November")
            #expect(waitingLines.map { $0["daysWaiting"] as? Int ?? 0 } == waitingLines.map { $0["daysWaiting"] as? Int ?? 0 }.sorted(by: >), "the longest waiting first")
            let landPage = try await client.send(.get, "/readiness/land-waiting?unit=region:\(region)", as: staff)
            #expect(landPage.status == .ok && landPage.text.contains("data-total=\"\(waitingLines.count)\"") && landPage.text.contains("data-project=\"\(project.id)\""))
            let landBook = try await client.send(.get, "/readiness/land-waiting.xlsx?unit=region:\(region)", as: staff)
            let landRows = try SpreadsheetReader.read(Array(landBook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(landRows[0][0] == "已拿地未开工" && landRows.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == waitingLines.count)
            #expect(landRows.contains { $0.count > 7 && $0[1] == project.fields.name && $0[7] == "175" && $0[6] == "划拨" })

            let year = project.fields.plannedStart?.year ?? webToday.year
            let starts = try await client.send(.get, "/api/v1/readiness/starts?unit=region:\(region)&year=\(year)", as: staff)
            expectDocumented(starts, ReadinessEndpoints.apiStarts)
            let startLines = (starts.json as? [[String: Any]]) ?? []
            let startsPage = try await client.send(.get, "/readiness?unit=region:\(region)&year=\(year)", as: staff)
            #expect(startsPage.text.contains("data-total=\"\(startLines.count)\""))
            let startsBook = try await client.send(.get, "/readiness.xlsx?unit=region:\(region)&year=\(year)", as: staff)
            let startRows = try SpreadsheetReader.read(Array(startsBook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(startRows.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == startLines.count)
            #expect(startRows.last?.first?.contains("具备开工条件 \(startLines.filter { $0["readyForStart"] as? Bool == true }.count) 个") == true || startLines.isEmpty)
            #expect(try await client.send(.get, "/api/v1/readiness/starts?year=20x6", as: staff).status == .badRequest)

            let raised = try await client.send(.post, "/projects/\(project.id)/readiness/problem", as: staff, form: [("item", "funds")])
            #expect(raised.status == .seeOther && (raised.location ?? "").hasPrefix("/problems/"))
            let problemId = try #require(Int64((raised.location ?? "").dropFirst("/problems/".count).prefix { $0.isNumber }))
            let problem = try #require(try await fixture.services.problems.problem(id: problemId))
            #expect(problem.projectId == project.id && problem.categoryCode == "FUNDING" && problem.description.hasPrefix("要素保障：建设资金（资本金）落实推进中（资本金待到位）"))

            let page = try await client.send(.get, "/projects/\(project.id)/readiness", as: staff)
            #expect(page.status == .ok && page.text.contains("2026-06-01") && page.text.contains("尚缺"))
            let neighbourRegion = try #require(fixture.services.catalog().assignableRegions.first { $0.kind != .city && $0.code != region && !fixture.services.catalog().regionSubtree($0.code).contains(region) && !fixture.services.catalog().regionSubtree(region).contains($0.code) })
            let neighbour = try await fixture.signedIn(as: "qu-other", roles: [.region], unit: OrgUnit(kind: .region, code: neighbourRegion.code))
            #expect(try await client.send(.get, path, as: neighbour).status == .notFound)
            #expect(try await client.send(.post, path, as: neighbour, json: #"{"items":[]}"#).status == .notFound)
        }
    }
}
