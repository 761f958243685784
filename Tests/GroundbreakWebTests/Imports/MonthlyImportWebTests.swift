import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Monthly figures import", .serialized)
struct MonthlyImportWebTests {
    /// A project under construction since May 2026, 1亿 in total, with a project code.
    static func building(_ fixture: WebFixture, name: String, code: String?, region: String = "220104") async throws -> Project {
        var input = sampleProject(name, region: region)
        input.code = code ?? ""
        input.actualStart = "2026-05-10"
        return try await fixture.services.projects.create(input, stage: .construction, allowed: .everything, actor: .system("test"),
                                                          catalog: fixture.services.catalog(), today: webToday, now: webNow)
    }

    static func csv(_ rows: [[String]]) -> [UInt8] { Array(rows.map { CSV.line($0) }.joined().utf8) }

    static let header = ["序号", "投资项目统一代码", "项目名称", "月份", "当月完成投资（调度口径，万元）", "当月完成投资（统计口径，万元）", "形象进度", "形象进度（%）",
                         "用工人数", "大幅波动说明"]

    static func commit(_ client: any TestClientProtocol, _ fixture: WebFixture, after page: TestResponse) async throws -> TestResponse {
        try await client.send(.post, "/imports/commit", as: fixture, form: [
            ("sha256", try #require(hiddenField("sha256", in: page.text))), ("fileName", try #require(hiddenField("fileName", in: page.text))),
            ("kind", try #require(hiddenField("kind", in: page.text))), ("signature", try #require(hiddenField("signature", in: page.text))),
        ])
    }

    @Test("several months of several projects: checked like the form, refused whole on any problem, written in month order", arguments: allEngines)
    func months(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let plant = try await Self.building(fixture, name: "汽车零部件产业园", code: "2605-220104-89-01-100001")
            let depot = try await Self.building(fixture, name: "智慧物流中心", code: nil)
            let chaoyang = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            var rows = [["2026年重大项目月度完成投资"], ["单位：万元"], Self.header,
                        ["1", "2605-220104-89-01-100001", "", "2026.8", "500", "", "基础施工", "10", "120", ""],
                        ["2", "2605-220104-89-01-100001", "", "2026年9月", "600", "450", "主体施工", "30%", "150", ""],
                        ["3", "2605-220104-89-01-100001", "", "202610", "2500", "", "主体封顶", "0.5", "", ""],
                        ["4", "", "智慧物流中心", "2026-10", "0.02亿", "", "", "", "", ""],
                        ["5", "", "没有这个项目", "2026-10", "100", "", "", "", "", ""],
                        ["", "", "合计", "", "3800", "450", "", "", "", ""]]
            let refused = try await client.sendMultipart("/imports", as: chaoyang, fields: [("kind", "monthly")], file: ("file", "十月.csv", Self.csv(rows)))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("第 6 行 J 列（大幅波动说明）"), "October jumps against the file's own September")
            #expect(refused.text.contains("系统中没有代码或名称为“没有这个项目”的项目"))
            #expect(refused.text.contains("合计或小计行") && !refused.text.contains("确认导入"))
            #expect(try await fixture.services.reports.reports(projectId: plant.id).isEmpty, "a preview writes nothing")

            rows[5][9] = "主体结构集中施工"
            rows.remove(at: 7)
            let clean = try await client.sendMultipart("/imports", as: chaoyang, fields: [("kind", "monthly")], file: ("file", "十月.csv", Self.csv(rows)))
            #expect(clean.status == .ok, "\(clean.text.prefix(800))")
            #expect(clean.text.contains("新增 4 条") && clean.text.contains("月度数据导入预览"))
            #expect(clean.text.contains("汽车零部件产业园（2026年9月）"))
            let done = try await Self.commit(client, chaoyang, after: clean)
            #expect(done.status == .seeOther)

            let reports = try await fixture.services.reports.reports(projectId: plant.id)
            #expect(reports.map(\.month.iso) == ["2026-08", "2026-09", "2026-10"])
            #expect(reports[1].figures == MonthlyFigures(dispatch: .wan(600), statistical: .wan(450), progressText: "主体施工", progressPercent: 30, jobs: 150))
            #expect(reports[2].figures.progressPercent == 50 && reports[2].figures.jumpReason == "主体结构集中施工")
            #expect(reports.allSatisfy { $0.status == .submitted && $0.submittedBy == "chaoyang" })
            #expect(try await fixture.services.reports.reports(projectId: depot.id).first?.figures.dispatch == .wan(200), "0.02亿 is 200万元")
            let audit = try await fixture.services.audit.entries(entity: "monthly_report", entityId: String(reports[0].id))
            #expect(audit.first?.reason == "导入：十月.csv")
            for report in reports {
                let trail = try await fixture.services.audit.entries(entity: "monthly_report", entityId: String(report.id))
                #expect(trail.count == 1 && trail.first?.action == "submit" && trail.first?.afterJSON?.contains("\"id\":\(report.id),") == true,
                        "each written report has its own audit row, with what was stored")
            }
            let record = try #require(try await fixture.services.imports.recent(reach: .everything).first)
            #expect(record.kind == .monthly && record.created == 4 && record.skipped == 1)
            #expect(try await client.send(.get, "/imports", as: chaoyang).text.contains("月度数据"))

            let again = try await client.sendMultipart("/imports", as: chaoyang, fields: [("kind", "monthly")], file: ("file", "十月.csv", Self.csv(rows)))
            #expect(again.text.contains("无变化 4 条") && !again.text.contains("确认导入"))
        }
    }

    @Test("changes to sent months: accepted ones refused, closed ones need a reason, a change meanwhile stops the commit", arguments: allEngines)
    func changes(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let plant = try await Self.building(fixture, name: "汽车零部件产业园", code: "2605-220104-89-01-100001")
            let rules = fixture.services.reportRules
            for (month, wan) in [("2026-08", 500), ("2026-09", 600), ("2026-10", 700)] {
                _ = try await fixture.services.reports.submit(project: plant, month: try #require(Month.parse(month)), figures: MonthlyFigures(dispatch: .wan(Int64(wan))),
                                                              expectedVersion: nil, rules: rules, actor: .system("test"), today: webToday, now: webNow)
            }
            let stored = try await fixture.services.reports.reports(projectId: plant.id)
            _ = try await fixture.services.reports.review(id: stored[0].id, accept: true, comment: "", expectedVersion: stored[0].version, actor: .system("centre"), now: webNow)
            _ = try await MonthCloseRepository(database: fixture.services.database).close(month: try #require(Month.parse("2026-09")), actor: .system("centre"), today: webToday, now: webNow)

            let code = "2605-220104-89-01-100001"
            let header = ["投资项目统一代码", "月份", "当月完成投资（调度口径，万元）", "当月完成投资（统计口径，万元）", "更正原因"]
            let file = Self.csv([header, [code, "2026-08", "550", "", ""], [code, "2026-09", "600", "580", ""], [code, "2026-10", "700", "690", ""]])
            let preview = try await client.sendImage("/api/v1/imports/monthly?fileName=m.csv", as: fixture, bytes: file, contentType: "text/csv")
            expectDocumented(preview, ImportsEndpoints.apiImportMonthly)
            let problems = (preview.object["problems"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(problems.contains { $0.contains("已审核通过") }, "\(problems)")
            #expect(problems.contains { $0.contains("已关账") }, "\(problems)")
            #expect(problems.count == 2)

            let fixed = Self.csv([header, [code, "2026-09", "600", "580", "统计局反馈核定数"], [code, "2026-10", "700", "690", ""]])
            let page = try await client.sendMultipart("/imports", as: fixture, fields: [("kind", "monthly")], file: ("file", "m.csv", fixed))
            #expect(page.status == .ok && page.text.contains("更新 2 条") && page.text.contains("修改：统计口径"))
            // The October report is sent again from the form between the preview and the commit.
            let october = try #require(try await fixture.services.reports.reports(projectId: plant.id).first { $0.month.iso == "2026-10" })
            _ = try await fixture.services.reports.submit(project: plant, month: october.month, figures: MonthlyFigures(dispatch: .wan(720)),
                                                          expectedVersion: october.version, rules: rules, actor: .system("test"), today: webToday, now: webNow)
            let auditBefore = try await fixture.services.audit.count()
            let stale = try await Self.commit(client, fixture, after: page)
            #expect(stale.status == .conflict && stale.text.contains("数据已有变化"))
            #expect(try await fixture.services.audit.count() == auditBefore, "no audit row of the refused file is left")
            #expect(try await fixture.services.reports.reports(projectId: plant.id).first { $0.month.iso == "2026-09" }?.figures.statistical == nil,
                    "nothing of the file was written")

            let done = try await Self.commit(client, fixture, after: stale)
            #expect(done.status == .seeOther)
            let after = try await fixture.services.reports.reports(projectId: plant.id)
            #expect(after.map { $0.figures.statistical } == [nil, .wan(580), .wan(690)])
            #expect(after[2].figures.dispatch == .wan(700), "the file's figure replaced the one sent meanwhile, after the user saw the fresh preview")
            let corrections = try await MonthCloseRepository(database: fixture.services.database).corrections(month: try #require(Month.parse("2026-09")))
            #expect(corrections.map(\.reason) == ["统计局反馈核定数"])
        }
    }

    @Test("checked against the stored months the file does not name, at the preview and again at the commit", arguments: allEngines)
    func storedHistory(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let code = "2605-220104-89-01-100001"
            let plant = try await Self.building(fixture, name: "汽车零部件产业园", code: code)
            let rules = fixture.services.reportRules
            for (month, wan) in [("2026-08", 500), ("2026-09", 600)] {
                _ = try await fixture.services.reports.submit(project: plant, month: try #require(Month.parse(month)), figures: MonthlyFigures(dispatch: .wan(Int64(wan))),
                                                              expectedVersion: nil, rules: rules, actor: .system("test"), today: webToday, now: webNow)
            }
            let header = ["投资项目统一代码", "月份", "当月完成投资（调度口径，万元）", "大幅波动说明"]
            func problems(_ rows: [[String]]) async throws -> [String] {
                let preview = try await client.sendImage("/api/v1/imports/monthly?fileName=m.csv", as: fixture, bytes: Self.csv([header] + rows), contentType: "text/csv")
                return (preview.object["problems"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            }
            let jump = try await problems([[code, "2026-10", "2500", ""]])
            #expect(jump.count == 1 && jump[0].contains("本月完成投资超过上月（600.00 万元）的 3 倍"), "October jumps against the stored September: \(jump)")
            let above = try await problems([[code, "2026-10", "9000", "集中施工"]])
            #expect(above.count == 1 && above[0].contains("自开工累计 10100.00 万元，超过总投资 10000.00 万元"),
                    "the stored August and September count toward the running total: \(above)")
            #expect(try await problems([[code, "2026-09", "100", ""], [code, "2026-10", "9000", "集中施工"]]).isEmpty,
                    "a month the file names counts with the file's figure, not the stored one")

            let file = Self.csv([header, [code, "2026-10", "2500", "集中施工"]])
            let page = try await client.sendMultipart("/imports", as: fixture, fields: [("kind", "monthly")], file: ("file", "m.csv", file))
            #expect(page.status == .ok && page.text.contains("新增 1 条"), "\(page.text.prefix(600))")
            // August is raised from the form between the preview and the commit: October would now
            // take the running total past the total investment.
            let august = try #require(try await fixture.services.reports.reports(projectId: plant.id).first)
            _ = try await fixture.services.reports.submit(project: plant, month: august.month, figures: MonthlyFigures(dispatch: .wan(7000)),
                                                          expectedVersion: august.version, rules: rules, actor: .system("test"), today: webToday, now: webNow)
            let refused = try await Self.commit(client, fixture, after: page)
            #expect(refused.status != .seeOther && refused.text.contains("自开工累计 10100.00 万元"), "\(refused.status) \(refused.text.prefix(600))")
            #expect(try await fixture.services.reports.reports(projectId: plant.id).map(\.month.iso) == ["2026-08", "2026-09"], "nothing of the file was written")
        }
    }

    @Test("a region imports only its own projects' months; projects it cannot see are not found")
    func scope() async throws {
        try await withWeb { fixture, client in
            _ = try await Self.building(fixture, name: "九台项目", code: "2605-220113-89-01-100002", region: "220113")
            let chaoyang = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let file = Self.csv([["项目名称", "月份", "调度口径"], ["九台项目", "2026-10", "100"]])
            let answer = try await client.sendImage("/api/v1/imports/monthly?fileName=m.csv&commit=true", as: chaoyang, bytes: file, contentType: "text/csv")
            #expect(answer.status == .unprocessableContent)
            #expect(answer.text.contains("系统中没有代码或名称为“九台项目”的项目"))
            let noMonth = try await client.sendImage("/api/v1/imports/monthly", as: fixture, bytes: Self.csv([["项目名称", "调度口径"], ["九台项目", "100"]]),
                                                     contentType: "text/csv")
            #expect(noMonth.text.contains("缺少必需的列：月份"))
            let centre = try await client.sendImage("/api/v1/imports/monthly?fileName=m.csv&commit=true", as: fixture, bytes: file, contentType: "text/csv")
            #expect(centre.status == .created, "\(centre.text.prefix(400))")
            #expect(centre.object["kind"] as? String == "monthly")
        }
    }
}
