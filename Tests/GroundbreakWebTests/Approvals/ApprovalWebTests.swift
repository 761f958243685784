import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

/// A project made directly in the store, as the fixture's administrator would.
func approvalTestProject(_ fixture: WebFixture, name: String, region: String = "220104", lead: String = "CC-GXJ") async throws -> Int64 {
    var input = ProjectInput()
    input.name = name
    input.regionCode = region
    input.categoryCode = "IND-MFG"
    input.investmentType = "enterprise"
    input.totalInvestmentWan = "150000"
    input.ownerName = "长春某新材料有限公司"
    input.leadDepartmentCode = lead
    return try await fixture.services.projects.create(
        input, stage: .approval, allowed: .everything, actor: .system("test"), catalog: fixture.services.catalog(), today: webToday, now: webNow
    ).id
}

extension TestClientProtocol {
    /// The project's approvals as the API returns them, keyed by item code.
    func approvalItems(_ project: Int64, as fixture: WebFixture) async throws -> [String: [String: Any]] {
        let board = try await send(.get, "/api/v1/projects/\(project)/approvals", as: fixture)
        let items = (board.object["items"] as? [[String: Any]]) ?? []
        return Dictionary(uniqueKeysWithValues: items.map { ($0["itemCode"] as? String ?? "", $0) })
    }

    func approvalEvent(_ approval: Any?, as fixture: WebFixture, _ fields: [String: Any]) async throws -> TestResponse {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        return try await send(.post, "/api/v1/approvals/\(approval as? Int ?? 0)/events", as: fixture, json: body)
    }
}

@Suite("Approvals on the web")
struct ApprovalWebTests {
    @Test("a project's approvals: plan by type, events, pauses, 容缺, refusals, conflicts, backward schedule", arguments: allEngines)
    func projectApprovals(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await approvalTestProject(fixture, name: "长春某新材料产业园项目")
            let none = try await client.send(.get, "/api/v1/projects/\(id)/approvals", as: fixture)
            expectDocumented(none, ApprovalsEndpoints.apiProjectApprovals)
            #expect((none.object["items"] as? [Any])?.isEmpty == true)

            let badPlan = try await client.send(.post, "/projects/\(id)/approvals/plan", as: fixture, form: [("approvalType", "unknown"), ("targetStart", "2027-13-01")])
            #expect(badPlan.status == .unprocessableContent)
            #expect(badPlan.text.contains("项目审批类型") && badPlan.text.contains("目标开工日期"))
            #expect(try await fixture.services.approvals.approvals(projectId: id).isEmpty)

            let planned = try await client.send(.post, "/projects/\(id)/approvals/plan", as: fixture,
                                                form: [("approvalType", "enterpriseFiling"), ("targetStart", "2027-01-15")])
            #expect(planned.status == .seeOther)
            #expect(planned.location == "/projects/\(id)/approvals?notice=saved")
            var items = try await client.approvalItems(id, as: fixture)
            #expect(Set(items.keys) == ["ENT-FILING", "LAND-SITE", "LAND-PLAN", "DESIGN-REVIEW", "BUILD-PLAN", "DRAWING-REVIEW", "FIRE-DESIGN",
                                        "CONSTRUCTION-PERMIT", "FIRE-ACCEPT", "COMPLETION-FILING", "EIA-FORM"])
            // Nothing applied for by 2026-11-23 can still make a 2027-01-15 start: the project has slipped.
            let board = try await client.send(.get, "/api/v1/projects/\(id)/approvals", as: fixture)
            expectDocumented(board, ApprovalsEndpoints.apiProjectApprovals)
            #expect(board.object["slipped"] as? Bool == true)
            // The permit is due in hand on the start day; its 7 calendar days reach back to 01-08.
            #expect(items["CONSTRUCTION-PERMIT"]?["approveBy"] as? String == "2027-01-15")
            #expect(items["CONSTRUCTION-PERMIT"]?["applyBy"] as? String == "2027-01-08")
            #expect((try await client.send(.get, "/projects/\(id)", as: fixture)).text.contains("按目标开工日期倒排工期，前期审批已滞后"))

            // 用地规划许可: 20 working days from the day after acceptance on Monday 2026-10-26.
            let landPlan = items["LAND-PLAN"]?["id"]
            let accepted = try await client.approvalEvent(landPlan, as: fixture, ["kind": "accept", "on": "2026-10-26", "version": 1])
            #expect(accepted.status == .ok)
            expectDocumented(accepted, ApprovalsEndpoints.apiApprovalEvent)
            var clock = accepted.object["clock"] as? [String: Any]
            #expect(clock?["due"] as? String == "2026-11-23")
            #expect(clock?["elapsed"] as? Int == 20 && clock?["remaining"] as? Int == 0)
            #expect(clock?["state"] as? String == "dueSoon")

            // 专家评审 from Tuesday 11-10, resumed Monday 11-16: four working days off the clock.
            _ = try await client.approvalEvent(landPlan, as: fixture, ["kind": "pause", "on": "2026-11-10", "reason": "专家评审", "version": 2])
            let resumed = try await client.approvalEvent(landPlan, as: fixture, ["kind": "resume", "on": "2026-11-16", "version": 3])
            clock = resumed.object["clock"] as? [String: Any]
            #expect(clock?["pausedDays"] as? Int == 4)
            #expect(clock?["due"] as? String == "2026-11-27")
            #expect(clock?["elapsed"] as? Int == 16 && clock?["state"] as? String == "dueSoon", "16 of 20 days is the 80% mark")
            #expect((resumed.object["pauses"] as? [[String: Any]])?.first?["to"] as? String == "2026-11-15")
            let logged = try await client.approvalItems(id, as: fixture)["LAND-PLAN"]?["log"] as? [[String: Any]]
            #expect(logged?.map { $0["kind"] as? String } == ["accept", "pause", "resume"])
            #expect(logged?[1]["reason"] as? String == "专家评审" && (logged?[1]["detail"] as? [String: String])?["from"] == "2026-11-10")

            // Refusals: every problem named, nothing changed.
            let drawing = items["DRAWING-REVIEW"]?["id"]
            let incomplete = try await client.approvalEvent(drawing, as: fixture,
                                                            ["kind": "acceptWithDeficiency", "on": "2026-11-16", "supplementDue": "2026-11-13", "version": 1])
            #expect(incomplete.status == .unprocessableContent)
            expectDocumented(incomplete, ApprovalsEndpoints.apiApprovalEvent)
            let fields = Set(((incomplete.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["missingMaterials", "supplementDue"])
            let future = try await client.approvalEvent(drawing, as: fixture, ["kind": "apply", "on": "2026-12-01", "version": 1])
            #expect(future.status == .unprocessableContent)
            let unknown = try await client.approvalEvent(drawing, as: fixture, ["kind": "stamp", "version": 1])
            #expect(unknown.status == .unprocessableContent)
            let notAllowed = try await client.approvalEvent(drawing, as: fixture, ["kind": "approve", "on": "2026-11-16", "documentNumber": "长建审〔2026〕1号", "version": 1])
            #expect(notAllowed.status == .unprocessableContent)
            #expect(notAllowed.text.contains("未申报"))
            #expect(try await fixture.services.approvals.approval(id: Int64(drawing as? Int ?? 0))?.version == 1)

            let deficient = try await client.approvalEvent(drawing, as: fixture, [
                "kind": "acceptWithDeficiency", "on": "2026-11-16", "supplementDue": "2026-11-20", "missingMaterials": "消防设计专篇", "version": 1,
            ])
            #expect(deficient.status == .ok)
            #expect(deficient.object["supplementDue"] as? String == "2026-11-20")
            let stale = try await client.approvalEvent(drawing, as: fixture, ["kind": "supplementReceived", "on": "2026-11-19", "version": 1])
            #expect(stale.status == .conflict)
            expectDocumented(stale, ApprovalsEndpoints.apiApprovalEvent)
            #expect(stale.object["currentVersion"] as? Int == 2)

            // The page: stage headings with their latest due date, the 容缺 note, the pause in the log.
            let page = try await client.send(.get, "/projects/\(id)/approvals", as: fixture)
            #expect(page.status == .ok)
            #expect(page.text.contains("立项用地规划许可　阶段期限：2026-11-27"))
            #expect(page.text.contains("补齐期限 2026-11-20：消防设计专篇"))
            #expect(page.text.contains("专家评审"))
            #expect(page.text.contains("已有审批事项滞后"))

            // A form that breaks the rules comes back with the message and the item's log open.
            let eia = items["EIA-FORM"]?["id"] as? Int ?? 0
            let badForm = try await client.send(.post, "/approvals/\(eia)/events", as: fixture, form: [("kind", "notNeeded"), ("version", "1"), ("reason", " ")])
            #expect(badForm.status == .unprocessableContent)
            #expect(badForm.text.contains("原因") && badForm.text.contains(#"open="open""#))
            // The refused form comes back as sent, its message beside the field, the summary linking to it.
            #expect(badForm.text.contains(#"<option value="notNeeded" selected="selected">"#))
            #expect(badForm.text.contains(##"href="#f-a\##(eia)-reason""##) && badForm.text.contains(#"id="f-a\#(eia)-reason""#))
            #expect(badForm.text.contains(#"class="field-error""#))
            let formEvent = try await client.send(.post, "/approvals/\(eia)/events", as: fixture,
                                                  form: [("kind", "notNeeded"), ("version", "1"), ("reason", "已纳入园区规划环评")])
            #expect(formEvent.status == .seeOther)
            items = try await client.approvalItems(id, as: fixture)
            #expect(items["EIA-FORM"]?["status"] as? String == "notNeeded")
            let log = try await fixture.services.approvals.events(approvalIds: [Int64(eia)])
            #expect(log.map(\.kind) == ["notNeeded"] && log.first?.reason == "已纳入园区规划环评")

            // A later target start leaves room: no longer slipped. Adding an item not implied by the type.
            let later = try await client.send(.post, "/api/v1/projects/\(id)/approvals/plan", as: fixture,
                                              json: #"{"approvalType":"enterpriseFiling","targetStart":"2027-12-31"}"#)
            expectDocumented(later, ApprovalsEndpoints.apiApprovalPlan)
            #expect(later.object["slipped"] as? Bool == false)
            #expect(!(try await client.send(.get, "/projects/\(id)", as: fixture)).text.contains("前期审批已滞后"))
            let added = try await client.send(.post, "/projects/\(id)/approvals/items", as: fixture, form: [("itemCode", "ENERGY")])
            #expect(added.status == .seeOther)
            let twice = try await client.send(.post, "/projects/\(id)/approvals/items", as: fixture, form: [("itemCode", "ENERGY")])
            #expect(twice.status == .unprocessableContent)
            #expect(try await client.approvalItems(id, as: fixture).count == 12)
        }
    }

    @Test("an approving department works its items on any project through its queue, and nothing else")
    func approvingDepartment() async throws {
        try await withWeb { fixture, client in
            let id = try await approvalTestProject(fixture, name: "双阳区某物流园项目", region: "220112", lead: "CC-JTJ")
            _ = try await client.send(.post, "/projects/\(id)/approvals/plan", as: fixture, form: [("approvalType", "enterpriseFiling")])
            let items = try await client.approvalItems(id, as: fixture)
            let landBureau = try await fixture.signedIn(as: "zrzy", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-ZRZY"))

            // The project side applies for 用地预审 and 项目备案; only what has been applied for is the department's work.
            for code in ["LAND-SITE", "ENT-FILING"] {
                #expect(try await client.approvalEvent(items[code]?["id"], as: fixture, ["kind": "apply", "on": "2026-11-19", "version": 1]).status == .ok)
            }
            let queue = try await client.send(.get, "/approvals", as: landBureau)
            #expect(queue.status == .ok)
            #expect(queue.text.contains("双阳区某物流园项目") && queue.text.contains("用地预审与选址意见书"))
            #expect(!queue.text.contains("企业投资项目备案") && !queue.text.contains("建设用地规划许可证"))
            let notApplied = try await client.send(.get, "/approvals?state=notStarted", as: landBureau)
            #expect(notApplied.text.contains("建设用地规划许可证"))
            let api = try await client.send(.get, "/api/v1/approvals", as: landBureau)
            expectDocumented(api, ApprovalsEndpoints.apiApprovalQueue)
            let departments = Set(((api.object["entries"] as? [[String: Any]]) ?? []).compactMap { ($0["approval"] as? [String: Any])?["departmentCode"] as? String })
            #expect(departments == ["CC-ZRZY"])

            #expect(try await client.send(.get, "/projects/\(id)", as: landBureau).status == .notFound)
            let tab = try await client.send(.get, "/projects/\(id)/approvals", as: landBureau)
            #expect(tab.status == .ok)
            #expect(!tab.text.contains(#"href="/projects/\#(id)""#), "no link to a project page the department cannot open")

            let site = items["LAND-SITE"]?["id"] as? Int ?? 0
            let handled = try await client.send(.post, "/approvals/\(site)/events", as: landBureau,
                                                form: [("kind", "accept"), ("on", "2026-11-20"), ("version", "2"), ("back", "queue")])
            #expect(handled.status == .seeOther && handled.location == "/approvals")
            let filing = items["ENT-FILING"]?["id"] as? Int ?? 0
            let other = try await client.send(.post, "/approvals/\(filing)/events", as: landBureau, form: [("kind", "accept"), ("on", "2026-11-20"), ("version", "2")])
            #expect(other.status == .notFound)
            #expect(try await fixture.services.approvals.approval(id: Int64(filing))?.status == .applied)

            // A department with no item on the project and no part in it does not reach it at all.
            let industry = try await fixture.signedIn(as: "gxj", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            #expect(try await client.send(.get, "/projects/\(id)/approvals", as: industry).status == .notFound)
            let overdue = try await client.send(.get, "/approvals?state=overdue", as: landBureau)
            #expect(!overdue.text.contains("用地预审与选址意见书"))
            #expect(try await client.send(.get, "/api/v1/approvals?page=9223372036854775807", as: landBureau).status == .badRequest)
            #expect(try await client.send(.get, "/approvals?page=9223372036854775807", as: landBureau).status == .ok)
            let badQuery = try await client.send(.get, "/api/v1/approvals?state=late&perPage=9999", as: landBureau)
            #expect(badQuery.status == .badRequest)
            expectDocumented(badQuery, ApprovalsEndpoints.apiApprovalQueue)
            #expect(Set(((badQuery.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }) == ["state", "perPage"])
        }
    }

    @Test("the working-day calculator, the catalogue and the analytics", arguments: allEngines)
    func calculatorAndAnalytics(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let spot = try await client.send(.get, "/api/v1/calendar/working-days?from=2025-01-20&add=51", as: fixture)
            expectDocumented(spot, ApprovalsEndpoints.apiWorkingDays)
            #expect(spot.object["result"] as? String == "2025-04-08" && spot.object["provisional"] as? Bool == false)
            let beyond = try await client.send(.get, "/api/v1/calendar/working-days?from=2026-12-30&add=5", as: fixture)
            #expect(beyond.object["result"] as? String == "2027-01-06" && beyond.object["provisional"] as? Bool == true)
            let between = try await client.send(.get, "/api/v1/calendar/working-days?from=2026-02-13&to=2026-02-24", as: fixture)
            #expect(between.object["workingDays"] as? Int == 2)
            let bad = try await client.send(.get, "/api/v1/calendar/working-days?from=2025-02-30&add=x", as: fixture)
            #expect(bad.status == .badRequest)
            expectDocumented(bad, ApprovalsEndpoints.apiWorkingDays)
            #expect(Set(((bad.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }) == ["from", "add"])

            let catalogue = try await client.send(.get, "/api/v1/approval-items", as: fixture)
            expectDocumented(catalogue, ApprovalsEndpoints.apiApprovalItems)
            let entries = (catalogue.json as? [[String: Any]]) ?? []
            #expect(entries.count == 15)
            #expect(entries.first { $0["code"] as? String == "CONSTRUCTION-PERMIT" }?["unit"] as? String == "calendarDays")

            // A small low-risk project: first application 2026-09-01, construction permit 2026-10-12.
            let id = try await approvalTestProject(fixture, name: "小型低风险厂房项目")
            _ = try await client.send(.post, "/projects/\(id)/approvals/plan", as: fixture, form: [("approvalType", "smallLowRisk")])
            let items = try await client.approvalItems(id, as: fixture)
            // Figures are cached per reach and day until the next change: this answer must not outlive the events below.
            let before = try await client.send(.get, "/api/v1/approvals/analytics", as: fixture)
            #expect(before.object["projectsWithPermit"] as? Int == 0)
            #expect((try await client.send(.get, "/api/v1/approvals?state=notStarted", as: fixture)).object["totalCount"] as? Int == 6)
            func run(_ code: String, _ events: [[String: Any]]) async throws {
                for (index, event) in events.enumerated() {
                    var fields = event
                    fields["version"] = index + 1
                    let response = try await client.approvalEvent(items[code]?["id"], as: fixture, fields)
                    #expect(response.status == .ok, "\(code) \(event): \(response.text)")
                }
            }
            try await run("ENT-FILING", [["kind": "accept", "on": "2026-09-01"], ["kind": "approve", "on": "2026-09-01", "documentNumber": "备案证明"]])
            try await run("LAND-PLAN", [["kind": "accept", "on": "2026-09-02"], ["kind": "approve", "on": "2026-09-18", "documentNumber": "地字第1号"]])
            try await run("BUILD-PLAN", [["kind": "accept", "on": "2026-09-21"], ["kind": "approve", "on": "2026-10-09", "documentNumber": "建字第1号"]])
            try await run("CONSTRUCTION-PERMIT", [["kind": "accept", "on": "2026-10-09"], ["kind": "approve", "on": "2026-10-12", "documentNumber": "施字第1号"]])

            #expect((try await client.send(.get, "/api/v1/approvals?state=notStarted", as: fixture)).object["totalCount"] as? Int == 2)
            let analytics = try await client.send(.get, "/api/v1/approvals/analytics", as: fixture)
            expectDocumented(analytics, ApprovalsEndpoints.apiApprovalAnalytics)
            let projects = (analytics.object["projects"] as? [[String: Any]]) ?? []
            // 09-02…09-30 has 21 working days (中秋 09-25 off, Sunday 09-20 worked); then 10-08, 10-09, Saturday 10-10, 10-12.
            #expect(projects.first?["workingDays"] as? Int == 25)
            #expect(analytics.object["projectsWithPermit"] as? Int == 1 && analytics.object["meetsTarget"] as? Bool == true)
            // The projects come a page at a time; the city's figures stay over all of them.
            #expect(analytics.object["page"] as? Int == 1 && analytics.object["perPage"] as? Int == ApprovalsAPI.analyticsPerPage)
            let pastEnd = try await client.send(.get, "/api/v1/approvals/analytics?perPage=1&page=2", as: fixture)
            #expect(pastEnd.status == .ok && (pastEnd.object["projects"] as? [Any])?.isEmpty == true && pastEnd.object["projectsWithPermit"] as? Int == 1)
            for bad in ["page=0", "perPage=501", "perPage=x"] {
                #expect(try await client.send(.get, "/api/v1/approvals/analytics?\(bad)", as: fixture).status == .badRequest, "\(bad)")
            }
            let departments = (analytics.object["departments"] as? [[String: Any]]) ?? []
            let land = departments.first { $0["departmentCode"] as? String == "CC-ZRZY" }
            #expect(land?["handled"] as? Int == 2)
            #expect(land?["shareWithinLimit"] as? Double == 1.0)
            let page = try await client.send(.get, "/approvals/analytics", as: fixture)
            #expect(page.status == .ok)
            #expect(page.text.contains("1 / 1 个，占 100.0%") && page.text.contains("已达到目标") && page.text.contains("长春市规划和自然资源局"))
            #expect(page.text.contains(#"<svg class="chart""#) && page.text.contains(#"class="bar-ok""#) && page.text.contains("用时最长的 1 个项目"))
        }
    }

    @Test("集中审批 batches with their one-time notices; calendar and catalogue administration; escaping")
    func batchesAndAdministration() async throws {
        try await withWeb { fixture, client in
            let id = try await approvalTestProject(fixture, name: #"<script>alert(1)</script>"某项目""#)
            _ = try await client.send(.post, "/projects/\(id)/approvals/plan", as: fixture, form: [("approvalType", "enterpriseFiling"), ("targetStart", "2027-06-30")])
            let items = try await client.approvalItems(id, as: fixture)
            _ = try await client.approvalEvent(items["DRAWING-REVIEW"]?["id"], as: fixture, [
                "kind": "acceptWithDeficiency", "on": "2026-11-16", "supplementDue": "2026-11-30", "missingMaterials": "消防设计专篇", "version": 1,
            ])

            let refused = try await client.send(.post, "/approvals/batches", as: fixture, form: [("name", " "), ("heldOn", "2027-02-30")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("批次名称") && refused.text.contains("2027-02-30"))
            #expect(try await fixture.services.batches.all().isEmpty)
            let created = try await client.send(.post, "/approvals/batches", as: fixture,
                                                form: [("name", #"2027年一季度"><b>集中审批"#), ("heldOn", "2027-01-12")])
            #expect(created.status == .seeOther)
            let batchPath = try #require(created.location)
            let missing = try await client.send(.post, batchPath + "/projects", as: fixture, form: [("projectId", "999999")])
            #expect(missing.status == .unprocessableContent)
            let added = try await client.send(.post, batchPath + "/projects", as: fixture, form: [("projectId", String(id))])
            #expect(added.status == .seeOther)
            let sheet = try await client.send(.get, batchPath, as: fixture)
            #expect(sheet.text.contains("一次性告知单") && sheet.text.contains("消防设计专篇") && sheet.text.contains("建筑工程施工许可证"))
            #expect(!sheet.text.contains("<script>alert") && !sheet.text.contains("<b>集中审批"))
            // Each project's 开工条件 beside its approvals, as the readiness page reads it.
            let readiness = try await client.send(.get, "/api/v1/projects/\(id)/readiness", as: fixture)
            let lacking = (readiness.object["missingForStart"] as? [String]) ?? []
            #expect(!lacking.isEmpty && sheet.text.contains("data-readiness=\"\(id)\"") && sheet.text.contains("尚缺 \(lacking.count) 项开工条件"))
            #expect(!(try await client.send(.get, "/projects/\(id)/approvals", as: fixture)).text.contains("<script>alert"))

            // A reader sees the batch but cannot organise one.
            let viewer = try await fixture.signedIn(as: "viewer", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            let seen = try await client.send(.get, batchPath, as: viewer)
            #expect(seen.status == .ok && !seen.text.contains("加入项目"))

            // Next year's notice: a row of another year refuses the file; a good file ends the provisional dates.
            let wrongYear = try await client.send(.post, "/admin/calendar", as: fixture, form: [
                ("year", "2027"), ("source", "国务院办公厅关于2027年部分节假日安排的通知"), ("csv", "date,kind,festival,statutory\n2026-10-01,holiday,国庆节,1\n"),
            ])
            #expect(wrongYear.status == .unprocessableContent)
            #expect(fixture.services.workingCalendar().years == [2024, 2025, 2026])
            let loaded = try await client.send(.post, "/admin/calendar", as: fixture, form: [
                ("year", "2027"), ("source", "国务院办公厅关于2027年部分节假日安排的通知"), ("csv", "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n"),
            ])
            #expect(loaded.status == .seeOther)
            let after = try await client.send(.get, "/api/v1/calendar/working-days?from=2026-12-30&add=5", as: fixture)
            #expect(after.object["result"] as? String == "2027-01-07" && after.object["provisional"] as? Bool == false)
            #expect((try await client.send(.get, "/admin/calendar", as: fixture)).text.contains("国务院办公厅关于2027年部分节假日安排的通知"))

            // The local promised limit shortens the clock; one longer than the law is refused.
            let tooLong = try await client.send(.post, "/admin/approval-items/DRAWING-REVIEW", as: fixture,
                                                form: [("limit", "15"), ("unit", "workingDays"), ("promised", "20")])
            #expect(tooLong.status == .unprocessableContent)
            let promised = try await client.send(.post, "/admin/approval-items/DRAWING-REVIEW", as: fixture,
                                                 form: [("limit", "15"), ("unit", "workingDays"), ("promised", "10")])
            #expect(promised.status == .seeOther)
            let clock = try await client.approvalItems(id, as: fixture)["DRAWING-REVIEW"]?["clock"] as? [String: Any]
            #expect(clock?["limit"] as? Int == 10)
            #expect(clock?["due"] as? String == "2026-11-30")
            let badStart = try await client.send(.post, "/admin/approval-items/DRAWING-REVIEW", as: fixture,
                                                 form: [("limit", "15"), ("unit", "workingDays"), ("countFrom", "tomorrow")])
            #expect(badStart.status == .unprocessableContent && badStart.text.contains("计时起点"))
            let sameDay = try await client.send(.post, "/admin/approval-items/DRAWING-REVIEW", as: fixture,
                                                form: [("limit", "15"), ("unit", "workingDays"), ("promised", "10"), ("countFrom", "sameDay")])
            #expect(sameDay.status == .seeOther)
            let counted = try await client.approvalItems(id, as: fixture)["DRAWING-REVIEW"]?["clock"] as? [String: Any]
            #expect(counted?["due"] as? String == "2026-11-27", "counting from the day of acceptance brings the due date one working day closer")
            #expect(try await client.send(.get, "/api/v1/approval-items", as: fixture).text.contains(#""countsFromNextDay":false"#))
            let unknown = try await client.send(.post, "/admin/approval-items/NOPE", as: fixture, form: [("limit", "15"), ("unit", "workingDays")])
            #expect(unknown.status == .notFound)
            var query = AuditQuery()
            query.entity = "approval_item"
            #expect(try await fixture.services.audit.search(query).entries.map(\.entityId) == ["DRAWING-REVIEW", "DRAWING-REVIEW"])
        }
    }
}

@Suite("Approval queue on the demo data")
struct ApprovalQueueDemoTests {
    @Test("the queue pages through hundreds of open items, soonest due first, the same in the page and the API")
    func paging() async throws {
        try await withWeb(demoProjects: 600) { fixture, client in
            let first = try await client.send(.get, "/api/v1/approvals?perPage=50", as: fixture)
            expectDocumented(first, ApprovalsEndpoints.apiApprovalQueue)
            let total = try #require(first.object["totalCount"] as? Int)
            #expect(total > 60)
            var seen: [Int] = []
            var dues: [String] = []
            for page in 1...((total + 49) / 50) {
                let response = try await client.send(.get, "/api/v1/approvals?perPage=50&page=\(page)", as: fixture)
                let entries = (response.object["entries"] as? [[String: Any]]) ?? []
                seen += entries.compactMap { ($0["approval"] as? [String: Any])?["id"] as? Int }
                dues += entries.compactMap { (($0["approval"] as? [String: Any])?["clock"] as? [String: Any])?["due"] as? String }
            }
            #expect(seen.count == total && Set(seen).count == total)
            #expect(dues == dues.sorted())
            let page = try await client.send(.get, "/approvals?page=2&perPage=20", as: fixture)
            #expect(page.text.contains("共 \(total) 项"))
            #expect(page.text.contains(#"rel="prev""#) && page.text.contains(#"href="/approvals?page=3&amp;perPage=20""#))
            let overdue = try await client.send(.get, "/api/v1/approvals?state=overdue&perPage=500", as: fixture)
            let states = Set(((overdue.object["entries"] as? [[String: Any]]) ?? []).compactMap { (($0["approval"] as? [String: Any])?["clock"] as? [String: Any])?["state"] as? String })
            #expect(states == ["overdue"])
        }
    }
}
