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

/// The lights on the demo city: every live project has one, each red or yellow says why, the page,
/// the API and the workbook agree, and a project's 序时进度 gap is what its own plan and reports say.
@Suite("Red, yellow and green", .serialized)
struct WarningsWebTests {
    struct Counts: Sendable, Equatable {
        var red: Int, yellow: Int, green: Int
    }

    @Test("counts, reasons, filters and the workbook agree; the gap behind 序时进度 is the project's own", arguments: allEngines)
    func lights(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let api = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=500", as: fixture)
            #expect(api.status == .ok)
            let counts = Counts(red: api.object["red"] as? Int ?? -1, yellow: api.object["yellow"] as? Int ?? -1, green: api.object["green"] as? Int ?? -1)
            let live = try await fixture.services.projects.projects(inStages: WarningPages.liveStages, scope: .everything)
            #expect(counts.red + counts.yellow + counts.green == live.count && counts.red > 0 && counts.yellow > 0 && counts.green > 0, "\(counts)")
            let rows = api.object["projects"] as? [[String: Any]] ?? []
            #expect(rows.count == live.count)
            #expect(rows.allSatisfy { ($0["colour"] as? String == "green") == (($0["reasons"] as? [Any])?.isEmpty ?? false) }, "a light says why, green says none")
            let rank = ["red": 2, "yellow": 1, "green": 0]
            let investment = Dictionary(uniqueKeysWithValues: live.map { ($0.id, $0.fields.totalInvestment.yuan) })
            let order = rows.map { row -> (Int, Int64, Int64) in
                let id = Int64(row["projectId"] as? Int ?? 0)
                return (rank[row["colour"] as? String ?? ""] ?? -1, investment[id] ?? -1, -id)
            }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 >= $1 }, "reddest first, then the largest investment, then the oldest project")

            // The default list is red and yellow; the page's count and the workbook's agree with the API.
            let page = try await client.send(.get, "/warnings", as: fixture)
            #expect(page.status == .ok && page.text.contains("data-total=\"\(counts.red + counts.yellow)\""))
            let workbook = try await client.send(.get, "/warnings.xlsx?region=220104", as: fixture)
            let sheet = try SpreadsheetReader.read(Array(workbook.body.readableBytesView))
            let chaoyang = rows.filter { $0["regionCode"] as? String == "220104" && $0["colour"] as? String != "green" }.count
            #expect(sheet.rows.last?.first?.text == "共 \(chaoyang) 个项目" && sheet[1, 0].text.hasPrefix("筛选条件：红、黄灯，朝阳区"))
            #expect(try await client.send(.get, "/api/v1/warnings?colour=purple", as: fixture).status == .badRequest)

            // The API answers a page at a time; the counts stay over the whole set.
            #expect(api.object["listedCount"] as? Int == live.count && rows.count == live.count)
            let first = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=7", as: fixture)
            let second = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=7&page=2", as: fixture)
            let paged = (first.object["projects"] as? [[String: Any]] ?? []) + (second.object["projects"] as? [[String: Any]] ?? [])
            #expect(paged.map { $0["projectId"] as? Int } == rows.prefix(14).map { $0["projectId"] as? Int })
            #expect(second.object["red"] as? Int == counts.red && second.object["listedCount"] as? Int == live.count && second.object["page"] as? Int == 2)
            let defaultPage = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green", as: fixture)
            #expect((defaultPage.object["projects"] as? [Any])?.count == min(live.count, WarningPages.perPage) && defaultPage.object["perPage"] as? Int == 100)
            let beyond = try await client.send(.get, "/api/v1/warnings?page=100000", as: fixture)
            #expect(beyond.status == .ok && (beyond.object["projects"] as? [Any])?.isEmpty == true)
            for bad in ["perPage=0", "perPage=501", "page=0", "page=x"] {
                let refused = try await client.send(.get, "/api/v1/warnings?\(bad)", as: fixture)
                #expect(refused.status == .badRequest && refused.text.contains(bad.hasPrefix("page") ? "page" : "perPage"), "\(bad)")
            }

            // A 序时进度 gap in words is the project's own plan, reports and the rule set's curve.
            let rules = try WarningRepository.shippedRules()
            let behind = try #require(rows.first { ($0["reasons"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "R2" } })
            let id = Int64(try #require(behind["projectId"] as? Int))
            let plan = try #require(try await AnnualPlanRepository(database: fixture.services.database).plans(projectId: id).first { $0.year == 2026 })
            let reports = try await fixture.services.reports.reports(projectId: id)
            let done = Double(ReportTotals(reports, through: Month(year: 2026, month: 10)!).yearDispatch.yuan) / Double(plan.plannedInvestment.yuan) * 100
            let started = try #require(try await fixture.services.projects.project(id: id)?.fields.actualStart)
            let gap = fixture.services.indicators.projectTimeProgress(rules.curve, through: Month(year: 2026, month: 10)!, started: Month(started)) * 100 - done
            let text = (behind["reasons"] as? [[String: Any]] ?? []).first { $0["rule"] as? String == "R2" }?["text"] as? String
            #expect(text?.hasPrefix(String(format: "落后序时进度 %.1f 个百分点", gap)) == true, "\(text ?? "") vs \(gap)")

            let explanation = try #require(behind["explanation"] as? String)
            #expect(try await client.send(.get, "/projects/\(id)", as: fixture).text.contains(explanation), "the project page says the same")

            // A region user sees the lights of its own projects only.
            let chaoyangUser = try await fixture.signedIn(as: "cy-region", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let own = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=500", as: chaoyangUser)
            let ownRows = own.object["projects"] as? [[String: Any]] ?? []
            #expect(!ownRows.isEmpty && ownRows.allSatisfy { $0["regionCode"] as? String == "220104" })

            // The page lists the API's page of lights for each reader: its list is rendered once
            // per reach, day, filter and page, and the frame (the reader's name) per request.
            for (reader, query) in [(fixture, ""), (fixture, "colour=red,yellow,green"), (chaoyangUser, "colour=red,yellow,green"), (fixture, "colour=red,yellow,green&perPage=7&page=2"),
                                    (chaoyangUser, "colour=red,yellow,green&perPage=1&page=\(ownRows.count)"), (fixture, "perPage=5&page=2"), (fixture, "region=220104&colour=red,yellow,green")] {
                let page = try await client.send(.get, "/warnings?\(query)", as: reader)
                let api = try await client.send(.get, "/api/v1/warnings?\(query)", as: reader)
                #expect(page.status == .ok && api.status == .ok)
                let listed = (api.object["projects"] as? [[String: Any]] ?? []).compactMap { $0["projectId"] as? Int }
                #expect(Self.listedIds(page.text) == listed && !listed.isEmpty, "\(query)")
                #expect(page.text.contains("data-total=\"\(api.object["listedCount"] as? Int ?? -1)\""), "\(query)")
                let (name, other) = reader.userId == chaoyangUser.userId ? ("cy-region", "项目中心张三") : ("项目中心张三", "cy-region")
                #expect(page.text.contains(name) && !page.text.contains(other), "each reader's own frame")
            }
            let pagerPage = try await client.send(.get, "/warnings?colour=red,yellow,green&perPage=7", as: fixture).text
            #expect(pagerPage.contains(#"href="/warnings?colour=green%2Cyellow%2Cred&amp;page=2&amp;perPage=7""#), "the pager keeps the filter and the page size")
            #expect(try await client.send(.get, "/warnings?page=0", as: fixture).status == .badRequest)
        }
    }

    /// The projects a lights page lists, in its order.
    static func listedIds(_ html: String) -> [Int] {
        html.matches(of: #/<td class="name"><a href="/projects/(\d+)">/#).compactMap { Int($0.output.1) }
    }
}

@Suite("Warning rules edited", .serialized)
struct WarningRuleEditTests {
    @Test("the centre saves new thresholds as version 2 (audited); a stale version, a region user and a bad threshold change nothing; the lights follow the new version", arguments: allEngines)
    func edit(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 120) { fixture, client in
            let before = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=500", as: fixture)
            #expect(before.object["ruleVersion"] as? Int == 1)
            let slipping = (before.object["projects"] as? [[String: Any]] ?? []).filter { ($0["reasons"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "R1" } }.count
            #expect(slipping > 0)

            let region = try await fixture.signedIn(as: "cy-region", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let body = #"{"version":1,"reason":"开工维度按季度考核","rules":[{"code":"R1","redAt":9999}]}"#
            #expect(try await client.send(.post, "/api/v1/warnings/rules", as: region, json: body).status == .forbidden)
            let bad = try await client.send(.post, "/api/v1/warnings/rules", as: fixture, json: #"{"version":1,"reason":"x","rules":[{"code":"R1","yellowAt":50,"redAt":10}]}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("黄灯阈值应小于红灯阈值"))
            let saved = try await client.send(.post, "/api/v1/warnings/rules", as: fixture, json: body)
            #expect(saved.status == .created && saved.object["version"] as? Int == 2)
            #expect(try await client.send(.post, "/api/v1/warnings/rules", as: fixture, json: body).status == .conflict, "version 1 is no longer in force")
            #expect(try await fixture.services.audit.entries(entity: "warning_rules", entityId: "2").first?.reason == "开工维度按季度考核")

            let after = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=500", as: fixture)
            #expect(after.object["ruleVersion"] as? Int == 2)
            let stillSlipping = (after.object["projects"] as? [[String: Any]] ?? []).filter { ($0["reasons"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "R1" } }.count
            #expect(stillSlipping == 0, "R1 now lights only after 9999 days")
            let page = try await client.send(.get, "/warnings/rules", as: fixture)
            #expect(page.text.contains("现行规则：第2版") && page.text.contains("开工维度按季度考核"))
            let form = try await client.send(.post, "/warnings/rules", as: fixture, form: [("version", "2"), ("reason", ""), ("yellow_R1", "1"), ("red_R1", "90")])
            #expect(form.status == .unprocessableContent && form.text.contains("调整理由"), "the page keeps what was typed and says why")
        }
    }
}
