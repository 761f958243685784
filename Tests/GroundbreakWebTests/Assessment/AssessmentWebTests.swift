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

/// The cross-unit table: its figures are the targets page's and the lights', the same whoever
/// reads it, frozen when the month closes, exported and refused in Chinese.
@Suite("Assessment table on the web", .serialized)
struct AssessmentWebTests {
    static func rows(_ response: TestResponse) -> [[String: Any]] { (response.object["rows"] as? [[String: Any]]) ?? [] }
    static func row(_ response: TestResponse, _ unit: String) -> [String: Any]? { rows(response).first { $0["unit"] as? String == unit } }
    static func figures(_ row: [String: Any]?) -> [String: Any] { (row?["figures"] as? [String: Any]) ?? [:] }

    @Test("every compared unit is ranked; a unit's investment is its targets-page reading and its red count the lights'; a district reads the centre's table", arguments: allEngines)
    func agrees(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 300) { fixture, client in
            let table = try await client.send(.get, "/api/v1/assessment", as: fixture)
            #expect(table.status == .ok)
            expectDocumented(table, AssessmentEndpoints.apiAssessment)
            #expect(table.object["month"] as? String == "2026-10", "the reporting month by default")
            let units = AssessmentCalculator.comparedUnits(.regions, fixture.services.catalog(), on: webToday).map(\.text)
            #expect(Self.rows(table).map { $0["unit"] as? String ?? "" }.sorted() == units.sorted())
            let ranks = Self.rows(table).map { $0["rank"] as? Int ?? 0 }
            #expect(ranks.first == 1 && ranks == ranks.sorted())

            for unit in ["region:220104", "region:220105"] {
                let targets = try await client.send(.get, "/api/v1/targets?unit=\(unit)&month=2026-10", as: fixture)
                let reading = ((targets.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
                let figures = Self.figures(Self.row(table, unit))
                #expect(Double(figures["investmentYuan"] as? Int ?? -1) == reading?["actual"] as? Double)
                #expect(figures["completionPercent"] as? Double == reading?["completionPercent"] as? Double)
                #expect(figures["gapPoints"] as? Double == reading?["gapPoints"] as? Double)
                #expect(figures["timeProgressPercent"] as? Double == reading?["timeProgress"] as? Double)
            }
            let lights = try await client.send(.get, "/api/v1/warnings", as: fixture)
            let regions = (lights.object["regions"] as? [[String: Any]]) ?? []
            for region in regions where units.contains("region:\(region["regionCode"] as? String ?? "")") {
                let code = region["regionCode"] as? String ?? ""
                #expect(Self.figures(Self.row(table, "region:\(code)"))["red"] as? Int == region["red"] as? Int, "red projects in \(code)")
            }

            let district = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let theirs = try await client.send(.get, "/api/v1/assessment", as: district)
            let canonical = { (response: TestResponse) in
                String(decoding: try JSONSerialization.data(withJSONObject: Self.rows(response), options: [.sortedKeys]), as: UTF8.self)
            }
            #expect(try canonical(theirs) == canonical(table), "one table, whoever reads it")
            let secretary = try await fixture.signedIn(as: "mishu", roles: [.secretary])
            #expect(try await client.send(.get, "/api/v1/assessment", as: secretary).status == .forbidden)

            let page = try await client.send(.get, "/assessment", as: district)
            #expect(page.status == .ok)
            let sentence = try #require(table.object["sentence"] as? String)
            #expect(sentence.contains("位列全市第一") && page.text.contains(sentence.replacingOccurrences(of: "%", with: "%")))
            #expect(units.allSatisfy { page.text.contains("data-unit=\"\($0)\"") })
            #expect(page.text.contains("筛选条件：2026年10月（本年累计）"))
        }
    }

    @Test("closing the month freezes its table: a later change leaves it, re-opening thaws it; a month not begun is refused in Chinese", arguments: allEngines)
    func freezes(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let live = try await client.send(.get, "/api/v1/assessment?month=2026-10", as: fixture)
            #expect(live.status == .ok && live.object["frozen"] is NSNull)
            #expect(try await client.send(.post, "/api/v1/reports/close", as: fixture, json: #"{"month":"2026-10"}"#).status == .ok)
            let frozen = try await client.send(.get, "/api/v1/assessment?month=2026-10", as: fixture)
            expectDocumented(frozen, AssessmentEndpoints.apiAssessment)
            #expect((frozen.object["frozen"] as? [String: Any])?["by"] as? String == "项目中心张三")
            let before = try #require(Self.figures(Self.row(frozen, "region:220104"))["completionPercent"] as? Double)

            let doubled = try #require(Self.figures(Self.row(frozen, "region:220104"))["targetYuan"] as? Int) * 2
            let set = try await client.send(.post, "/api/v1/targets", as: fixture,
                                            json: #"{"unit":"region:220104","year":2026,"indicator":"FAI_TOTAL","value":\#(doubled),"curve":"northern"}"#)
            #expect(set.status == .ok)
            let after = try await client.send(.get, "/api/v1/assessment?month=2026-10", as: fixture)
            #expect(Self.figures(Self.row(after, "region:220104"))["completionPercent"] as? Double == before, "the frozen table does not move")
            #expect(try await client.send(.get, "/assessment?month=2026-10", as: fixture).text.contains("本月已关账"))

            #expect(try await client.send(.post, "/api/v1/reports/reopen", as: fixture, json: #"{"month":"2026-10","reason":"更正目标"}"#).status == .ok)
            let thawed = try await client.send(.get, "/api/v1/assessment?month=2026-10", as: fixture)
            #expect(thawed.object["frozen"] is NSNull)
            let now = try #require(Self.figures(Self.row(thawed, "region:220104"))["completionPercent"] as? Double)
            #expect(abs(now - before / 2) < 1e-6, "computed again against the new target")

            let future = try await client.send(.get, "/api/v1/assessment?month=2026-12", as: fixture)
            #expect(future.status == .badRequest && future.text.contains("2026年12月 尚未开始"))
            expectDocumented(future, AssessmentEndpoints.apiAssessment)
            #expect(try await client.send(.get, "/api/v1/assessment?month=2026-13", as: fixture).status == .badRequest)
            #expect(try await client.send(.get, "/assessment?month=x", as: fixture).status == .badRequest)
        }
    }

    @Test("the workbook names the month, ranks as the API does and ends with the sentence", arguments: [DatabaseEngine.sqlite])
    func workbook(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let table = try await client.send(.get, "/api/v1/assessment?month=2026-09", as: fixture)
            let response = try await client.send(.get, "/assessment.xlsx?month=2026-09", as: fixture)
            #expect(response.status == .ok)
            let sheet = try SpreadsheetReader.read(Array(response.body.readableBytesView))
            let rows = sheet.rows.map { $0.map(\.text) }
            #expect(rows[0][0] == "考核排名" && rows[1][0].hasPrefix("筛选条件：2026年9月（本年累计），县（市）区、开发区"))
            #expect(rows[2].prefix(4) == ["排名", "单位", "较上月", "综合得分"])
            let lines = rows.dropFirst(3).filter { Int($0.first ?? "") != nil }
            #expect(lines.map { $0[1] } == Self.rows(table).map { $0["name"] as? String ?? "" })
            #expect(lines.map { $0[3] } == Self.rows(table).map { AssessmentText.number($0["score"] as? Double ?? -1) })
            #expect(rows.last?.first?.hasSuffix(table.object["sentence"] as? String ?? "—") == true)
            #expect(Self.rows(table).contains { $0["rankChange"] is Int }, "September has August to compare with")
            #expect(Self.rows(table).allSatisfy { Self.figures($0)["red"] is NSNull }, "lights are not kept by month, so not given for September")
        }
    }

    @Test("市直部门 and a task force's groups are ranked on tables of their own: a department's investment is its targets-page reading, a group's completion and red count its page's; the close freezes every set", arguments: allEngines)
    func otherSets(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 300) { fixture, client in
            let departments = try await client.send(.get, "/api/v1/assessment?set=departments", as: fixture)
            #expect(departments.status == .ok)
            expectDocumented(departments, AssessmentEndpoints.apiAssessment)
            #expect(departments.object["unitSet"] as? String == "departments")
            let units = Self.rows(departments).map { $0["unit"] as? String ?? "" }
            #expect(!units.isEmpty && units.allSatisfy { $0.hasPrefix("department:") })
            for unit in units.prefix(3) {
                let targets = try await client.send(.get, "/api/v1/targets?unit=\(unit)&month=2026-10", as: fixture)
                let reading = ((targets.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
                #expect(Double(Self.figures(Self.row(departments, unit))["investmentYuan"] as? Int ?? -1) == reading?["actual"] as? Double, "\(unit)")
            }
            let page = try await client.send(.get, "/assessment?set=departments", as: fixture)
            #expect(page.status == .ok && page.text.contains("市直部门第一") && page.text.contains("筛选条件：2026年10月（本年累计），市直部门"))
            #expect(page.text.contains("name=\"set\" value=\"departments\""), "the month form keeps the set")
            for bad in ["groups:1", "everything"] {
                let refused = try await client.send(.get, "/api/v1/assessment?set=\(bad)", as: fixture)
                #expect(refused.status == .badRequest && refused.text.contains("排名范围"))
            }

            let forces = (try await client.send(.get, "/api/v1/task-forces", as: fixture).json as? [[String: Any]]) ?? []
            let luyuan = try #require(forces.first { $0["shape"] as? String == "7+3" })
            let id = luyuan["id"] as? Int ?? 0
            let groups = try await client.send(.get, "/api/v1/task-forces/\(id)/ranking", as: fixture)
            #expect(groups.status == .ok)
            expectDocumented(groups, AssessmentEndpoints.apiTaskForceRanking)
            #expect(groups.object["unitSet"] as? String == "groups:\(id)")
            let rows = Self.rows(groups)
            #expect(!rows.isEmpty && rows.count <= 10 && rows.allSatisfy { ($0["unit"] as? String ?? "").hasPrefix("group:") })
            for row in rows {
                let groupId = (row["unit"] as? String ?? "").dropFirst("group:".count)
                let group = try await client.send(.get, "/api/v1/working-groups/\(groupId)", as: fixture)
                let figures = (group.object["figures"] as? [String: Any]) ?? [:]
                #expect(Self.figures(row)["completionPercent"] as? Double == figures["completionPercent"] as? Double, "\(row["name"] ?? "")")
                #expect(Self.figures(row)["red"] as? Int == figures["red"] as? Int && Self.figures(row)["targetIsPlans"] as? Bool == true)
            }
            let ranking = try await client.send(.get, "/taskforces/\(id)/ranking", as: fixture)
            let title = "\(luyuan["name"] as? String ?? "")工作组考核排名"
            #expect(ranking.status == .ok && ranking.text.contains(title) && ranking.text.contains("位列各工作组第一"))
            #expect(try await client.send(.get, "/taskforces/\(id)", as: fixture).text.contains("/taskforces/\(id)/ranking"), "the task force links to it")
            let workbook = try await client.send(.get, "/taskforces/\(id)/ranking.xlsx?month=2026-10", as: fixture)
            let sheet = try SpreadsheetReader.read(Array(workbook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(sheet[0][0] == title && sheet[1][0].contains("各工作组") && sheet[2].contains("年度计划投资（万元）"))
            #expect(try await client.send(.get, "/api/v1/task-forces/999999/ranking", as: fixture).status == .notFound)

            #expect(try await client.send(.post, "/api/v1/reports/close", as: fixture, json: #"{"month":"2026-10"}"#).status == .ok)
            for path in ["/api/v1/assessment?month=2026-10", "/api/v1/assessment?month=2026-10&set=departments", "/api/v1/task-forces/\(id)/ranking?month=2026-10"] {
                let frozen = try await client.send(.get, path, as: fixture)
                #expect(frozen.object["frozen"] is [String: Any], "\(path) frozen with the month")
            }
            let frozenGroups = try await client.send(.get, "/api/v1/task-forces/\(id)/ranking?month=2026-10", as: fixture)
            #expect(Self.rows(frozenGroups).map { $0["score"] as? Double ?? -1 } == rows.map { $0["score"] as? Double ?? -2 })
        }
    }
}
