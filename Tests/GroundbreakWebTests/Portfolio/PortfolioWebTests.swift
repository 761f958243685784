import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A sponsoring leader's portfolio: every project of the seat, the lights the warnings page gives,
/// 四率 from the lines' own figures, the same for the leader and the centre, nobody else's.
@Suite("Sponsor portfolio on the web", .serialized)
struct PortfolioWebTests {
    @Test("the leader's projects, lights and 四率 agree with the other pages; the centre reads the same; a district or another leader is refused", arguments: allEngines)
    func portfolio(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 300) { fixture, client in
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let bySeat = Dictionary(grouping: projects.compactMap(\.fields.sponsorPositionId), by: { $0 }).mapValues(\.count)
            let (seat, count) = try #require(bySeat.max { ($0.value, $1.key) < ($1.value, $0.key) })
            let leader = try await fixture.signedIn(as: "baobao", roles: [.sponsor], positionId: seat)
            let mine = try await client.send(.get, "/api/v1/portfolio", as: leader)
            #expect(mine.status == .ok)
            expectDocumented(mine, PortfolioEndpoints.apiPortfolio)
            let lines = (mine.object["projects"] as? [[String: Any]]) ?? []
            #expect(lines.count == count)
            let rates = Dictionary(uniqueKeysWithValues: ((mine.object["rates"] as? [[String: Any]]) ?? []).map { ($0["code"] as? String ?? "", $0) })
            #expect(rates.keys.sorted() == ["admission", "completion", "landing", "maturity"])
            #expect((rates["completion"]?["formula"] as? String)?.contains("年度计划投资") == true)
            let planned = lines.filter { $0["plannedYuan"] is Int }
            #expect(rates["completion"]?["whole"] as? Double == Double(planned.reduce(0) { $0 + ($1["plannedYuan"] as? Int ?? 0) }))
            #expect(rates["completion"]?["part"] as? Double == Double(planned.reduce(0) { $0 + ($1["yearDispatchYuan"] as? Int ?? 0) }))

            let warnings = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=500", as: leader)
            let colours = Dictionary(uniqueKeysWithValues: ((warnings.object["projects"] as? [[String: Any]]) ?? []).map { ($0["projectId"] as? Int ?? 0, $0["colour"] as? String ?? "") })
            for line in lines where line["colour"] is String {
                #expect(colours[line["projectId"] as? Int ?? 0] == line["colour"] as? String, "the warnings page's light")
            }

            let centre = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let theirs = try await client.send(.get, "/api/v1/portfolio?seat=\(seat)", as: centre)
            let canonical = { (response: TestResponse) in
                String(decoding: try JSONSerialization.data(withJSONObject: response.object, options: [.sortedKeys]), as: UTF8.self)
            }
            #expect(try canonical(theirs) == canonical(mine), "one portfolio, whoever reads it")
            let other = try #require(bySeat.keys.first { $0 != seat })
            #expect(try await client.send(.get, "/api/v1/portfolio?seat=\(other)", as: leader).status == .forbidden)
            let district = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.send(.get, "/portfolio", as: district).status == .forbidden)
            // A district's 四率 on its targets page, with the same definitions.
            let targets = try await client.send(.get, "/targets?unit=region:220104", as: centre)
            #expect(targets.status == .ok && targets.text.contains("四率（本单位项目，本年截至上月）") && targets.text.contains("已入统项目数 ÷"))
            let bad = try await client.send(.get, "/api/v1/portfolio?seat=abc", as: centre)
            #expect(bad.status == .badRequest)
            expectDocumented(bad, PortfolioEndpoints.apiPortfolio)

            let page = try await client.send(.get, "/portfolio", as: leader)
            #expect(page.status == .ok && page.text.contains("招商落地率") && page.text.contains("data-total=\"\(count)\""))
            let home = try await client.send(.get, "/", as: leader)
            #expect(home.text.contains("href=\"/portfolio\""), "the leader's home page leads to the portfolio")
            // …and says what the portfolio says: the lights counted and the 四率, as the API gives them.
            let colourCounts = Dictionary(grouping: lines.compactMap { $0["colour"] as? String }, by: { $0 }).mapValues(\.count)
            #expect(home.text.contains("包保项目 \(count) 个：红灯 \(colourCounts["red"] ?? 0) 个，黄灯 \(colourCounts["yellow"] ?? 0) 个，绿灯 \(colourCounts["green"] ?? 0) 个"))
            let rateLine = "四率：" + ((mine.object["rates"] as? [[String: Any]]) ?? []).map { rate in
                "\(rate["name"] as? String ?? "") \((rate["percent"] as? Double).map { Decimals.percent($0) } ?? "—")"
            }.joined(separator: "，")
            #expect(home.text.contains(rateLine), "\(rateLine)")
            let workbook = try await client.send(.get, "/portfolio.xlsx", as: leader)
            #expect(workbook.status == .ok && workbook.headers[.contentType] == Download.xlsxType)
        }
    }

    @Test("a leader records site visits, coordination meetings and instructions on the seat's projects; the page, API and 包保专报 count them; another seat, another leader's project, a day to come, no text or no kind are refused in Chinese and keep nothing", arguments: allEngines)
    func activities(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let bySeat = Dictionary(grouping: projects.filter { $0.fields.sponsorPositionId != nil }, by: { $0.fields.sponsorPositionId! })
            let (seat, own) = try #require(bySeat.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
            let other = try #require(projects.first { $0.fields.sponsorPositionId != seat })
            let otherSeat = try #require(bySeat.keys.first { $0 != seat })
            let leader = try await fixture.signedIn(as: "baobao", roles: [.sponsor], positionId: seat)
            func record(_ project: Int64, _ kind: String, on: Day = webToday, summary: String = "现场查看主体施工，协调解决施工用电", seat: Int64 = seat) async throws -> TestResponse {
                try await client.send(.post, "/api/v1/portfolio/activities", as: leader,
                                      json: #"{"seat":\#(seat),"projectId":\#(project),"kind":"\#(kind)","on":"\#(on.iso)","summary":"\#(summary)"}"#)
            }
            let visit = try await record(own[0].id, "siteVisit")
            #expect(visit.status == .created && visit.object["projectName"] as? String == own[0].fields.name && visit.object["recordedBy"] as? String != nil)
            expectDocumented(visit, PortfolioEndpoints.apiActivityCreate)
            #expect(try await record(own[0].id, "coordination", on: webToday.adding(days: -30)).status == .created)
            #expect(try await record(own.last!.id, "instruction", on: Day(year: 2026, month: 9, day: 30)!, summary: "请市自然资源局加快用地报批").status == .created,
                    "last quarter's instruction is this year's, not this quarter's")

            let notMine = try await record(other.id, "siteVisit")
            #expect(notMine.status == .unprocessableContent && notMine.text.contains("不是该领导包保的项目"))
            expectDocumented(notMine, PortfolioEndpoints.apiActivityCreate)
            #expect(try await record(own[0].id, "siteVisit", on: webToday.adding(days: 1)).text.contains("日期"))
            #expect(try await record(own[0].id, "siteVisit", summary: "  ").status == .unprocessableContent)
            #expect(try await record(own[0].id, "visit").status == .unprocessableContent)
            #expect(try await record(own[0].id, "siteVisit", seat: otherSeat).status == .forbidden, "another leader's seat")

            let portfolio = try await client.send(.get, "/api/v1/portfolio", as: leader)
            #expect(((portfolio.object["activities"] as? [[String: Any]]) ?? []).map { $0["kind"] as? String ?? "" } == ["siteVisit", "coordination", "instruction"],
                    "latest first; the refused ones kept nothing")
            let counts = (portfolio.object["quarterActivities"] as? [String: Any]) ?? [:]
            #expect(counts["quarter"] as? String == "2026年第4季度" && counts["siteVisits"] as? Int == 1 && counts["coordinations"] as? Int == 1
                    && counts["instructions"] as? Int == 0 && counts["projects"] as? Int == 1)
            let page = try await client.send(.get, "/portfolio", as: leader)
            #expect(page.text.contains("2026年第4季度现场办公1次、召开现场协调会1次、作出批示0件，涉及1个项目") && page.text.contains("请市自然资源局加快用地报批"))

            // The page's form: refused whole and shown again with the reason; then kept, back to the page.
            let empty = try await client.send(.post, "/portfolio/activities", as: leader,
                                              form: [("seat", String(seat)), ("projectId", String(own[0].id)), ("kind", "siteVisit"), ("on", webToday.iso), ("summary", "")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("请填写内容"))
            let kept = try await client.send(.post, "/portfolio/activities", as: leader,
                                             form: [("seat", String(seat)), ("projectId", String(own[0].id)), ("kind", "siteVisit"), ("on", webToday.iso),
                                                    ("summary", "调研项目投产准备")])
            #expect(kept.status == .seeOther && (kept.headers[.location] ?? "").contains("notice=recorded"))

            let report = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"sponsor","month":"2026-11","seat":\#(seat)}"#)
            #expect(report.status == .created && report.text.contains("本季度现场办公2次、召开现场协调会1次、作出批示0件，涉及1个项目。"))
            let all = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"sponsor","month":"2026-11"}"#)
            #expect(all.text.contains("现场办公/协调会/批示") && all.text.contains("2/1/0"))
        }
    }

    @Test("with no sponsoring leader yet, the centre is told so rather than shown an empty portfolio", arguments: [DatabaseEngine.sqlite])
    func noLeaders(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let page = try await client.send(.get, "/portfolio", as: fixture)
            #expect(page.status == .ok && page.text.contains("您的账号没有包保领导岗位"))
            #expect(try await client.send(.get, "/api/v1/portfolio", as: fixture).status == .forbidden)
        }
    }
}
