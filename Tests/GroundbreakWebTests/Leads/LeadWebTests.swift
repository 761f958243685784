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

/// Leads from the first contact to a start: the demo's year, recording and moving them, the
/// funnel agreeing with the list, and who sees a confidential one.
@Suite("Leads on the web", .serialized)
struct LeadWebTests {
    static let code = "91220104MA0000000" + String(CreditCode.checkCharacter(forPrefix: "91220104MA0000000")!)

    @Test("the demo city has a year of leads in every district and zone; the funnel's figures are the list's; the centre sees no confidential lead, the district its own", arguments: allEngines)
    func demo(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let all = try await client.send(.get, "/api/v1/leads", as: fixture)
            #expect(all.status == .ok)
            expectDocumented(all, LeadsEndpoints.apiLeads)
            let leads = (all.json as? [[String: Any]]) ?? []
            #expect(leads.count > 300 && leads.allSatisfy { $0["confidential"] as? Bool == false }, "\(leads.count) leads, none confidential for the centre")
            #expect(Set(leads.map { $0["unit"] as? String ?? "" }).count >= 15, "every district and top zone")
            let funnel = try await client.send(.get, "/api/v1/leads/funnel", as: fixture)
            expectDocumented(funnel, LeadsEndpoints.apiFunnel)
            let steps = (funnel.object["steps"] as? [[String: Any]]) ?? []
            let reached = steps.map { $0["reached"] as? Int ?? -1 }
            #expect(reached.first == leads.count && reached == reached.sorted(by: >), "a funnel narrows: \(reached)")
            let stageOrder = steps.map { $0["stage"] as? String ?? "" }
            for (index, step) in steps.enumerated() {
                let atOrBeyond = leads.filter { (stageOrder.firstIndex(of: $0["stage"] as? String ?? "") ?? -1) >= index }.count
                #expect(step["reached"] as? Int == atOrBeyond, "\(step["name"] ?? "")")
            }
            let signing = ((funnel.object["rates"] as? [[String: Any]]) ?? []).first { $0["code"] as? String == "signing" }
            #expect(signing?["part"] as? Int == steps.first { $0["stage"] as? String == "signed" }?["reached"] as? Int)
            #expect(reached[4] > 0 && reached[4] < reached[0], "some sign, not all")

            let district = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let theirs = (try await client.send(.get, "/api/v1/leads", as: district).json as? [[String: Any]]) ?? []
            #expect(!theirs.isEmpty && theirs.allSatisfy { $0["unit"] as? String == "region:220104" })
            let hidden = theirs.filter { $0["confidential"] as? Bool == true }
            if let secret = hidden.first?["id"] as? Int {
                #expect(try await client.send(.get, "/api/v1/leads/\(secret)", as: fixture).status == .notFound, "the centre does not see a confidential lead")
            }
            let page = try await client.send(.get, "/leads?unit=region:220104", as: district)
            #expect(page.status == .ok && page.text.contains("data-total=\"\(theirs.count)\"") && page.text.contains("招商漏斗"))
            let workbook = try await client.send(.get, "/leads.xlsx?stage=signed", as: fixture)
            let sheet = try SpreadsheetReader.read(Array(workbook.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(sheet[0][0] == "招商线索" && sheet[1][0].contains("签约"))
            #expect(sheet.dropFirst(3).filter { Int($0.first ?? "") != nil }.count == leads.filter { $0["stage"] as? String == "signed" }.count)
            let bad = try await client.send(.get, "/api/v1/leads?stage=launch", as: fixture)
            #expect(bad.status == .badRequest && bad.text.contains("阶段"))
        }
    }

    @Test("attraction staff record a lead for their unit and move it on under its version; passing 签约 and 注册 records them; bad input is refused in Chinese and keeps nothing", arguments: allEngines)
    func working(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let staff = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let body = { (unit: String, code: String, channel: String) in
                #"{"title":"年产20万套汽车座椅项目","investor":{"name":"深圳华达汽车零部件有限公司","kind":"privateOwned","creditCode":"\#(code)","homeRegion":"深圳"},"intendedYuan":500000000,"channel":"\#(channel)","unit":"\#(unit)","handlerName":"王明"}"#
            }
            let outside = try await client.send(.post, "/api/v1/leads", as: staff, json: body("region:220113", Self.code, "fair"))
            #expect(outside.status == .unprocessableContent && outside.text.contains("只能为本单位录入线索"))
            let bad = try await client.send(.post, "/api/v1/leads", as: staff, json: body("region:220104", "91220104MA00000000", "tv"))
            #expect(bad.status == .unprocessableContent && bad.text.contains("来源渠道") && bad.text.contains("统一社会信用代码"))
            expectDocumented(bad, LeadsEndpoints.apiLeadCreate)
            #expect(try await fixture.services.leads.leads(reach: LeadReach(everyUnit: true)).isEmpty, "nothing kept")
            let made = try await client.send(.post, "/api/v1/leads", as: staff, json: body("region:220104", Self.code, "fair"))
            #expect(made.status == .created && made.object["stage"] as? String == "clue" && made.object["stageName"] as? String == "线索")
            expectDocumented(made, LeadsEndpoints.apiLeadCreate)
            let id = try #require(made.object["id"] as? Int)

            let contact = try await client.send(.post, "/api/v1/leads/\(id)/events", as: staff, json: #"{"version":1,"kind":"advance","stage":"contact","on":"2026-11-23","note":"首次接洽"}"#)
            #expect(contact.status == .ok && contact.object["version"] as? Int == 2)
            expectDocumented(contact, LeadsEndpoints.apiLeadEvent)
            let stale = try await client.send(.post, "/api/v1/leads/\(id)/events", as: staff, json: #"{"version":1,"kind":"note","on":"2026-11-23","note":"x"}"#)
            #expect(stale.status == .conflict)
            let skipped = try await client.send(.post, "/api/v1/leads/\(id)/events", as: staff, json: #"{"version":2,"kind":"advance","stage":"registered","on":"2026-11-23"}"#)
            #expect(skipped.status == .unprocessableContent && skipped.text.contains("推进到签约须填写") && skipped.text.contains("推进到注册须填写"))
            let backwards = try await client.send(.post, "/api/v1/leads/\(id)/events", as: staff, json: #"{"version":2,"kind":"advance","stage":"clue","on":"2026-11-23"}"#)
            #expect(backwards.status == .unprocessableContent && backwards.text.contains("只能向后推进"))
            let registered = try await client.send(.post, "/api/v1/leads/\(id)/events", as: staff, json: """
                {"version":2,"kind":"advance","stage":"registered","on":"2026-11-23","signing":{"on":"2026-11-23","yuan":480000000,"contract":"formal","capital":"domestic"},"registeredCreditCode":"\(Self.code)"}
                """)
            #expect(registered.status == .ok && (registered.object["signing"] as? [String: Any])?["yuan"] as? Int == 480_000_000)
            #expect(registered.object["registeredCreditCode"] as? String == Self.code)
            let detail = try await client.send(.get, "/api/v1/leads/\(id)", as: staff)
            expectDocumented(detail, LeadsEndpoints.apiLead)
            #expect(((detail.object["events"] as? [[String: Any]]) ?? []).map { $0["kind"] as? String ?? "" } == ["created", "advanced", "advanced"])
            let funnel = try await client.send(.get, "/api/v1/leads/funnel", as: staff)
            #expect((funnel.object["signedDomesticYuan"] as? Int) == 480_000_000)

            // The pages: a refused form comes back with its reasons; a move by the form.
            let refused = try await client.send(.post, "/leads", as: staff, form: [("title", ""), ("unit", "region:220104"), ("channel", "fair")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("请填写投资方类型"))
            let page = try await client.send(.post, "/leads", as: staff, form: [("title", "冷链物流园项目"), ("investor", "青岛远达物流有限公司"), ("investorKind", "privateOwned"),
                                                                             ("intendedWan", "30000"), ("channel", "chamber"), ("unit", "region:220104"), ("confidential", "1")])
            #expect(page.status == .seeOther)
            let secret = try #require(try await fixture.services.leads.leads(reach: LeadReach(everyUnit: true, everyConfidential: true)).first { $0.confidential })
            #expect(secret.intendedInvestment == .wan(30_000))
            let moved = try await client.send(.post, "/leads/\(secret.id)/events", as: staff, form: [("version", "1"), ("kind", "visit"), ("direction", "inbound"),
                                                                                                      ("on", "2026-11-23"), ("note", "投资方来区考察选址")])
            #expect(moved.status == .seeOther)
            let show = try await client.send(.get, "/leads/\(secret.id)", as: staff)
            #expect(show.status == .ok && show.text.contains("请进来") && show.text.contains("投资方来区考察选址"))
            #expect(try await client.send(.get, "/leads/\(secret.id)", as: fixture).status == .notFound, "the centre does not see a confidential lead")
            let county = try await fixture.signedIn(as: "xianqu", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.send(.get, "/api/v1/leads/\(secret.id)", as: county).status == .ok, "its own district does")
            #expect(try await client.send(.post, "/api/v1/leads/\(id)/events", as: county, json: #"{"version":3,"kind":"note","on":"2026-11-23","note":"x"}"#).status == .forbidden,
                    "县区 staff read; attraction staff work the leads")
        }
    }

    @Test("a landed lead is linked to its project on the ledger: the project page names where it came from; a project the caller cannot see is refused", arguments: allEngines)
    func landing(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let staff = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let lead = try #require(try await fixture.services.leads.leads(reach: LeadReach(units: [OrgUnit(kind: .region, code: "220104")])).first { !$0.confidential })
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let own = try #require(projects.first { $0.fields.regionCode == "220104" })
            let other = try #require(projects.first { $0.fields.regionCode == "220113" })
            let hidden = try await client.send(.post, "/api/v1/leads/\(lead.id)/project", as: staff, json: #"{"version":\#(lead.version),"projectId":\#(other.id)}"#)
            #expect(hidden.status == .unprocessableContent && hidden.text.contains("没有这个项目，或无权查看"))
            expectDocumented(hidden, LeadsEndpoints.apiLeadLink)
            let linked = try await client.send(.post, "/api/v1/leads/\(lead.id)/project", as: staff, json: #"{"version":\#(lead.version),"projectId":\#(own.id)}"#)
            #expect(linked.status == .ok && linked.object["projectId"] as? Int == Int(own.id))
            expectDocumented(linked, LeadsEndpoints.apiLeadLink)
            let page = try await client.send(.get, "/projects/\(own.id)", as: staff)
            #expect(page.text.contains("招商来源") && page.text.contains("href=\"/leads/\(lead.id)\""))
            let centre = try await client.send(.get, "/projects/\(own.id)", as: fixture)
            #expect(centre.text.contains("招商来源") == !lead.confidential)
            // By the form, naming the project as officials do.
            let unknown = try await client.send(.post, "/leads/\(lead.id)/project", as: staff, form: [("version", String(lead.version + 1)), ("project", "没有这个项目")])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("没有这个项目"))
            let byName = try await client.send(.post, "/leads/\(lead.id)/project", as: staff, form: [("version", String(lead.version + 1)), ("project", own.fields.name)])
            #expect(byName.status == .seeOther || byName.text.contains("多个"), "a name shared by two projects is refused by name")
        }
    }

    @Test("a landed lead goes on the ledger in one step: the project filled from the lead and linked in one transaction; what the lead cannot say is asked; refused whole", arguments: allEngines)
    func landInOneStep(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let staff = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let leads = try await fixture.services.leads.leads(reach: LeadReach(units: [OrgUnit(kind: .region, code: "220104")]))
            let signed: [Lead] = leads.filter { lead in lead.projectId == nil && lead.signing != nil }
            let lead = try #require(signed.first)
            let before = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything).count
            let show = try await client.send(.get, "/leads/\(lead.id)", as: staff)
            #expect(show.text.contains("一步建立台账项目") && show.text.contains("value=\"\(lead.title)\""))

            // No category (the lead cannot say): refused in Chinese, nothing made, the lead unlinked.
            let bare = try await client.send(.post, "/api/v1/leads/\(lead.id)/new-project", as: staff, json: #"{"version":\#(lead.version)}"#)
            #expect(bare.status == .unprocessableContent && bare.text.contains("项目类别"))
            expectDocumented(bare, LeadsEndpoints.apiLeadLand)
            let category = try #require(fixture.services.catalog().assignableCategories.first?.code)
            let stale = try await client.send(.post, "/api/v1/leads/\(lead.id)/new-project", as: staff,
                                              json: #"{"version":\#(lead.version + 5),"categoryCode":"\#(category)"}"#)
            #expect(stale.status == .conflict)
            #expect(try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything).count == before)
            #expect(try await fixture.services.leads.lead(id: lead.id)?.projectId == nil)

            let made = try await client.send(.post, "/api/v1/leads/\(lead.id)/new-project", as: staff,
                                             json: #"{"version":\#(lead.version),"categoryCode":"\#(category)"}"#)
            #expect(made.status == .created)
            expectDocumented(made, LeadsEndpoints.apiLeadLand)
            let project = (made.object["project"] as? [String: Any]) ?? [:]
            let projectId = try #require(project["id"] as? Int)
            #expect(project["name"] as? String == lead.title && (project["region"] as? [String: Any])?["code"] as? String == "220104" && project["stage"] as? String == "attraction")
            #expect(project["totalInvestment"] as? Int == Int(lead.signing?.amount.yuan ?? -1),
                    "the signed amount is the project's total investment")
            #expect((made.object["lead"] as? [String: Any])?["projectId"] as? Int == projectId)
            let page = try await client.send(.get, "/projects/\(projectId)", as: staff)
            #expect(page.status == .ok && page.text.contains("招商来源") && page.text.contains("href=\"/leads/\(lead.id)\""))
            let again = try await client.send(.post, "/api/v1/leads/\(lead.id)/new-project", as: staff,
                                              json: #"{"version":\#(lead.version + 1),"categoryCode":"\#(category)"}"#)
            #expect(again.status == .unprocessableContent && again.text.contains("已关联台账项目"), "one lead, one project")

            // By the page: a zone's lead names no district, so the form asks for it.
            let other = try #require(leads.first { $0.projectId == nil && $0.id != lead.id })
            let refused = try await client.send(.post, "/leads/\(other.id)/new-project", as: staff, form: [
                ("version", String(other.version)), ("name", other.title), ("regionCode", ""), ("categoryCode", category), ("investmentType", "enterprise"),
                ("totalInvestmentWan", "5000")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("所在属地"))
            let byPage = try await client.send(.post, "/leads/\(other.id)/new-project", as: staff, form: [
                ("version", String(other.version)), ("name", other.title + "（一期）"), ("regionCode", "220104"), ("categoryCode", category),
                ("investmentType", "enterprise"), ("totalInvestmentWan", "5000")])
            #expect(byPage.status == .seeOther && (byPage.location ?? "").hasPrefix("/projects/"))
            #expect(try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything).count == before + 2)
            // 县区 staff read leads but do not work them.
            let county = try await fixture.signedIn(as: "xianqu", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let third = try #require(leads.first { $0.projectId == nil && $0.id != lead.id && $0.id != other.id })
            #expect(try await client.send(.post, "/api/v1/leads/\(third.id)/new-project", as: county,
                                          json: #"{"version":\#(third.version),"categoryCode":"\#(category)"}"#).status == .forbidden)
        }
    }

    @Test("the month's rhythm counts each unit's activities and signings as the lists give them and names the units short of either; activities are recorded for one's own unit", arguments: allEngines)
    func rhythm(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let rhythm = try await client.send(.get, "/api/v1/leads/rhythm?month=2026-10", as: fixture)
            #expect(rhythm.status == .ok)
            expectDocumented(rhythm, LeadsEndpoints.apiRhythm)
            let lines = (rhythm.object["lines"] as? [[String: Any]]) ?? []
            let activities = (try await client.send(.get, "/api/v1/lead-activities?month=2026-10", as: fixture).json as? [[String: Any]]) ?? []
            let leads = (try await client.send(.get, "/api/v1/leads", as: fixture).json as? [[String: Any]]) ?? []
            #expect(lines.count >= 15 && !activities.isEmpty)
            let everyLead = try await fixture.services.leads.leads(reach: LeadReach(everyUnit: true, everyConfidential: true))
            for line in lines {
                let unit = line["unit"] as? String ?? ""
                #expect(line["activities"] as? Int == activities.filter { $0["unit"] as? String == unit }.count, "\(unit)")
                // Counted whole, confidential leads included (a count names none): the store's every lead.
                let signed = everyLead.filter { $0.unit.text == unit && $0.signing.map { Month($0.on) == Month(year: 2026, month: 10)! } == true }
                #expect(line["signings"] as? Int == signed.count, "\(unit) signings")
                #expect(line["short"] as? Bool == ((line["activities"] as? Int) == 0 || signed.isEmpty))
            }
            let page = try await client.send(.get, "/leads/activities?month=2026-10", as: fixture)
            #expect(page.status == .ok && page.text.contains("2026年10月招商节奏") && page.text.contains("data-total=\"\(activities.count)\""))
            #expect(try await client.send(.get, "/api/v1/leads/rhythm?month=2027-01", as: fixture).status == .badRequest, "a month not begun")
            let rhythmBook = try SpreadsheetReader.read(Array(try await client.send(.get, "/leads/activities.xlsx?month=2026-10", as: fixture).body.readableBytesView))
                .rows.map { $0.map(\.text) }
            #expect(rhythmBook[1][0].contains("2026年10月招商节奏") && rhythmBook.dropFirst(3).filter { Int($0.count > 1 ? $0[1] : "") != nil }.count == lines.count)

            let staff = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let other = try #require(leads.first { $0["unit"] as? String == "region:220113" }?["id"] as? Int)
            let own = try #require(leads.first { $0["unit"] as? String == "region:220104" }?["id"] as? Int)
            let foreign = try await client.send(.post, "/api/v1/lead-activities", as: staff,
                                                json: #"{"unit":"region:220104","kind":"tripOut","on":"2026-11-20","title":"赴深圳招商","leadIds":[\#(other)]}"#)
            #expect(foreign.status == .unprocessableContent && foreign.text.contains("本单位的线索"))
            let outside = try await client.send(.post, "/api/v1/lead-activities", as: staff, json: #"{"unit":"region:220113","kind":"tripOut","on":"2026-11-20","title":"赴深圳招商"}"#)
            #expect(outside.status == .unprocessableContent && outside.text.contains("只能为本单位"))
            let made = try await client.send(.post, "/api/v1/lead-activities", as: staff,
                                             json: #"{"unit":"region:220104","kind":"tripOut","on":"2026-11-20","title":"赴深圳开展产业链招商","leadIds":[\#(own)]}"#)
            #expect(made.status == .created && made.object["leadIds"] as? [Int] == [own])
            expectDocumented(made, LeadsEndpoints.apiActivityCreate)
            let form = try await client.send(.post, "/leads/activities", as: staff, form: [("unit", "region:220104"), ("kind", "visitIn"), ("on", "2026-11-21"), ("title", "")])
            #expect(form.status == .unprocessableContent && form.text.contains("请填写"))
            let mine = try await client.send(.get, "/api/v1/leads/rhythm", as: staff)
            let line = ((mine.object["lines"] as? [[String: Any]]) ?? []).first
            #expect(mine.object["month"] as? String == "2026-11" && ((mine.object["lines"] as? [Any]) ?? []).count == 1 && line?["unit"] as? String == "region:220104")
        }
    }

    @Test("到位资金: each unit's year to date against last year is the targets page's reading; recorded on a lead, 内资 in yuan and 外资 with its rate, refused in Chinese otherwise", arguments: allEngines)
    func funds(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let table = try await client.send(.get, "/api/v1/leads/funds?month=2026-10", as: fixture)
            #expect(table.status == .ok)
            expectDocumented(table, LeadsEndpoints.apiFunds)
            let lines = (table.object["lines"] as? [[String: Any]]) ?? []
            #expect(lines.contains { ($0["domesticYuan"] as? Int ?? 0) > 0 }, "the demo has funds")
            for unit in ["region:220104", "region:220105"] {
                let line = try #require(lines.first { $0["unit"] as? String == unit })
                let targets = try await client.send(.get, "/api/v1/targets?unit=\(unit)&month=2026-10", as: fixture)
                let readings = (targets.object["readings"] as? [[String: Any]]) ?? []
                func actual(_ code: String) -> Double? { readings.first { $0["indicator"] as? String == code }?["actual"] as? Double }
                #expect(actual("FUNDS_DOMESTIC") == Double(line["domesticYuan"] as? Int ?? -1), "\(unit) 到位内资")
                #expect(actual("FUNDS_FOREIGN") == Double(line["foreignYuan"] as? Int ?? -1))
                #expect(actual("FUNDS_DOMESTIC_GROWTH") == line["domesticGrowth"] as? Double)
            }
            let page = try await client.send(.get, "/leads/funds?month=2026-10", as: fixture)
            #expect(page.status == .ok && page.text.contains("2026年10月（本年累计）到位资金") && page.text.contains("/leads/funds.xlsx?month=2026-10"))
            let fundsBook = try SpreadsheetReader.read(Array(try await client.send(.get, "/leads/funds.xlsx?month=2026-10", as: fixture).body.readableBytesView))
                .rows.map { $0.map(\.text) }
            #expect(fundsBook[1][0].contains("2026年10月（本年累计）到位资金") && fundsBook.contains { $0.first == "朝阳区" })

            let staff = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let lead = try #require(try await fixture.services.leads.leads(reach: LeadReach(units: [OrgUnit(kind: .region, code: "220104")])).first)
            let before = (lines.first { $0["unit"] as? String == "region:220104" }?["domesticYuan"] as? Int) ?? 0
            let wrong = try await client.send(.post, "/api/v1/leads/\(lead.id)/funds", as: staff, json: #"{"month":"2026-10","capital":"domestic","currency":"USD","amount":1000000,"rate":7.1}"#)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("内资以人民币计"))
            expectDocumented(wrong, LeadsEndpoints.apiFundsCreate)
            let future = try await client.send(.post, "/api/v1/leads/\(lead.id)/funds", as: staff, json: #"{"month":"2026-12","capital":"domestic","amount":1000000}"#)
            #expect(future.status == .unprocessableContent)
            let made = try await client.send(.post, "/api/v1/leads/\(lead.id)/funds", as: staff, json: #"{"month":"2026-10","capital":"domestic","amount":30000000}"#)
            #expect(made.status == .created && made.object["yuan"] as? Int == 30_000_000)
            expectDocumented(made, LeadsEndpoints.apiFundsCreate)
            let foreign = try await client.send(.post, "/leads/\(lead.id)/funds", as: staff, form: [("month", "2026-10"), ("capital", "foreign"), ("currency", "USD"),
                                                                                                 ("amountWan", "100"), ("rate", "7.1")])
            #expect(foreign.status == .seeOther)
            let after = try await client.send(.get, "/api/v1/leads/funds?month=2026-10", as: staff)
            let mine = ((after.object["lines"] as? [[String: Any]]) ?? []).first
            #expect(mine?["domesticYuan"] as? Int == before + 30_000_000 && (mine?["foreignYuan"] as? Int ?? 0) >= 7_100_000)
            let detail = try await client.send(.get, "/api/v1/leads/\(lead.id)", as: staff)
            #expect(((detail.object["funds"] as? [[String: Any]]) ?? []).contains { $0["currency"] as? String == "USD" && $0["yuan"] as? Int == 7_100_000 })
        }
    }
}