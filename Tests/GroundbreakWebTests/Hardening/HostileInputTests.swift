import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

/// What the attack run of issue 12 found, each as a request that once killed, stalled or leaked,
/// and now must be answered in Chinese with nothing changed.
@Suite("Hostile input: one request must never take the server down")
struct HostileInputTests {
    static let maxInt64 = "9223372036854775807"

    @Test("huge monthly figures are refused by name on a project with earlier reports, and the server goes on", arguments: allEngines)
    func hugeMonthlyFigures(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "报送溢出测试项目")
            let first = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: fixture, json: #"{"month":"2026-09","dispatch":10000000}"#)
            #expect(first.status == .created || first.status == .ok)
            for amount in [Self.maxInt64, "100000000000000000", "100000000000001"] {
                let response = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: fixture, json: #"{"month":"2026-10","dispatch":\#(amount)}"#)
                #expect(response.status == .unprocessableContent, "\(amount)")
                #expect(response.text.contains("金额超出允许范围"), "\(response.text)")
                let statistical = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: fixture,
                                                        json: #"{"month":"2026-10","dispatch":1,"statistical":\#(amount)}"#)
                #expect(statistical.status == .unprocessableContent && statistical.text.contains("statistical"))
            }
            #expect(try await fixture.services.reports.reports(projectId: id).count == 1, "nothing was written")
            #expect(try await client.send(.get, "/healthz", as: fixture, signedIn: false).status == .ok)
        }
    }

    @Test("a fraction or an over-large number in an integer field is a type error on that field")
    func integerTypeErrors() async throws {
        try await withWeb { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "类型错误测试项目")
            for body in [#"{"month":"2026-10","dispatch":1.5}"#, #"{"month":"2026-10","dispatch":1e30}"#, #"{"month":"2026-10","dispatch":99999999999999999999}"#] {
                let response = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: fixture, json: body)
                #expect(response.status == .unprocessableContent)
                let errors = response.object["errors"] as? [[String: Any]] ?? []
                #expect(errors.map { $0["field"] as? String } == ["dispatch"], "\(response.text)")
                #expect(response.text.contains("应为整数"), "\(response.text)")
                #expect(!response.text.contains("JSON 语法错误"))
            }
            let broken = try await client.send(.post, "/api/v1/projects/\(id)/reports", as: fixture, json: #"{"month":"2026-10","dispatch":1"#)
            #expect(broken.status == .badRequest && broken.object["type"] as? String == "urn:groundbreak:problem:malformed-json")
        }
    }

    @Test("targets are bounded by kind in form and API, the unit must exist, and no stored value can make the page fail", arguments: allEngines)
    func targetsBounded(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let refused = [
                #"{"unit":"region:220103","year":2026,"indicator":"FAI_TOTAL","value":1e17}"#,
                #"{"unit":"region:220103","year":2026,"indicator":"FAI_TOTAL","value":-5}"#,
                #"{"unit":"region:220103","year":2026,"indicator":"FAI_TOTAL","value":1.5}"#,
                #"{"unit":"region:999999","year":2026,"indicator":"FAI_TOTAL","value":100000000}"#,
                #"{"unit":"region:220103","year":99999,"indicator":"FAI_TOTAL","value":100000000}"#,
            ]
            for body in refused {
                let response = try await client.send(.post, "/api/v1/targets", as: fixture, json: body)
                #expect(response.status == .unprocessableContent, "\(body) → \(response.status)")
            }
            let form = try await client.send(.post, "/targets", as: fixture, form: [
                ("unit", "region:220103"), ("year", "2026"), ("indicator", "FAI_TOTAL"), ("value", "99999999999999999"),
            ])
            #expect(form.status == .unprocessableContent)
            #expect(try await TargetRepository(database: fixture.store.database).targets(unit: TargetUnit(kind: .region, code: "220103"), year: 2026).isEmpty)
            let accepted = try await client.send(.post, "/api/v1/targets", as: fixture,
                                                 json: #"{"unit":"region:220103","year":2026,"indicator":"FAI_TOTAL","value":100000000000000}"#)
            #expect(accepted.status == .ok)

            // A value stored before the bounds (or by hand) still renders.
            try await fixture.store.database.write("""
                INSERT INTO unit_targets (unit_kind, unit_code, year, indicator, value, curve, updated_at)
                VALUES ('region', '220103', 2026, 'STARTED_5000W', 1e300, 'linear', '2026-11-01T00:00:00.000Z')
                """)
            try await fixture.store.database.write("UPDATE unit_targets SET value = 1e17 WHERE indicator = 'FAI_TOTAL'")
            let page = try await client.send(.get, "/targets?unit=region:220103&month=2026-10", as: fixture)
            #expect(page.status == .ok)
            #expect(try await client.send(.get, "/api/v1/targets?unit=region:220103&month=2026-10", as: fixture).status == .ok)
        }
    }

    @Test("a flood of bad tokens leaves a sampled trail and never stalls a writer", arguments: allEngines)
    func badTokenFlood(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let before = try await AuditLog(database: fixture.store.database).count()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        var headers = HTTPFields()
                        headers[.authorization] = "Bearer gbt_bogus_\(index)"
                        return try await client.send(.get, index % 2 == 0 ? "/healthz" : "/api/v1/projects", as: fixture, signedIn: false, headers: headers).status
                    }
                }
                for index in 0..<10 {
                    group.addTask {
                        try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "洪水中写入的项目\(index)")).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 200)
            #expect(statuses.filter { $0 == .created }.count == 10, "every writer got through: \(statuses.filter { $0 != .unauthorized })")
            #expect(!statuses.contains(.internalServerError))
            let rejected = try await AuditLog(database: fixture.store.database).search({ var query = AuditQuery(); query.action = "token-rejected"; return query }())
            #expect(rejected.totalCount == 1, "one sampled row for one address in one minute")
            #expect(try await AuditLog(database: fixture.store.database).count() - before < 30)
        }
    }

    @Test("twenty wrong passwords at once: five are checked, the rest refused up front, the account ends locked", arguments: allEngines)
    func parallelWrongPasswords(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let (token, cookie) = try await AuthAndSecurityTests().loginForm(client, as: fixture)
            let headers: HTTPFields = [.cookie: cookie]
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await client.send(.post, "/login", as: fixture, signedIn: false,
                                              form: [("_csrf", token), ("username", "center"), ("password", "wrong")], csrf: false, headers: headers).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(!statuses.contains(.internalServerError))
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .forbidden }, "\(statuses)")
            let audit = AuditLog(database: fixture.store.database)
            func count(_ action: String) async throws -> Int {
                var query = AuditQuery()
                query.action = action
                return try await audit.search(query).totalCount
            }
            #expect(try await count("sign-in-failed") == UserRepository.lockAfterFailures, "exactly five passwords were compared")
            #expect(try await count("sign-in-locked") == 20 - UserRepository.lockAfterFailures, "the rest were refused before bcrypt")
            let account = try #require(try await fixture.services.users.find(id: fixture.userId))
            #expect(account.isLocked(at: webNow))
            #expect(account.failedAttempts == 0)
            let right = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                              form: [("_csrf", token), ("username", "center"), ("password", "Passw0rd!")], csrf: false, headers: headers)
            #expect(right.status == .forbidden, "locked means locked, even with the right password")
        }
    }

    @Test("a wrong current password on the password form counts towards the lock")
    func passwordFormCounts() async throws {
        try await withWeb { fixture, client in
            for _ in 0..<UserRepository.lockAfterFailures {
                let response = try await client.send(.post, "/account/password", as: fixture,
                                                     form: [("current", "wrong"), ("new", "Neu-Passw0rd!2026"), ("confirm", "Neu-Passw0rd!2026")])
                #expect(response.status == .unprocessableContent || response.status == .unauthorized || response.status == .seeOther)
            }
            #expect(try await fixture.services.users.find(id: fixture.userId)?.isLocked(at: webNow) == true)
            #expect(try await fixture.services.sessions.sessions(userId: fixture.userId).isEmpty, "a locked account keeps no session")
        }
    }

    @Test("sign-in slows one address at one name, not everyone behind the same address")
    func throttleByAddressAndName() async throws {
        let pauses = PauseRecorder()
        try await withWeb(pauses: pauses) { fixture, client in
            _ = try await fixture.signedIn(as: "other", roles: [.viewer])
            let (token, cookie) = try await AuthAndSecurityTests().loginForm(client, as: fixture)
            var headers = HTTPFields()
            headers[.cookie] = cookie
            for _ in 0..<(SignInThrottle.freeFailures + 1) {
                _ = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                          form: [("_csrf", token), ("username", "nobody-here"), ("password", "wrong")], csrf: false, headers: headers)
            }
            #expect(pauses.pauses.count == 1, "the sixth guess at one name waits")
            _ = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                      form: [("_csrf", token), ("username", "other"), ("password", "Passw0rd!")], csrf: false, headers: headers)
            #expect(pauses.pauses.count == 1, "another name from the same address does not")
        }
    }

    @Test("after sign-in only a plain same-site path is followed; tabs, newlines and backslashes are not")
    func openRedirect() async throws {
        for hostile in ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example", "/\\evil.example", "//evil.example", "/\u{3000}/x"] {
            #expect(AuthPages.safeNext(hostile) == "/", "\(hostile.debugDescription)")
        }
        #expect(AuthPages.safeNext("/projects?stage=construction&region=220104") == "/projects?stage=construction&region=220104")
        try await withWeb { fixture, client in
            let (token, cookie) = try await AuthAndSecurityTests().loginForm(client, as: fixture)
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let response = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                                 form: [("_csrf", token), ("username", "center"), ("password", "Passw0rd!"), ("next", "/\t/evil.example")],
                                                 csrf: false, headers: headers)
            #expect(response.status == .seeOther && response.location == "/", "the reader's home")
        }
    }

    @Test("notices are fixed wordings: a link cannot print its own text as a success banner")
    func noticesAreFixed() async throws {
        try await withWeb { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "提示文字测试项目")
            for path in ["/reports/grid", "/reports", "/targets", "/projects/\(id)", "/problems", "/account", "/imports", "/stats", "/admin/users",
                         "/notifications", "/meetings", "/supervision", "/approvals"] {
                let response = try await client.send(.get, path + "?notice=%E5%B7%B2%E6%89%B9%E5%87%86INJECTED", as: fixture)
                #expect(!response.text.contains("INJECTED"), "\(path)")
            }
        }
    }

    @Test("NUL and other controls are refused in forms, JSON and file names; bidi overrides too; nothing is written", arguments: allEngines)
    func controlCharacters(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let created = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "控制字符测试项目"))
            let id = try #require(created.object["id"] as? Int)
            for name in [#"控制字符\u0000被截断"#, #"名称\u202Egpj.exe"#, #"名称\u0007响铃"#, #"名称\b退格"#] {
                let patch = try await client.send(.patch, "/api/v1/projects/\(id)", as: fixture, json: #"{"version":1,"name":"\#(name)"}"#)
                #expect(patch.status == .unprocessableContent, "\(name)")
                #expect(patch.text.contains("控制字符"))
            }
            let raw = try await client.send(.patch, "/api/v1/projects/\(id)", as: fixture, json: "{\"version\":1,\"ownerName\":\"单位\u{202E}名称\"}")
            #expect(raw.status == .unprocessableContent)
            let form = try await client.send(.post, "/projects", as: fixture, form: [("name", "表单\u{0}项目"), ("regionCode", "220104")])
            #expect(form.status == .unprocessableContent && form.text.contains("控制字符"))
            let upload = try await client.sendMultipart("/projects/\(id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                        file: (field: "photo", name: "现场\u{0}.png", bytes: tinyPNG))
            #expect(upload.status == .unprocessableContent)
            let rawUpload = try await client.sendImage("/api/v1/projects/\(id)/photos?month=2026-10&name=%E7%8E%B0%E5%9C%BA%00.png", as: fixture, bytes: tinyPNG)
            #expect(rawUpload.status == .unprocessableContent, "a raw upload's name in the query is checked at the same door")
            #expect(try await fixture.services.files.photos(projectId: Int64(id)).isEmpty)
            let project = try #require(try await fixture.services.projects.project(id: Int64(id)))
            #expect(project.fields.name == "控制字符测试项目" && project.version == 1)
            // Multi-line text keeps its line breaks and tabs.
            let multiline = try await client.send(.patch, "/api/v1/projects/\(id)", as: fixture, json: #"{"version":1,"constructionContent":"一、厂房\n二、\t设备"}"#)
            #expect(multiline.status == .ok)
        }
    }

    @Test("a code another unit's project holds is refused without naming that project, in forms, the API and the import preview", arguments: allEngines)
    func codeCollisionOutOfScope(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let code = "2411-220104-89-01-637015"
            let taken = try await client.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: "汽开区保密名称项目", code: code))
            #expect(taken.status == .created)
            let district = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            var body = try #require(try JSONSerialization.jsonObject(with: Data(apiProjectBody(name: "朝阳区新项目", code: code).utf8)) as? [String: Any])
            body["regionCode"] = "220104"
            body["zoneCode"] = nil
            let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            let api = try await client.send(.post, "/api/v1/projects", as: district, json: json)
            #expect(api.status == .unprocessableContent)
            #expect(api.text.contains("另一个项目使用") && !api.text.contains("汽开区保密名称项目"), "\(api.text)")

            let csv = "项目名称,投资项目统一代码,所在属地,项目类别,投资类型,总投资（万元）,项目单位\n朝阳区新项目,\(code),朝阳区,制造业,企业投资,10000,长春某公司\n"
            var headers = HTTPFields()
            headers[.cookie] = district.cookie
            headers[HTTPField.Name("X-CSRF-Token")!] = district.csrfToken
            headers[.contentType] = "text/csv"
            let preview = try await client.execute(uri: "/api/v1/imports/projects?fileName=ledger.csv", method: .post, headers: headers,
                                                   body: ByteBuffer(string: csv))
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(preview.text.contains("不在您的管理范围内") && !preview.text.contains("汽开区保密名称项目"), "\(preview.text)")
        }
    }

    @Test("a meeting's agenda shows problem text only to those who may read the problem, on the page and in the API", arguments: allEngines)
    func meetingAgendaFiltered(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let centre = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let problem = try await SchedulerWebTests.assignedProblem(fixture, deadline: Day(year: 2026, month: 12, day: 31)!)
            let called = try await client.send(.post, "/api/v1/meetings", as: centre, json: """
                {"kindCode":"monthlyDispatch","title":"11月项目建设调度会","heldOn":"2026-11-20","problems":"\(problem.id)"}
                """)
            let first = try #require(called.object["id"] as? Int)
            #expect(try await client.send(.get, "/meetings/\(first)", as: centre).text.contains("外电源未接入"), "the centre reads it")
            // Problems risen to a joint meeting come onto its agenda with their text as the note.
            let joint = try await fixture.services.meetings.create(
                Meeting(kindCode: "jointMeeting", title: "联席会议", heldOn: Day(year: 2026, month: 12, day: 20)!,
                        agenda: [Meeting.AgendaItem(problemId: problem.id, note: "外电源未接入（提级）")]),
                settings: fixture.services.meetingSettings, actor: .system("test"), now: webNow)
            let id = Int(joint.id)
            #expect(try await client.send(.get, "/api/v1/meetings/\(id)", as: centre).text.contains("外电源未接入"))
            let elsewhere = try await fixture.signedIn(as: "nanguan", roles: [.region], unit: OrgUnit(kind: .region, code: "220102"))
            let page = try await client.send(.get, "/meetings/\(id)", as: elsewhere)
            #expect(page.status == .ok)
            #expect(!page.text.contains("外电源未接入"))
            let api = try await client.send(.get, "/api/v1/meetings/\(id)", as: elsewhere)
            #expect(api.status == .ok && !api.text.contains("外电源未接入"))
            let list = try await client.send(.get, "/api/v1/meetings", as: elsewhere)
            #expect(list.status == .ok && !list.text.contains("外电源未接入"))
            let owner = try await fixture.signedIn(as: "gongxin", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            #expect(try await client.send(.get, "/api/v1/meetings/\(id)", as: owner).text.contains("外电源未接入"), "the owner unit reads it")
        }
    }

    @Test("import history lists the caller's unit's files only; the centre sees all")
    func importHistoryByUnit() async throws {
        try await withWeb { fixture, client in
            let record = ImportRecord(kind: .projects, fileName: "朝阳区台账.xlsx", sha256: String(repeating: "a", count: 64), size: 1, created: 1, updated: 0,
                                      unchanged: 0, skipped: 0)
            try await fixture.store.database.transaction { db in
                _ = try await ImportRepository.record(record, actor: AuditActor(userId: nil, name: "朝阳区张三", sourceIP: "", requestId: "", unit: "region:220104"),
                                                      now: webNow, db: db)
            }
            let nanguan = try await fixture.signedIn(as: "nanguan", roles: [.region], unit: OrgUnit(kind: .region, code: "220102"))
            #expect(!(try await client.send(.get, "/imports", as: nanguan).text.contains("朝阳区台账.xlsx")))
            let chaoyang = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.send(.get, "/imports", as: chaoyang).text.contains("朝阳区台账.xlsx"))
            #expect(try await client.send(.get, "/imports", as: fixture).text.contains("朝阳区台账.xlsx"))
        }
    }

    @Test("a photo with the wrong Content-Type names the image types; someone else's notification is not found")
    func contract() async throws {
        try await withWeb { fixture, client in
            let id = try await ReportWebTests.building(fixture, name: "契约测试项目")
            let wrong = try await client.sendImage("/api/v1/projects/\(id)/photos?month=2026-10", as: fixture, bytes: tinyPNG, contentType: "text/plain")
            #expect(wrong.status == .unsupportedMediaType && wrong.text.contains("image/jpeg"))
            let other = try await fixture.signedIn(as: "other", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            _ = try await fixture.services.notifications.send(Notice(kind: "assigned", title: "测试", body: "测试", link: "", dedupeKey: "hostile-\(UUID().uuidString)"), to: OrgUnit(kind: .department, code: "CC-XMZX"),
                                                              now: webNow)
            let mine = try await fixture.services.notifications.inbox(userId: other.userId)
            let messageId = try #require(mine.first?.id)
            let foreign = try await client.send(.post, "/api/v1/notifications/read", as: fixture, json: #"{"id":\#(messageId + 100000)}"#)
            #expect(foreign.status == .notFound)
            let theirs = try await fixture.services.notifications.inbox(userId: fixture.userId).map(\.id)
            if !theirs.contains(messageId) {
                #expect(try await client.send(.post, "/api/v1/notifications/read", as: fixture, json: #"{"id":\#(messageId)}"#).status == .notFound)
                #expect(try await fixture.services.notifications.inbox(userId: other.userId).first?.readAt == nil)
            }
            #expect(try await client.send(.post, "/api/v1/notifications/read", as: other, json: #"{"id":\#(messageId)}"#).status == .ok)
        }
    }

    @Test("X-Forwarded-For is believed only from a configured proxy, and only up to the first untrusted hop")
    func trustedProxies() throws {
        let proxies = try TrustedProxies.parse("127.0.0.1, 10.0.0.0/8").get()
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"]) == "203.0.113.9", "a client cannot choose its address")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.7"]) == "198.51.100.7")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4, 198.51.100.7, 10.1.2.3"]) == "198.51.100.7", "the spoofed first hop is ignored")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["evil<script>"]) == "127.0.0.1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(TrustedProxies.parse("10.0.0.0/40") == .failure(TrustedProxies.InvalidEntry(text: "10.0.0.0/40")))
        #expect(TrustedProxies.parse("nginx") == .failure(TrustedProxies.InvalidEntry(text: "nginx")))
        var settings = AppSettings()
        settings.trustedProxies = "bogus"
        #expect(throws: AppSettings.InvalidSetting.self) { try settings.validated() }
    }

    @Test("spreadsheets are read one at a time with a short queue; beyond it the upload is told the server is busy")
    func officeWorkersBounded() async throws {
        let workers = OfficeWorkers(threads: OfficeWorkers.shared.threads, maxWaiting: OfficeWorkers.shared.maxWaiting)
        let admitted = workers.threads + workers.maxWaiting
        let release = ManualGate()
        let running = (0..<admitted).map { _ in Task { try await workers.run { release.wait(); return 1 } } }
        while workers.admittedCount < admitted { try await Task.sleep(for: .milliseconds(10)) }
        await #expect(throws: AppError.self) { try await workers.run { 2 } }
        release.open()
        for task in running { #expect(try await task.value == 1) }
        #expect(try await workers.run { 3 } == 3, "free again once the queue drains")
    }
}

/// Holds worker threads until the test lets them go.
final class ManualGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}
