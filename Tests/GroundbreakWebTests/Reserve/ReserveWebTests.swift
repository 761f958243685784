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

/// 谋划储备 on the web: the demo's libraries and their figures agreeing on the page, the API and
/// the xlsx; a district enters a project, the centre promotes it; refusals keep nothing.
@Suite("谋划储备 on the web", .serialized)
struct ReserveWebTests {
    @Test("the demo's reserve: target, designations against their minimums, conversion; a district enters a project under its version and the centre promotes it", arguments: allEngines)
    func reserve(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 40) { fixture, client in
            let all = try await client.send(.get, "/api/v1/reserve", as: fixture)
            #expect(all.status == .ok)
            expectDocumented(all, ReserveEndpoints.apiList)
            let entries = (all.object["entries"] as? [[String: Any]]) ?? []
            let bands = (all.object["bands"] as? [[String: Any]]) ?? []
            let headline = try #require(bands.first { $0["measure"] as? String == "reserve:100m" })
            #expect(!entries.isEmpty && headline["targetCount"] as? Int == 1000 && headline["targetSource"] as? String == "data")
            let waiting = entries.filter { ["reserve", "attraction", "approval"].contains($0["stage"] as? String ?? "") }
            #expect(all.object["reserveCount"] as? Int == waiting.count, "the count is the list's entries not started")
            #expect(headline["count"] as? Int == waiting.filter { ($0["totalYuan"] as? Int ?? 0) >= 100_000_000 }.count)
            let designations = (all.object["designations"] as? [[String: Any]]) ?? []
            #expect(designations.contains { $0["tag"] as? String == "LEADER" } && designations.contains { $0["tag"] as? String == "LANDMARK" })
            let conversion = (all.object["conversion"] as? [[String: Any]]) ?? []
            #expect(conversion.reduce(0) { $0 + ($1["entered"] as? Int ?? 0) } == entries.count)
            let page = try await client.send(.get, "/reserve?level=city", as: fixture)
            let city = entries.filter { ($0["entry"] as? [String: Any])?["level"] as? String == "city" }
            #expect(page.status == .ok && page.text.contains("data-total=\"\(city.count)\""))
            let book = try await client.send(.get, "/reserve.xlsx?level=city", as: fixture)
            let rows = try SpreadsheetReader.read(Array(book.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(rows[1][0].contains("市级储备库") && rows.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == city.count)
            #expect(try await client.send(.get, "/api/v1/reserve?grade=Z", as: fixture).status == .badRequest)
            // The page's two tables as workbooks, with the page's figures.
            let designationBook = try SpreadsheetReader.read(Array(try await client.send(.get, "/reserve/designations.xlsx", as: fixture).body.readableBytesView)).rows.map { $0.map(\.text) }
            let designationRows = designationBook.dropFirst(3).filter { Int($0.first ?? "") != nil }
            #expect(designationRows.count == designations.count
                    && designationRows.filter { $0.last == "达标" }.count == designations.filter { $0["met"] as? Bool == true }.count)
            let conversionBook = try SpreadsheetReader.read(Array(try await client.send(.get, "/reserve/conversion.xlsx", as: fixture).body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(conversion.allSatisfy { line in conversionBook.contains { $0.first == String(line["year"] as? Int ?? 0) && $0[2] == String(line["started"] as? Int ?? -1) } })

            var query = ProjectQuery()
            query.perPage = 500
            let projects = try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday).projects
            let entered = Set(entries.compactMap { ($0["entry"] as? [String: Any])?["projectId"] as? Int })
            let project = try #require(projects.first { $0.stage == .approval && $0.fields.zoneCode == nil && !entered.contains(Int($0.id)) })
            let started = try #require(projects.first { $0.fields.actualStart != nil && !entered.contains(Int($0.id)) })
            let staff = try await fixture.signedIn(as: "qu-reserve", roles: [.region], unit: OrgUnit(kind: .region, code: project.fields.regionCode))
            let path = "/api/v1/projects/\(project.id)/reserve"
            #expect(try await client.send(.get, path, as: staff).object["entry"] is NSNull)
            let bad = try await client.send(.post, path, as: staff, json: #"{"source":"lottery","grade":"","note":"","version":0}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("请填写谋划情况"))
            expectDocumented(bad, ReserveEndpoints.apiSave)
            #expect(try await fixture.services.reserve.entry(projectId: project.id) == nil, "nothing kept")
            let saved = try await client.send(.post, path, as: staff, json: #"{"source":"research","grade":"B","note":"依托长春光机所成果转化，完成概念方案","enteredOn":"2026-09-01","version":0}"#)
            #expect(saved.status == .ok && (saved.object["entry"] as? [String: Any])?["level"] as? String == "county")
            expectDocumented(saved, ReserveEndpoints.apiSave)
            #expect(try await client.send(.post, path, as: staff, json: #"{"source":"research","grade":"A","note":"x","version":0}"#).status == .conflict)
            #expect(try await client.send(.post, path + "/promote", as: staff, json: #"{"version":1}"#).status == .forbidden, "the centre promotes")
            let promoted = try await client.send(.post, path + "/promote", as: fixture, json: #"{"version":1}"#)
            #expect(promoted.status == .ok && (promoted.object["entry"] as? [String: Any])?["level"] as? String == "city"
                    && (promoted.object["entry"] as? [String: Any])?["promotedOn"] as? String == webToday.iso)
            expectDocumented(promoted, ReserveEndpoints.apiPromote)
            let twice = try await client.send(.post, path + "/promote", as: fixture, json: #"{"version":2}"#)
            #expect(twice.status == .unprocessableContent && twice.text.contains("项目已在市级储备库"))
            let startedEntry = try await client.send(.post, "/api/v1/projects/\(started.id)/reserve", as: fixture, json: #"{"source":"government","grade":"A","note":"补录","version":0}"#)
            #expect(startedEntry.status == .unprocessableContent && startedEntry.text.contains("已开工的项目不再进入储备库"))
            let pageForProject = try await client.send(.get, "/projects/\(project.id)/reserve", as: staff)
            #expect(pageForProject.status == .ok && pageForProject.text.contains("依托长春光机所成果转化") && pageForProject.text.contains("市级储备库"))
        }
    }
}
