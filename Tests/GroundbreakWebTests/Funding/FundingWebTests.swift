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

/// Upper-level funding on the web: the demo's two years agreeing on every screen, an application
/// kept and followed to its money by the district, refusals that keep nothing, and who sees it.
@Suite("Upper-level funding on the web", .serialized)
struct FundingWebTests {
    /// The two regions with most demo projects, and a project of each.
    static func places(_ fixture: WebFixture) async throws -> [(region: String, project: Int64, name: String)] {
        var query = ProjectQuery()
        query.perPage = 500
        let projects = try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday).projects.filter { $0.fields.zoneCode == nil }
        let regions = Dictionary(grouping: projects, by: \.fields.regionCode).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(2)
        return regions.map { region, projects in
            let first = projects.min { $0.id < $1.id }!
            return (region, first.id, first.fields.name)
        }
    }

    @Test("the demo city has two years of applications across the channels; the figures page, the API and the xlsx give the same numbers, channels and units add up to the total", arguments: allEngines)
    func demo(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let list = try await client.send(.get, "/api/v1/funding/applications", as: fixture)
            #expect(list.status == .ok)
            expectDocumented(list, FundingEndpoints.apiList)
            let applications = (list.json as? [[String: Any]]) ?? []
            #expect(applications.count > 40, "\(applications.count) applications")
            #expect(Set(applications.map { $0["channel"] as? String ?? "" }).count >= 6, "most channels")
            #expect(Set(applications.map { ($0["createdOn"] as? String ?? "").prefix(4) }) == ["2025", "2026"], "last year and this")
            #expect(Set(applications.map { $0["state"] as? String ?? "" }).isSuperset(of: ["rejected", "spending"]))

            let api = try await client.send(.get, "/api/v1/funding/figures?through=2026-11-23", as: fixture)
            #expect(api.status == .ok)
            expectDocumented(api, FundingEndpoints.apiFigures)
            let total = try #require(api.object["total"] as? [String: Any])
            let channels = (api.object["channels"] as? [[String: Any]]) ?? []
            let units = (api.object["units"] as? [[String: Any]]) ?? []
            let issued = { (line: [String: Any], period: String) in ((line[period] as? [String: Any])?["issuedYuan"] as? Int) ?? -1 }
            #expect(issued(total, "thisYear") > 0 && issued(total, "lastYearToDate") > 0)
            #expect(channels.reduce(0) { $0 + issued($1, "thisYear") } == issued(total, "thisYear"), "channels add up to the total")
            #expect(units.reduce(0) { $0 + issued($1, "thisYear") } == issued(total, "thisYear"), "units add up to the total")
            let asked = applications.filter { ($0["submittedOn"] as? String ?? "").hasPrefix("2026") }.reduce(0) { $0 + ($1["askedYuan"] as? Int ?? 0) }
            #expect((total["thisYear"] as? [String: Any])?["askedYuan"] as? Int == asked, "申报 this year is the list's submissions this year")
            let bonds = try #require(channels.first { $0["key"] as? String == "specialBond" })
            let share = try #require(bonds["provinceShare"] as? [String: Any], "the demo enters the province's bonds")
            let bondProjects = (bonds["thisYear"] as? [String: Any])?["issuedProjects"] as? Int ?? 0
            #expect(abs((share["projectsPercent"] as? Double ?? 0) - Double(bondProjects) / Double(share["provinceProjects"] as? Int ?? 1) * 100) < 1e-9)
            let sentence = try #require(bonds["sentence"] as? String)
            #expect(sentence.hasPrefix("全市共发行地方政府专项债券项目\(bondProjects)个，占全省比重") && sentence.contains("较上年同期"))

            let page = try await client.send(.get, "/funding/figures?through=2026-11-23", as: fixture)
            #expect(page.status == .ok && page.text.contains(sentence) && page.text.contains("data-line=\"specialBond\""))
            #expect(page.text.contains(Format.wan(Money(yuan: Int64(issued(total, "thisYear"))))), "the page shows the total issued")
            let workbook = try await client.send(.get, "/funding/figures.xlsx?through=2026-11-23", as: fixture)
            let sheet = try SpreadsheetReader.read(Array(workbook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(sheet[0][0] == "向上争取资金情况" && sheet[1][0].contains("截至2026-11-23"))
            let bondRow = try #require(sheet.first { $0.count > 7 && $0[1] == "地方政府专项债券" })
            #expect(Double(bondRow[7]).map { abs($0 - Double(issued(bonds, "thisYear")) / 10_000) < 0.005 } == true, "the xlsx issued is the API's: \(bondRow[7])")
            #expect(bondRow.last == sentence, "the xlsx sentence is the API's")
            #expect(try await client.send(.get, "/api/v1/funding/figures?through=2026-11-24", as: fixture).status == .badRequest, "no figures for tomorrow")

            let late = (api.object["lateSpending"] as? [[String: Any]]) ?? []
            #expect(late.allSatisfy { ($0["unspentYuan"] as? Int ?? 0) > 0 && ($0["daysLate"] as? Int ?? 0) >= 0 })
            let listPage = try await client.send(.get, "/funding?channel=specialBond&year=2026", as: fixture)
            let bondsThisYear = applications.filter { $0["channel"] as? String == "specialBond" && ($0["createdOn"] as? String ?? "").hasPrefix("2026") }
            #expect(listPage.status == .ok && listPage.text.contains("data-total=\"\(bondsThisYear.count)\""))
            let listBook = try await client.send(.get, "/funding.xlsx?channel=specialBond&year=2026", as: fixture)
            let rows = try SpreadsheetReader.read(Array(listBook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(rows[1][0].contains("地方政府专项债券") && rows[1][0].contains("2026年录入"))
            #expect(rows.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == bondsThisYear.count)
            #expect(try await client.send(.get, "/api/v1/funding/applications?state=won", as: fixture).status == .badRequest)

            // An application of the city itself has a line of its own: the units still add up to the total.
            let projectId = try #require(applications.first?["projects"] as? [[String: Any]]).first?["projectId"] as? Int ?? 0
            let city = try await client.send(.post, "/api/v1/funding/applications", as: fixture,
                                             json: #"{"title":"市本级申报","channel":"dualUse","unit":"region:220100","createdOn":"2026-11-01","projects":[{"projectId":\#(projectId),"askedYuan":100000000}]}"#)
            let cityId = try #require(city.object["id"] as? Int, "\(city.text.prefix(300))")
            for (version, kind, amount) in [(1, "submitted", "null"), (2, "selected", "50000000"), (3, "issued", "50000000")] {
                let response = try await client.send(.post, "/api/v1/funding/applications/\(cityId)/events", as: fixture,
                                                     json: #"{"version":\#(version),"kind":"\#(kind)","on":"2026-11-20","amountYuan":\#(amount)}"#)
                #expect(response.status == .ok, "\(response.text.prefix(300))")
            }
            let again = try await client.send(.get, "/api/v1/funding/figures?through=2026-11-23", as: fixture)
            let againTotal = try #require(again.object["total"] as? [String: Any])
            let againUnits = (again.object["units"] as? [[String: Any]]) ?? []
            #expect(issued(againTotal, "thisYear") == issued(total, "thisYear") + 50_000_000)
            #expect(againUnits.reduce(0) { $0 + issued($1, "thisYear") } == issued(againTotal, "thisYear") && againUnits.last?["key"] as? String == "other")
        }
    }

    @Test("a district keeps an application for its projects and follows it to its money under its version; bad input is refused in Chinese and keeps nothing; who sees it", arguments: allEngines)
    func working(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 30) { fixture, client in
            let places = try await Self.places(fixture)
            try #require(places.count == 2)
            let (home, other) = (places[0], places[1])
            let staff = try await fixture.signedIn(as: "fagai-qu", roles: [.region], unit: OrgUnit(kind: .region, code: home.region))
            let before = try await fixture.services.funding.applications(reach: FundingReach(everyUnit: true)).count
            let body = { (unit: String, channel: String, project: Int64, asked: Int64) in
                #"{"title":"城市地下管网改造中央预算内投资申报","channel":"\#(channel)","programme":"城市地下管网及设施","unit":"region:\#(unit)","handlerName":"李科长","createdOn":"2026-11-01","projects":[{"projectId":\#(project),"askedYuan":\#(asked)}]}"#
            }
            let outside = try await client.send(.post, "/api/v1/funding/applications", as: staff, json: body(other.region, "centralBudget", home.project, 50_000_000))
            #expect(outside.status == .unprocessableContent && outside.text.contains("只能为本单位"))
            let hidden = try await client.send(.post, "/api/v1/funding/applications", as: staff, json: body(home.region, "centralBudget", other.project, 50_000_000))
            #expect(hidden.status == .unprocessableContent && hidden.text.contains("申报项目"), "another district's project is not the caller's to package")
            let bad = try await client.send(.post, "/api/v1/funding/applications", as: staff, json: body(home.region, "lottery", home.project, 0))
            #expect(bad.status == .unprocessableContent && bad.text.contains("申报渠道") && bad.text.contains("申请金额"))
            expectDocumented(bad, FundingEndpoints.apiCreate)
            #expect(try await fixture.services.funding.applications(reach: FundingReach(everyUnit: true)).count == before, "nothing kept")

            let made = try await client.send(.post, "/api/v1/funding/applications", as: staff, json: body(home.region, "centralBudget", home.project, 50_000_000))
            #expect(made.status == .created && made.object["state"] as? String == "planning" && made.object["askedYuan"] as? Int == 50_000_000)
            expectDocumented(made, FundingEndpoints.apiCreate)
            let id = try #require(made.object["id"] as? Int)
            let path = "/api/v1/funding/applications/\(id)"
            let event = { (version: Int, kind: String, on: String, amount: Int?) in
                #"{"version":\#(version),"kind":"\#(kind)","on":"\#(on)","amountYuan":\#(amount.map(String.init) ?? "null"),"note":"按通知办理"}"#
            }
            let early = try await client.send(.post, path + "/events", as: staff, json: event(1, "issued", "2026-11-20", 1_000))
            #expect(early.status == .unprocessableContent && early.text.contains("不能登记“下达”"))
            #expect(try await client.send(.post, path + "/events", as: staff, json: event(1, "submitted", "2026-11-20", nil)).status == .ok)
            let stale = try await client.send(.post, path + "/events", as: staff, json: event(1, "selected", "2026-11-21", 40_000_000))
            #expect(stale.status == .conflict)
            let over = try await client.send(.post, path + "/events", as: staff, json: event(2, "selected", "2026-11-21", 60_000_000))
            #expect(over.status == .unprocessableContent && over.text.contains("入选金额累计不能超过申请金额5000.00万元"))
            for (version, kind, on, amount) in [(2, "selected", "2026-11-21", Optional(40_000_000)), (3, "issued", "2026-11-22", Optional(40_000_000)),
                                                (4, "arrived", "2026-11-22", Optional(30_000_000)), (5, "spent", "2026-11-23", Optional(10_000_000))] {
                let response = try await client.send(.post, path + "/events", as: staff, json: event(version, kind, on, amount))
                #expect(response.status == .ok, "\(kind): \(response.text.prefix(300))")
                expectDocumented(response, FundingEndpoints.apiRecord)
            }
            let overspent = try await client.send(.post, path + "/events", as: staff, json: event(6, "spent", "2026-11-23", 20_000_001))
            #expect(overspent.status == .unprocessableContent && overspent.text.contains("支出金额累计不能超过到位金额3000.00万元"))

            let noEvidence = try await client.send(.post, path + "/checklist", as: staff, json: #"{"version":6,"answers":[{"item":"libraries","met":true}]}"#)
            #expect(noEvidence.status == .unprocessableContent && noEvidence.text.contains("请填写依据"))
            let answered = try await client.send(.post, path + "/checklist", as: staff,
                                                 json: #"{"version":6,"answers":[{"item":"libraries","met":true,"evidence":"已入库，代码2026-220104-48-01-000001"}]}"#)
            #expect(answered.status == .ok)
            expectDocumented(answered, FundingEndpoints.apiChecklist)
            let detail = try await client.send(.get, path, as: staff)
            expectDocumented(detail, FundingEndpoints.apiShow)
            let application = try #require(detail.object["application"] as? [String: Any])
            #expect(application["state"] as? String == "spending" && application["issuedYuan"] as? Int == 40_000_000 && application["spentYuan"] as? Int == 10_000_000)
            let lines = (detail.object["checklist"] as? [[String: Any]]) ?? []
            #expect(lines.first { $0["item"] as? String == "libraries" }?["met"] as? Bool == true)
            #expect(lines.count == 8 && (detail.object["projects"] as? [[String: Any]])?.first?["maturity"] as? String != nil)

            let page = try await client.send(.get, "/funding/\(id)", as: staff)
            #expect(page.status == .ok && page.text.contains(home.name) && page.text.contains("已入库") && page.text.contains("支出中"))
            let form = try await client.send(.post, "/funding/\(id)/events", as: staff, form: [("version", "7"), ("kind", "spent"), ("on", "2026-11-23"), ("amountWan", "500"), ("note", "")])
            #expect(form.status == .seeOther)
            #expect(try await fixture.services.funding.application(id: Int64(id))?.spent == .wan(1_500))
            let badForm = try await client.send(.post, "/funding/\(id)/events", as: staff, form: [("version", "8"), ("kind", "spent"), ("on", "2026-13-01"), ("amountWan", "abc")])
            #expect(badForm.status == .unprocessableContent && badForm.text.contains("日期") && badForm.text.contains("金额"))

            let neighbour = try await fixture.signedIn(as: "fagai-other", roles: [.region], unit: OrgUnit(kind: .region, code: other.region))
            #expect(try await client.send(.get, path, as: neighbour).status == .notFound)
            let collecting = try await fixture.signedIn(as: "fgw", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-FGW"))
            #expect(try await client.send(.get, path, as: collecting).status == .ok, "市发改委 collects the central budget")
            let unrelated = try await fixture.signedIn(as: "gxj", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            #expect(try await client.send(.get, path, as: unrelated).status == .notFound)
            let leader = try await fixture.signedIn(as: "viewer", roles: [.viewer], unit: OrgUnit(kind: .region, code: home.region))
            #expect(try await client.send(.get, path, as: leader).status == .ok)
            #expect(try await client.send(.post, path + "/events", as: leader, json: event(8, "note", "2026-11-23", nil)).status == .forbidden)
        }
    }

    @Test("the centre opens a batch and enters the province's figure, which gives the share; a district may do neither; bad dates are refused", arguments: allEngines)
    func windowsAndProvince(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let bad = try await client.send(.post, "/api/v1/funding/windows", as: fixture,
                                            json: #"{"channel":"specialBond","name":"2026年第三批","opensOn":"2026-09-10","closesOn":"2026-09-01"}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("截止日期不能早于开始日期"))
            let made = try await client.send(.post, "/api/v1/funding/windows", as: fixture,
                                             json: #"{"channel":"centralBudget","name":"2026年水利专项","programme":"水利","opensOn":"2026-09-01","closesOn":"2026-12-10"}"#)
            #expect(made.status == .created && made.object["department"] as? String == "CC-FGW", "the channel's collecting department by default")
            expectDocumented(made, FundingEndpoints.apiWindowCreate)
            let page = try await client.send(.get, "/funding/windows", as: fixture)
            #expect(page.text.contains("2026年水利专项") && page.text.contains("正在申报"))
            let district = try await fixture.signedIn(as: "qu-staff", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.send(.post, "/api/v1/funding/province", as: district, json: #"{"year":2026,"channel":"specialBond","projects":440,"amountYuan":62100000000}"#)
                .status == .forbidden)
            let wrong = try await client.send(.post, "/api/v1/funding/province", as: fixture, json: #"{"year":2026,"channel":"bonds","projects":-1,"amountYuan":0}"#)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("申报渠道"))
            let set = try await client.send(.post, "/api/v1/funding/province", as: fixture, json: #"{"year":2026,"channel":"specialBond","projects":440,"amountYuan":62100000000}"#)
            #expect(set.status == .ok)
            expectDocumented(set, FundingEndpoints.apiProvince)
            let figures = try await client.send(.get, "/api/v1/funding/figures", as: fixture)
            let bonds = ((figures.object["channels"] as? [[String: Any]]) ?? []).first { $0["key"] as? String == "specialBond" }
            let share = bonds?["provinceShare"] as? [String: Any]
            #expect(share?["provinceProjects"] as? Int == 440 && share?["projectsPercent"] as? Double == 0, "nothing issued yet: 0 of 440")
        }
    }

    @Test("an application's projects and amounts are changed before it is decided, under its version, with a note in its history; after 入选 they are not; bad input keeps nothing", arguments: allEngines)
    func revise(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 30) { fixture, client in
            let places = try await Self.places(fixture)
            try #require(places.count == 2)
            let (home, other) = (places[0], places[1])
            let second = try await ReportWebTests.building(fixture, name: "配套管网二期", region: home.region)
            let staff = try await fixture.signedIn(as: "fagai-revise", roles: [.region], unit: OrgUnit(kind: .region, code: home.region))
            let made = try await client.send(.post, "/api/v1/funding/applications", as: staff,
                                             json: #"{"title":"管网改造申报","channel":"centralBudget","programme":"城市地下管网及设施","unit":"region:\#(home.region)","createdOn":"2026-11-01","projects":[{"projectId":\#(home.project),"askedYuan":50000000}]}"#)
            let id = try #require(made.object["id"] as? Int)
            let path = "/api/v1/funding/applications/\(id)"
            let body = { (version: Int, projects: String) in #"{"version":\#(version),"title":"管网改造及二期申报","programme":"城市地下管网及设施","projects":[\#(projects)]}"# }
            let two = #"{"projectId":\#(home.project),"askedYuan":40000000},{"projectId":\#(second),"askedYuan":30000000}"#
            #expect(try await client.send(.patch, path, as: staff, json: body(9, two)).status == .conflict)
            let hidden = try await client.send(.patch, path, as: staff, json: body(1, #"{"projectId":\#(other.project),"askedYuan":1000}"#))
            #expect(hidden.status == .unprocessableContent && hidden.text.contains("申报项目"))
            expectDocumented(hidden, FundingEndpoints.apiRevise)
            #expect(try await fixture.services.funding.application(id: Int64(id))?.asked == .wan(5_000), "nothing kept")
            let revised = try await client.send(.patch, path, as: staff, json: body(1, two))
            #expect(revised.status == .ok && revised.object["askedYuan"] as? Int == 70_000_000 && revised.object["version"] as? Int == 2 && revised.object["title"] as? String == "管网改造及二期申报")
            expectDocumented(revised, FundingEndpoints.apiRevise)
            let kept = try #require(try await fixture.services.funding.application(id: Int64(id)))
            #expect(kept.projects.map(\.projectId).sorted() == [home.project, second].sorted() && kept.channelCode == "centralBudget" && kept.unit.code == home.region)
            #expect(kept.events.contains { $0.kind == .note && $0.note.hasPrefix("修改申报内容：项目 2 个") })

            let page = try await client.send(.get, "/funding/\(id)/edit", as: staff)
            #expect(page.status == .ok && page.text.contains("管网改造及二期申报") && page.text.contains("4000"))
            #expect(try await client.send(.get, "/funding/\(id)", as: staff).text.contains("/funding/\(id)/edit"))
            let form = try await client.send(.post, "/funding/\(id)/edit", as: staff, form: [("version", "2"), ("title", "管网改造申报（调整）"), ("programme", "城市地下管网及设施"),
                                                                                          ("channel", "specialBond"), ("unit", "region:\(other.region)"),
                                                                                          ("project", home.name), ("askedWan", "3000")])
            #expect(form.status == .seeOther, "\(form.text.prefix(300))")
            let afterForm = try #require(try await fixture.services.funding.application(id: Int64(id)))
            #expect(afterForm.title == "管网改造申报（调整）" && afterForm.asked == .wan(3_000) && afterForm.channelCode == "centralBudget" && afterForm.unit.code == home.region,
                    "the form cannot move the channel or the unit")

            for (version, kind) in [(3, "submitted"), (4, "selected")] {
                let amount = kind == "selected" ? "30000000" : "null"
                let moved = try await client.send(.post, path + "/events", as: staff, json: #"{"version":\#(version),"kind":"\#(kind)","on":"2026-11-20","amountYuan":\#(amount)}"#)
                #expect(moved.status == .ok, "\(kind): \(moved.text.prefix(200))")
            }
            let decided = try await client.send(.patch, path, as: staff, json: body(5, two))
            #expect(decided.status == .unprocessableContent && decided.text.contains("不能再修改申报内容"))
            #expect(!(try await client.send(.get, "/funding/\(id)", as: staff).text.contains("/funding/\(id)/edit")))
        }
    }
}
