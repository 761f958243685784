import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Where tests write files a person may want to look at (screenshots); ignored by git.
let testOutputDirectory = packageRoot().appendingPathComponent("test-output").path

@Suite("Browser smoke test")
struct BrowserSmokeTests {
    @Test("sign in, filter the ledger, open a project — in headless Chromium")
    func ledgerInBrowser() async throws {
        if !WebDriver.isAvailable && !WebDriver.isRequired {
            try Test.cancel("跳过：本机没有 Chromium/chromedriver（Debian 包 chromium、chromium-driver）。CI 设置 GROUNDBREAK_REQUIRE_BROWSER=1 时会失败而不是跳过。")
        }
        try await withTestStore(.sqlite) { store in
            _ = try await DemoLoader(database: store.database).load(count: 200, today: SystemWallClock().today(), actor: .system("test"))
            var settings = AppSettings()
            settings.bcryptCost = 4
            let services = try await AppServices(settings: settings, database: store.database)
            let hash = try await Passwords.hash("Browser#2026", cost: 4)
            _ = try await services.users.create(username: "browser", settings: AccountSettings(displayName: "浏览器测试员", roles: [.center],
                                                 unit: OrgUnit(kind: .department, code: "CC-XMZX"), positionId: nil),
                                                 passwordHash: hash, mustChangePassword: false, actor: .system("test"))
            let app = Application(router: GroundbreakApplication.router(services: services),
                                  configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let base = "http://127.0.0.1:\(port)"
                let driver = try await WebDriver.start(logPath: testOutputDirectory + "/browser/chromedriver.log")
                let shots = testOutputDirectory + "/browser"
                do {
                    try await Self.walkThrough(driver, base: base, shots: shots)
                    await driver.stop()
                } catch {
                    try? await driver.screenshot(to: shots + "/failure.png")
                    await driver.stop()
                    throw error
                }
            }
        }
    }

    static func walkThrough(_ driver: WebDriver, base: String, shots: String) async throws {

                try await driver.open(base + "/projects")
                try await driver.waitUntil { try await driver.currentURL().contains("/login") }
                try await driver.type("#f-username", "browser")
                try await driver.type("#f-password", "Browser#2026")
                try await driver.click("form button[type=submit]:not(.link-button)")
                try await driver.waitUntil { try await driver.title().hasPrefix("项目台账") }
                try await driver.screenshot(to: shots + "/1-ledger.png")
                let allTotal = try await driver.text("tfoot th")
                #expect(allTotal.contains("200 个项目"))

                try await driver.select("#f-region", value: "220113")
                try await driver.click(".filter-actions button[type=submit]")
                try await driver.waitUntil { try await driver.currentURL().contains("region=220113") }
                let regionCells = try await driver.findAll("table.ledger tbody tr td:nth-child(4)")
                #expect(!regionCells.isEmpty)
                for cell in regionCells.prefix(10) {
                    #expect(try await driver.text(ofElement: cell).hasPrefix("九台区"))
                }
                try await driver.screenshot(to: shots + "/2-filtered.png")

                let name = try await driver.text("table.ledger tbody tr td.name a")
                try await driver.click("table.ledger tbody tr td.name a")
                try await driver.waitUntil { try await driver.currentURL().contains("/projects/") }
                #expect(try await driver.text("h1") == name)
                try await driver.screenshot(to: shots + "/3-project.png")
                #expect(FileManager.default.fileExists(atPath: shots + "/3-project.png"))

                try await driver.open(base + "/audit")
                try await driver.waitUntil { try await driver.title().hasPrefix("审计日志") }
                #expect(try await driver.text("table.ledger tbody").contains("登录"))
                try await driver.screenshot(to: shots + "/4-audit.png")

                try await driver.open(base + "/approvals/analytics")
                try await driver.waitUntil { try await driver.title().hasPrefix("审批效能分析") }
                #expect(!(try await driver.findAll("svg.chart rect")).isEmpty)
                try await driver.screenshot(to: shots + "/5-approval-analytics.png")

                // From the queue to a project's approvals; record a correction through the event form.
                try await driver.open(base + "/approvals")
                try await driver.waitUntil { try await driver.title().hasPrefix("审批事项") }
                try await driver.click("table.ledger tbody tr td.name a")
                try await driver.waitUntil { try await driver.title().hasPrefix("审批进度") }
                try await driver.click("tr.event-row details summary")
                try await driver.select("tr.event-row details[open] select[name=kind]", value: "correct")
                try await driver.type("tr.event-row details[open] input[name=reason]", "浏览器核对日期")
                try await driver.click("tr.event-row details[open] button[type=submit]")
                try await driver.waitUntil { try await driver.currentURL().contains("notice=saved") }
                try await driver.click("tr.event-row details summary")
                #expect(try await driver.text("tr.event-row details[open] ol.timeline").contains("浏览器核对日期"))
                try await driver.screenshot(to: shots + "/6-project-approvals.png")

                // Last month's reporting board, then the grid to fill it.
                try await driver.open(base + "/reports")
                try await driver.waitUntil { try await driver.title().hasPrefix("月度填报") }
                #expect(try await driver.text("p.meta").contains("逾期未报"))
                try await driver.screenshot(to: shots + "/7-reports-board.png")
                try await driver.click(".page-head .actions a.button")
                try await driver.waitUntil { try await driver.title().hasPrefix("批量填报") }
                #expect(!(try await driver.findAll("table.grid tbody tr")).isEmpty)
                try await driver.screenshot(to: shots + "/8-reports-grid.png")

                // The problem list with the month's cycle, one problem's history, the meetings with their minutes.
                try await driver.open(base + "/problems?view=all")
                try await driver.waitUntil { try await driver.title().hasPrefix("问题清单") }
                #expect(try await driver.text("section.card h2").hasSuffix("问题清单"))
                try await driver.click("table.ledger tbody tr td.name a")
                try await driver.waitUntil { try await driver.currentURL().contains("/problems/") }
                #expect(try await driver.text("ol.timeline").contains("提出问题"))
                try await driver.screenshot(to: shots + "/9-problem.png")
                try await driver.open(base + "/meetings")
                try await driver.waitUntil { try await driver.title().hasPrefix("会议") }
                try await driver.click("table.ledger tbody tr:last-child td.name a")
                try await driver.waitUntil { try await driver.title().contains("调度会") }
                #expect(try await driver.text("section.card h2") == "会议纪要")
                try await driver.screenshot(to: shots + "/10-meeting.png")
    }
}
