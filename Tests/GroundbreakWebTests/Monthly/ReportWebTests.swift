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
        var input = sampleProject(name, region: region)
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
            expectDocumented(listed, MonthlyEndpoints.apiProjectReports)
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
            expectDocumented(board, MonthlyEndpoints.apiReportsBoard)
            #expect(board.object["counts"] as? [String: Int] == ["submittedLate": 1, "missing": 1], "sent on 11-23, after the 11-05 due day")
            let responsible = Dictionary(((board.object["rows"] as? [[String: Any]]) ?? []).map { ($0["projectName"] as? String ?? "", $0["responsible"] as? String ?? "") },
                                         uniquingKeysWith: { first, _ in first })
            #expect(responsible["汽车零部件产业园"]?.hasPrefix("项目秘书") == true && responsible["不归我管的项目"] == "属地 九台区")
            #expect(try await client.send(.get, "/api/v1/reports?month=2026-13", as: center).status == .badRequest)
            let page = try await client.send(.get, "/reports?month=2026-10", as: center)
            #expect(page.text.contains("逾期未报 1") && page.text.contains("不归我管的项目") && page.text.contains("审核通过"))

            let returnedWithout = try await client.send(.post, "/api/v1/reports/\(octoberId)/review", as: center, json: #"{"decision":"return","version":1}"#)
            #expect(returnedWithout.status == .unprocessableContent)
            expectDocumented(returnedWithout, MonthlyEndpoints.apiReviewReport)
            let returned = try await client.send(.post, "/api/v1/reports/\(octoberId)/review", as: center,
                                                 json: #"{"decision":"return","comment":"统计口径未填","version":1}"#)
            #expect(returned.status == .ok && returned.object["status"] as? String == "returned")
            expectDocumented(returned, MonthlyEndpoints.apiReviewReport)

            let stale = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: secretary,
                                              json: #"{"month":"2026-10","dispatch":25000000,"statistical":20000000,"jumpReason":"主体结构集中施工","version":1}"#)
            #expect(stale.status == .conflict)
            expectDocumented(stale, MonthlyEndpoints.apiSubmitReport)
            let again = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: secretary,
                                              json: #"{"month":"2026-10","dispatch":25000000,"statistical":20000000,"jumpReason":"主体结构集中施工","version":2}"#)
            #expect(again.status == .ok && again.object["status"] as? String == "submitted")
            expectDocumented(again, MonthlyEndpoints.apiSubmitReport)

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
