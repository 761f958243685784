import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Monthly reports on the web")
struct ReportWebTests {
    /// A project under construction since May 2026, 1亿 in total.
    static func building(_ fixture: WebFixture, name: String, region: String = "220104", secretary: Int64? = nil) async throws -> Int64 {
        var input = ProjectInput()
        input.name = name
        input.regionCode = region
        input.categoryCode = "IND-MFG"
        input.investmentType = "enterprise"
        input.totalInvestmentWan = "10000"
        input.ownerName = "长春某制造有限公司"
        input.actualStart = "2026-05-10"
        input.secretaryPositionId = secretary.map(String.init) ?? ""
        return try await fixture.services.projects.create(input, stage: .construction, allowed: .everything, actor: .system("test"),
                                                          catalog: fixture.services.catalog(), today: webToday, now: webNow).id
    }

    @Test("a secretary sends a month, fixes what the checks refuse, the centre returns and accepts; totals are derived", arguments: allEngines)
    func reportCycle(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let seat = try await fixture.services.positions.create(title: "项目秘书", unitName: "市工信局", duty: .secretary, holder: ("秘书甲", ""),
                                                                   since: webToday, actor: .system("test"))
            try await fixture.services.reloadCatalog()
            let id = try await Self.building(fixture, name: "汽车零部件产业园", secretary: seat)
            let other = try await Self.building(fixture, name: "不归我管的项目", region: "220113")
            let secretary = try await fixture.signedIn(as: "mishu", roles: [.secretary], positionId: seat)

            let refused = try await client.send(.post, "/projects/\(id)/reports", as: secretary,
                                                form: [("month", "2026-10"), ("dispatchWan", "-5"), ("progressPercent", "120")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("不能为负") || refused.text.contains("负"))
            #expect(try await fixture.services.reports.reports(projectId: id).isEmpty)

            let september = try await client.send(.post, "/projects/\(id)/reports", as: secretary,
                                                  form: [("month", "2026-09"), ("dispatchWan", "600"), ("statisticalWan", "450"), ("progressPercent", "30")])
            #expect(september.status == .seeOther)
            let jump = try await client.send(.post, "/projects/\(id)/reports", as: secretary, form: [("month", "2026-10"), ("dispatchWan", "2500")])
            #expect(jump.status == .unprocessableContent && jump.text.contains("请说明原因"))
            #expect(jump.text.contains(#"value="2500""#), "the refused form keeps what was typed")
            let tooMuch = try await client.send(.post, "/projects/\(id)/reports", as: secretary,
                                                form: [("month", "2026-10"), ("dispatchWan", "9500"), ("jumpReason", "设备集中到货")])
            #expect(tooMuch.status == .unprocessableContent && tooMuch.text.contains("超过总投资"))
            let october = try await client.send(.post, "/projects/\(id)/reports", as: secretary,
                                                form: [("month", "2026-10"), ("dispatchWan", "2500"), ("jumpReason", "主体结构集中施工"), ("progressText", "主体封顶")])
            #expect(october.status == .seeOther)

            let listed = try await client.send(.get, "/api/v1/projects/\(id)/reports", as: secretary)
            expectDocumented(listed, .apiProjectReports)
            let reports = (listed.json as? [[String: Any]]) ?? []
            #expect(reports.map { $0["month"] as? String } == ["2026-09", "2026-10"])
            #expect(reports.last?["yearDispatch"] as? Int == 31_000_000 && reports.last?["yearStatistical"] as? Int == 4_500_000)
            #expect(reports.last?["sinceStartDispatch"] as? Int == 31_000_000)

            // The secretary may not review, nor report for a project outside the seat.
            let octoberId = try #require(reports.last?["id"] as? Int)
            #expect(try await client.send(.post, "/reports/\(octoberId)/review", as: secretary,
                                          form: [("decision", "accept"), ("version", "1")]).status == .forbidden)
            #expect(try await client.send(.post, "/projects/\(other)/reports", as: secretary,
                                          form: [("month", "2026-10"), ("dispatchWan", "1")]).status == .notFound)

            // The centre's board for October: one sent late, one missing (due 11-05, today 11-23).
            let center = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let board = try await client.send(.get, "/api/v1/reports?month=2026-10", as: center)
            expectDocumented(board, .apiReportsBoard)
            #expect(board.object["counts"] as? [String: Int] == ["submittedLate": 1, "missing": 1], "sent on 11-23, after the 11-05 due day")
            let responsible = Dictionary(((board.object["rows"] as? [[String: Any]]) ?? []).map { ($0["projectName"] as? String ?? "", $0["responsible"] as? String ?? "") },
                                         uniquingKeysWith: { first, _ in first })
            #expect(responsible["汽车零部件产业园"]?.hasPrefix("项目秘书") == true && responsible["不归我管的项目"] == "属地 九台区")
            #expect(try await client.send(.get, "/api/v1/reports?month=2026-13", as: center).status == .badRequest)
            let page = try await client.send(.get, "/reports?month=2026-10", as: center)
            #expect(page.text.contains("逾期未报 1") && page.text.contains("不归我管的项目") && page.text.contains("审核通过"))

            let returnedWithout = try await client.send(.post, "/api/v1/reports/\(octoberId)/review", as: center, json: #"{"decision":"return","version":1}"#)
            #expect(returnedWithout.status == .unprocessableContent)
            expectDocumented(returnedWithout, .apiReviewReport)
            let returned = try await client.send(.post, "/api/v1/reports/\(octoberId)/review", as: center,
                                                 json: #"{"decision":"return","comment":"统计口径未填","version":1}"#)
            #expect(returned.status == .ok && returned.object["status"] as? String == "returned")
            expectDocumented(returned, .apiReviewReport)

            let stale = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: secretary,
                                              json: #"{"month":"2026-10","dispatch":25000000,"statistical":20000000,"jumpReason":"主体结构集中施工","version":1}"#)
            #expect(stale.status == .conflict)
            expectDocumented(stale, .apiSubmitReport)
            let again = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: secretary,
                                              json: #"{"month":"2026-10","dispatch":25000000,"statistical":20000000,"jumpReason":"主体结构集中施工","version":2}"#)
            #expect(again.status == .ok && again.object["status"] as? String == "submitted")
            expectDocumented(again, .apiSubmitReport)

            let accepted = try await client.send(.post, "/reports/\(octoberId)/review", as: center,
                                                 form: [("decision", "accept"), ("version", "3"), ("back", "board")])
            #expect(accepted.status == .seeOther && accepted.location == "/reports?month=2026-10&notice=saved")
            let locked = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: secretary,
                                               json: #"{"month":"2026-10","dispatch":1,"version":4}"#)
            #expect(locked.status == .unprocessableContent && locked.text.contains("已审核通过"))

            var query = AuditQuery()
            query.entity = "monthly_report"
            let actions = try await fixture.services.audit.search(query).entries.map(\.action)
            #expect(actions.sorted() == ["accept", "resubmit", "return", "submit", "submit"])
        }
    }
}

@Suite("Monthly report grid")
struct ReportGridTests {
    @Test("a region fills the month for all its projects at once; one bad row stops all unless the valid rows are kept", arguments: allEngines)
    func grid(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            var ids: [Int64] = []
            for index in 1...3 { ids.append(try await ReportWebTests.building(fixture, name: "朝阳区在建项目\(index)")) }
            let outside = try await ReportWebTests.building(fixture, name: "九台区在建项目", region: "220113")
            let region = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))

            let page = try await client.send(.get, "/reports/grid?month=2026-10", as: region)
            #expect(page.status == .ok && page.text.contains("朝阳区在建项目3") && !page.text.contains("九台区在建项目"))

            var form: [(String, String)] = [("month", "2026-10")]
            form += [("d\(ids[0])", "120"), ("p\(ids[0])", "40"), ("d\(ids[1])", "abc"), ("d\(ids[2])", "80"), ("d\(outside)", "99")]
            let refused = try await client.send(.post, "/reports/grid", as: region, form: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("1 个项目的数据有误") && refused.text.contains(#"value="abc""#) && refused.text.contains("只保存无误的行"))
            for id in ids + [outside] { #expect(try await fixture.services.reports.reports(projectId: id).isEmpty) }

            let kept = try await client.send(.post, "/reports/grid", as: region, form: form + [("keepValid", "1")])
            #expect(kept.status == .unprocessableContent && kept.text.contains("已保存 2 个项目"))
            #expect(try await fixture.services.reports.reports(projectId: ids[0]).first?.figures.progressPercent == 40)
            #expect(try await fixture.services.reports.reports(projectId: ids[1]).isEmpty)
            #expect(try await fixture.services.reports.reports(projectId: outside).isEmpty, "a row outside the caller's scope is ignored")

            // The second pass carries the versions of the saved rows and fixes the bad one.
            let versions = try await fixture.services.reports.reports(month: Month(year: 2026, month: 10)!, scope: .everything)
            // As the browser sends it: every saved row again with its values and version.
            var fixed: [(String, String)] = [("month", "2026-10"), ("d\(ids[1])", "60"), ("p\(ids[0])", "40")]
            for report in versions { fixed += [("d\(report.projectId)", report.figures.dispatch.exactWanText), ("v\(report.projectId)", String(report.version))] }
            let saved = try await client.send(.post, "/reports/grid", as: region, form: fixed)
            #expect(saved.status == .seeOther && saved.location == "/reports/grid?month=2026-10&notice=saved")
            let after = try await fixture.services.reports.reports(month: Month(year: 2026, month: 10)!, scope: .everything)
            #expect(after.count == 3)
            #expect(after.filter { $0.projectId != ids[1] }.allSatisfy { $0.version == 1 }, "rows sent again unchanged are not submitted again")

            let empty = try await client.send(.post, "/reports/grid", as: region, form: [("month", "2026-10")])
            #expect(empty.location == "/reports/grid?month=2026-10&notice=empty")
        }
    }
}

@Suite("Statistics inclusion")
struct InclusionTests {
    @Test("started projects wait for admission, statistics staff record it with its own dates, the quarter's candidates are listed", arguments: allEngines)
    func inclusion(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let started = try await ReportWebTests.building(fixture, name: "已开工的产业项目")
            var input = ProjectInput()
            input.name = "计划年底开工的项目"
            input.regionCode = "220104"
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "30000"
            input.ownerName = "长春某公司"
            input.plannedStart = "2026-12-20"
            let planned = try await fixture.services.projects.create(input, stage: .approval, allowed: .everything, actor: .system("test"),
                                                                     catalog: fixture.services.catalog(), today: webToday, now: webNow).id
            let statistics = try await fixture.signedIn(as: "tongji", roles: [.statistics], unit: OrgUnit(kind: .region, code: "220104"))

            let lists = try await client.send(.get, "/api/v1/stats/inclusion", as: statistics)
            expectDocumented(lists, .apiStatsInclusion)
            let waiting = (lists.object["startedNotAdmitted"] as? [[String: Any]]) ?? []
            #expect(waiting.map { $0["projectId"] as? Int } == [Int(started)])
            #expect(waiting.first?["daysSinceStart"] as? Int == 197 && waiting.first?["overdue"] as? Bool == true, "2026-05-10 to 2026-11-23")
            #expect(((lists.object["quarterCandidates"] as? [[String: Any]]) ?? []).compactMap { $0["projectId"] as? Int } == [Int(started), Int(planned)])

            let refused = try await client.send(.post, "/projects/\(started)/stats-inclusion", as: statistics,
                                                form: [("admittedOn", "2026-05-01"), ("firstReportedMonth", "2026-04")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("不能早于实际开工日期") && refused.text.contains("不能早于入库月份"))
            let notStarted = try await client.send(.post, "/api/v1/projects/\(planned)/stats-inclusion", as: statistics, json: #"{"admittedOn":"2026-11-20"}"#)
            #expect(notStarted.status == .unprocessableContent)
            expectDocumented(notStarted, .apiRecordInclusion)
            #expect(try await fixture.services.inclusions.inclusion(projectId: started) == nil)

            let recorded = try await client.send(.post, "/projects/\(started)/stats-inclusion", as: statistics,
                                                 form: [("admittedOn", "2026-11-20"), ("firstReportedMonth", "2026-11")])
            #expect(recorded.status == .seeOther)
            let corrected = try await client.send(.post, "/api/v1/projects/\(started)/stats-inclusion", as: statistics,
                                                  json: #"{"admittedOn":"2026-11-18","firstReportedMonth":"2026-11","note":"统计局通知更正","version":1}"#)
            #expect(corrected.status == .ok && corrected.object["version"] as? Int == 2)
            expectDocumented(corrected, .apiRecordInclusion)
            let stale = try await client.send(.post, "/api/v1/projects/\(started)/stats-inclusion", as: statistics, json: #"{"admittedOn":"2026-11-18","version":1}"#)
            #expect(stale.status == .conflict)

            let after = try await client.send(.get, "/api/v1/stats/inclusion", as: statistics)
            #expect((after.object["startedNotAdmitted"] as? [Any])?.isEmpty == true)
            #expect(((after.object["admittedThisMonth"] as? [[String: Any]]) ?? []).first?["admittedOn"] as? String == "2026-11-18")
            let page = try await client.send(.get, "/stats", as: statistics)
            #expect(page.text.contains("本月入库（1）") && page.text.contains("计划年底开工的项目"))

            let department = try await fixture.signedIn(as: "gxj", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            #expect(try await client.send(.post, "/projects/\(started)/stats-inclusion", as: department, form: [("admittedOn", "2026-11-20")]).status == .forbidden)
        }
    }
}

@Suite("Month-end close")
struct MonthCloseTests {
    @Test("closing freezes the month; later changes are corrections with a reason beside the snapshot; re-opening is the administrator's", arguments: allEngines)
    func close(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "关账测试项目")
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-10"), ("dispatchWan", "300")])
            let center = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))

            let early = try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-11"}"#)
            #expect(early.status == .unprocessableContent && early.text.contains("尚未结束"))
            expectDocumented(early, .apiCloseMonth)
            let closed = try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-10"}"#)
            #expect(closed.status == .ok)
            expectDocumented(closed, .apiCloseMonth)
            #expect(try await client.send(.post, "/api/v1/reports/close", as: center, json: #"{"month":"2026-10"}"#).status == .unprocessableContent)

            // A change to the closed month needs a reason and is kept as a correction; the board keeps the snapshot.
            let report = try #require(try await fixture.services.reports.reports(projectId: id).first)
            let noReason = try await client.send(.post, "/projects/\(id)/reports", as: fixture,
                                                 form: [("month", "2026-10"), ("dispatchWan", "350"), ("version", String(report.version))])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("更正原因"))
            let corrected = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [
                ("month", "2026-10"), ("dispatchWan", "350"), ("version", String(report.version)), ("correctionReason", "漏报设备款"),
            ])
            #expect(corrected.status == .seeOther)
            let board = try await client.send(.get, "/api/v1/reports?month=2026-10", as: center)
            expectDocumented(board, .apiReportsBoard)
            #expect(board.object["closedAt"] is String)
            #expect(((board.object["rows"] as? [[String: Any]]) ?? []).first?["dispatch"] as? Int == 3_000_000, "the snapshot, not the corrected figure")
            let corrections = (board.object["corrections"] as? [[String: Any]]) ?? []
            #expect(corrections.count == 1 && corrections.first?["dispatchBefore"] as? Int == 3_000_000 && corrections.first?["dispatchAfter"] as? Int == 3_500_000)
            #expect(corrections.first?["reason"] as? String == "漏报设备款")
            #expect(try await fixture.services.reports.reports(projectId: id).first?.figures.dispatch == .wan(350), "the live report carries the correction")
            let page = try await client.send(.get, "/reports?month=2026-10", as: center)
            #expect(page.text.contains("已关账") && page.text.contains("漏报设备款") && !page.text.contains("重新开账"))
            let targets = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: center)
            let fai = ((targets.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
            #expect(fai?["actual"] as? Double == 3_000_000, "targets read a closed month as it was closed")

            // Re-opening: not the centre; the administrator, with a reason; then the month takes a new snapshot at the next close.
            #expect(try await client.send(.post, "/reports/reopen", as: center, form: [("month", "2026-10"), ("reason", "数据有误")]).status == .forbidden)
            let noWhy = try await client.send(.post, "/api/v1/reports/reopen", as: fixture, json: #"{"month":"2026-10"}"#)
            #expect(noWhy.status == .unprocessableContent)
            let reopened = try await client.send(.post, "/reports/reopen", as: fixture, form: [("month", "2026-10"), ("reason", "统计局反馈需重报")])
            #expect(reopened.status == .seeOther)
            let open = try await client.send(.get, "/api/v1/reports?month=2026-10", as: center)
            #expect(open.object["closedAt"] is NSNull && ((open.object["rows"] as? [[String: Any]]) ?? []).first?["dispatch"] as? Int == 3_500_000)
            var query = AuditQuery()
            query.entity = "month_close"
            #expect(try await fixture.services.audit.search(query).entries.map(\.action).sorted() == ["close", "reopen"])
        }
    }
}

@Suite("Annual plans")
struct AnnualPlanTests {
    @Test("a year's plan: within the total, dates in order, the right nature; progress against it on the tab", arguments: allEngines)
    func plans(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "年度计划测试项目")
            let refused = try await client.send(.post, "/projects/\(id)/plans", as: fixture, form: [
                ("year", "2026"), ("plannedInvestmentWan", "20000"), ("nature", "newStart"), ("plannedStart", "2026-09-01"), ("plannedCompletion", "2026-03-01"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("超过项目总投资") && refused.text.contains("竣工"))
            let started = try await client.send(.post, "/api/v1/projects/\(id)/plans", as: fixture,
                                                json: #"{"year":2027,"plannedInvestment":30000000,"nature":"newStart"}"#)
            #expect(started.status == .unprocessableContent && started.text.contains("本年度应为续建"))
            expectDocumented(started, .apiSaveProjectPlan)

            let saved = try await client.send(.post, "/projects/\(id)/plans", as: fixture, form: [
                ("year", "2026"), ("plannedInvestmentWan", "4000"), ("nature", "newStart"), ("inStartList", "1"), ("campaign", "2026年春季集中开工"),
            ])
            #expect(saved.status == .seeOther)
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-10"), ("dispatchWan", "1000")])
            let tab = try await client.send(.get, "/projects/\(id)/reports?year=2026", as: fixture)
            #expect(tab.text.contains("年度计划投资 4,000.00 万元（新建，列入开复工清单，2026年春季集中开工）") && tab.text.contains("为年度计划的 25.0%"))

            let stale = try await client.send(.post, "/api/v1/projects/\(id)/plans", as: fixture,
                                              json: #"{"year":2026,"plannedInvestment":50000000,"nature":"newStart"}"#)
            #expect(stale.status == .conflict)
            let updated = try await client.send(.post, "/api/v1/projects/\(id)/plans", as: fixture,
                                                json: #"{"year":2026,"plannedInvestment":50000000,"nature":"newStart","inStartList":true,"version":1}"#)
            #expect(updated.status == .ok && updated.object["version"] as? Int == 2)
            expectDocumented(updated, .apiSaveProjectPlan)
            let listed = try await client.send(.get, "/api/v1/projects/\(id)/plans", as: fixture)
            expectDocumented(listed, .apiProjectPlans)
            #expect((listed.json as? [[String: Any]])?.first?["plannedInvestment"] as? Int == 50_000_000)
        }
    }
}

@Suite("Targets on the web")
struct TargetWebTests {
    @Test("the centre sets a region's targets; the page and API read actuals against time progress within the caller's scope", arguments: allEngines)
    func targets(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "朝阳区目标测试项目")
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-09"), ("dispatchWan", "600")])
            _ = try await client.send(.post, "/projects/\(id)/reports", as: fixture, form: [("month", "2026-10"), ("dispatchWan", "900")])
            let center = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))

            let bad = try await client.send(.post, "/api/v1/targets", as: center, json: #"{"unit":"region:220104","year":2026,"indicator":"NOPE","value":-1,"curve":"spiral"}"#)
            #expect(bad.status == .unprocessableContent)
            expectDocumented(bad, .apiSetTarget)
            let set = try await client.send(.post, "/targets", as: center, form: [
                ("unit", "region:220104"), ("year", "2026"), ("indicator", "FAI_TOTAL"), ("value", "2000"), ("curve", "linear"), ("month", "2026-10"),
            ])
            #expect(set.status == .seeOther && set.location == "/targets?unit=region%3A220104&month=2026-10&notice=saved")

            let api = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: center)
            expectDocumented(api, .apiTargets)
            let fai = ((api.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
            #expect(fai?["actual"] as? Double == 15_000_000 && fai?["completionPercent"] as? Double == 75)
            #expect((fai?["bulletin"] as? String)?.hasPrefix("为年度计划的 75.0%，落后时间进度 8.3 个百分点") == true)
            let page = try await client.send(.get, "/targets?unit=region:220104&month=2026-10", as: center)
            #expect(page.text.contains("朝阳区 2026年10月目标与序时进度") && page.text.contains("为年度计划的 75.0%"))

            // A region elsewhere sees none of 朝阳区's projects in its figures, and may not set targets.
            let jiutai = try await fixture.signedIn(as: "jiutai", roles: [.region], unit: OrgUnit(kind: .region, code: "220113"))
            let outside = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-10", as: jiutai)
            #expect(((outside.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }?["actual"] as? Double == 0)
            #expect(try await client.send(.post, "/api/v1/targets", as: jiutai,
                                          json: #"{"unit":"region:220113","year":2026,"indicator":"FAI_TOTAL","value":1}"#).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/targets?unit=planet:1", as: center).status == .badRequest)
        }
    }
}

@Suite("Site photos")
struct PhotoTests {
    @Test("photos are uploaded from the form or the API, kept once by content, and served only within scope", arguments: allEngines)
    func photos(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "照片测试项目")
            let notImage = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                          file: ("photo", "说明.txt", Array("这不是照片".utf8)))
            #expect(notImage.status == .unprocessableContent && notImage.text.contains("只接受 JPEG、PNG 或 WebP"))
            let tooBig = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                        file: ("photo", "大.png", tinyPNG + [UInt8](repeating: 0, count: 300 * 1024)))
            #expect(tooBig.status == .contentTooLarge)
            let noToken = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                         file: ("photo", "工地.png", tinyPNG), csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(try await fixture.services.attachments.attachments(projectId: id).isEmpty)

            let uploaded = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                          file: ("photo", "工地 10月.png", tinyPNG))
            #expect(uploaded.status == .seeOther)
            let api = try await client.sendImage("/api/v1/projects/\(id)/photos?month=2026-09&name=base.png", as: fixture, bytes: tinyPNG)
            #expect(api.status == .created)
            expectDocumented(api, .apiUploadPhoto)
            #expect(try await client.sendImage("/api/v1/projects/\(id)/photos?month=2026-09", as: fixture, bytes: tinyPNG, contentType: "text/plain").status
                    == .unsupportedMediaType)

            let listed = try await client.send(.get, "/api/v1/projects/\(id)/photos", as: fixture)
            expectDocumented(listed, .apiProjectPhotos)
            let photos = (listed.json as? [[String: Any]]) ?? []
            #expect(photos.map { $0["month"] as? String } == ["2026-10", "2026-09"] && photos.first?["name"] as? String == "工地 10月.png")
            let url = try #require(photos.first?["url"] as? String)
            let image = try await client.send(.get, url, as: fixture)
            #expect(image.status == .ok && image.headers[.contentType] == "image/png" && Array(image.body.readableBytesView) == tinyPNG)
            let tab = try await client.send(.get, "/projects/\(id)/reports?year=2026", as: fixture)
            #expect(tab.text.contains("现场照片（2）") && tab.text.contains(#"<img src="\#(url)""#))
            // Same bytes twice: two records, one file.
            let files = try FileManager.default.subpathsOfDirectory(atPath: fixture.services.settings.attachmentsDirectory).filter { $0.count > 60 }
            #expect(files.count == 1)

            let jiutai = try await fixture.signedIn(as: "jiutai", roles: [.region], unit: OrgUnit(kind: .region, code: "220113"))
            #expect(try await client.send(.get, url, as: jiutai).status == .notFound)
            #expect(try await client.send(.get, url, as: fixture, signedIn: false).status != .ok)
        }
    }
}
