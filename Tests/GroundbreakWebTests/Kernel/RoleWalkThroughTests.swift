import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Every role's day in headless Chromium, on a desktop (1440 wide) and a phone (390 wide): each
/// signs in, lands on its home and opens the pages its work needs. On the phone no page may be
/// wider than the screen. Screenshots of every home and of the phone pages go to
/// `test-output/roles/`.
@Suite("Each role's pages in a browser, desktop and phone", .serialized)
struct RoleWalkThroughTests {
    struct Reader {
        var role: String
        var username: String
        var pages: [String]
    }

    @Test("every role's pages fit a 390 px phone; homes and pages are photographed at both sizes")
    func walk() async throws {
        if !WebDriver.isAvailable && !WebDriver.isRequired {
            try Test.cancel("跳过：本机没有 Chromium/chromedriver（Debian 包 chromium、chromium-driver）。CI 设置 GROUNDBREAK_REQUIRE_BROWSER=1 时会失败而不是跳过。")
        }
        try await withTestStore(.sqlite) { store in
            let today = SystemWallClock().today()
            _ = try await DemoLoader(database: store.database).load(count: 200, today: today, actor: .system("test"))
            var settings = AppSettings()
            settings.bcryptCost = 4
            let services = try await AppServices(settings: settings, database: store.database)
            let projects = try await services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let secretarySeat = try #require(projects.compactMap(\.fields.secretaryPositionId).first)
            let sponsorSeat = try #require(projects.compactMap(\.fields.sponsorPositionId).first)
            let department = try #require(projects.compactMap(\.fields.leadDepartmentCode).first)
            let region = try #require(projects.first?.fields.regionCode)
            let hash = try await Passwords.hash("Walk#2026", cost: 4)
            let accounts: [(String, Set<Role>, OrgUnit?, Int64?)] = [
                ("centre", [.center], OrgUnit(kind: .department, code: "CC-XMZX"), nil),
                ("department", [.department], OrgUnit(kind: .department, code: department), nil),
                ("region", [.region], OrgUnit(kind: .region, code: region), nil),
                ("secretary", [.secretary], nil, secretarySeat),
                ("sponsor", [.sponsor], nil, sponsorSeat),
                ("supervision", [.supervision], OrgUnit(kind: .department, code: "CC-DCS"), nil),
                ("attraction", [.attraction], OrgUnit(kind: .region, code: region), nil),
            ]
            for (name, roles, unit, seat) in accounts {
                _ = try await services.users.create(username: "walk-\(name)", settings: AccountSettings(displayName: name, roles: roles, unit: unit, positionId: seat),
                                                     passwordHash: hash, mustChangePassword: false, actor: .system("test"))
            }
            let common = ["/", "/projects", "@project", "/problems", "@problem", "/reports", "/notifications", "/targets"]
            let readers = [
                Reader(role: "centre", username: "walk-centre", pages: common + ["/supervision", "/meetings", "/approvals", "/approvals/analytics", "/reports/grid", "/stats", "/imports", "/screen", "/statistics", "/schemes", "/warnings", "/warnings/rules", "/assessment", "/assessment?set=departments", "/bulletins", "/taskforces", "@group", "@ranking", "@dispatch", "/leads", "/leads/activities", "/leads/funds",
                                                                          "/funding", "@funding", "/funding/figures", "/funding/windows", "/funding/new", "/readiness", "/readiness/land-waiting",
                                                                          "@readiness", "/campaigns", "@campaign", "/reserve", "@reserve"]),
                Reader(role: "department", username: "walk-department", pages: common + ["/approvals", "/supervision"]),
                Reader(role: "region", username: "walk-region", pages: common + ["/supervision", "/reports/grid", "/statistics", "/warnings", "/assessment", "/bulletins", "/taskforces", "/leads", "/funding", "@funding", "/funding/figures", "/funding/new", "/funding/import", "/readiness", "/readiness/land-waiting", "/reserve", "/reserve/import", "/campaigns"]),
                Reader(role: "secretary", username: "walk-secretary", pages: common + ["/reports/grid"]),
                Reader(role: "sponsor", username: "walk-sponsor", pages: common + ["/assessment", "/portfolio", "/funding/figures"]),
                Reader(role: "supervision", username: "walk-supervision", pages: ["/", "/supervision", "@item", "/meetings"]),
                Reader(role: "attraction", username: "walk-attraction", pages: ["/", "/leads", "@lead", "/leads/new", "/leads/import", "/leads/activities", "/leads/funds"]),
            ]
            let app = Application(router: GroundbreakApplication.router(services: services), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                let shots = testOutputDirectory + "/roles"
                var overflowing: [String] = []
                for phone in [false, true] {
                    let driver = try await WebDriver.start(logPath: shots + "/chromedriver.log", phone: phone)
                    do {
                        for reader in readers {
                            overflowing += try await Self.walk(reader, driver: driver, base: base, shots: shots, phone: phone)
                        }
                        await driver.stop()
                    } catch {
                        try? await driver.screenshot(to: shots + "/failure.png")
                        await driver.stop()
                        throw error
                    }
                }
                #expect(overflowing.isEmpty, "pages wider than a 390 px phone: \(overflowing)")
            }
        }
    }

    /// Signs in as the reader and opens each page; returns the pages wider than the phone.
    static func walk(_ reader: Reader, driver: WebDriver, base: String, shots: String, phone: Bool) async throws -> [String] {
        let size = phone ? "phone" : "desktop"
        try await driver.clearCookies()
        try await driver.open(base + "/login")
        try await driver.type("#f-username", reader.username)
        try await driver.type("#f-password", "Walk#2026")
        try await driver.click("form button[type=submit]:not(.link-button)")
        try await driver.waitUntil { try await driver.title().hasPrefix(WebText.Home.title) }
        if phone {
            // The measurement means something only if the page really is 390 px wide.
            #expect(try await driver.script("return document.documentElement.clientWidth;") as? Int == 390)
        }
        var wide: [String] = []
        for page in reader.pages {
            var path = page
            if page.hasPrefix("@") {
                // The first row of the list the object lives in.
                // A working group is two rows down: the first task force's first group.
                // A task force's ranking is its first row's address and `/ranking`.
                let list = ["@project": "/projects", "@problem": "/problems?view=all", "@item": "/supervision?all=true", "@group": "/taskforces",
                            "@ranking": "/taskforces", "@dispatch": "/taskforces", "@lead": "/leads", "@funding": "/funding", "@readiness": "/readiness", "@campaign": "/campaigns", "@reserve": "/reserve"][page]!
                path = list
                for _ in 0..<(page == "@group" ? 2 : 1) {
                    try await driver.open(base + path)
                    guard let href = try await driver.script("var a = document.querySelector('td.name a, table.ledger tbody a'); return a ? a.getAttribute('href') : null;") as? String
                    else { break }
                    path = href
                }
                if path == list { continue }
                if page == "@ranking" { path += "/ranking" }
                if page == "@dispatch" { path += "/leads" }
            }
            try await driver.open(base + path)
            try await driver.waitUntil { !(try await driver.title()).isEmpty }
            #expect(!(try await driver.title()).hasPrefix("登录"), "\(reader.role) was sent to sign in from \(path)")
            let name = page == "/" ? "home" : page.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "@", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if phone || page == "/" || page == "/screen" { try await driver.screenshot(to: "\(shots)/\(size)-\(reader.role)-\(name).png") }
            if phone, let width = try await driver.script("return document.documentElement.scrollWidth;") as? Int, width > 390 {
                wide.append("\(reader.role) \(path) \(width)px")
            }
        }
        return wide
    }
}
