import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

@Suite("Accounts: lockout, passwords, tokens, audit")
struct AccountsTests {
    /// Signs in through the form; returns the response.
    func signIn(_ client: any TestClientProtocol, as fixture: WebFixture, username: String, password: String) async throws -> TestResponse {
        let page = try await client.send(.get, "/login", as: fixture, signedIn: false)
        let token = String(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 ?? "")
        let cookie = String(page.headers[.setCookie]?.firstMatch(of: /gb_login_csrf=([^;]+)/)?.1 ?? "")
        return try await client.send(.post, "/login", as: fixture, signedIn: false,
                                     form: [("_csrf", token), ("username", username), ("password", password)], csrf: false,
                                     headers: [.cookie: "gb_login_csrf=\(cookie)"])
    }

    func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].compactMap { $0.firstMatch(of: /gb_session=([^;]+)/).map { String($0.1) } }.first { !$0.isEmpty }
    }

    @Test("five failures lock the account for 15 minutes; the address is slowed; every attempt is recorded")
    func lockout() async throws {
        let pauses = PauseRecorder()
        try await withWeb(pauses: pauses) { fixture, client in
            _ = try await fixture.signedIn(as: "lin", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            for attempt in 1...4 {
                let response = try await signIn(client, as: fixture, username: "lin", password: "wrong\(attempt)")
                #expect(response.status == .unauthorized)
            }
            let fifth = try await signIn(client, as: fixture, username: "lin", password: "wrong5")
            #expect(fifth.status == .forbidden)
            #expect(fifth.text.contains("账号已锁定"))
            let locked = try await signIn(client, as: fixture, username: "lin", password: "Passw0rd!")
            #expect(locked.status == .forbidden, "even the right password is refused while locked")
            #expect(pauses.pauses == [.milliseconds(500)], "the sixth attempt from this address waited")

            fixture.clock.advance(by: 14 * 60)
            #expect(try await signIn(client, as: fixture, username: "lin", password: "Passw0rd!").status == .forbidden)
            fixture.clock.advance(by: 61)
            let after = try await signIn(client, as: fixture, username: "lin", password: "Passw0rd!")
            #expect(after.status == .seeOther, "unlocked after 15 minutes")
            #expect(sessionCookie(after) != nil)

            var query = AuditQuery()
            query.entity = "auth"
            query.entityId = "lin"
            let actions = try await fixture.services.audit.search(query).entries.map(\.action)
            #expect(actions.filter { $0 == "sign-in-failed" }.count == 5)
            #expect(actions.filter { $0 == "sign-in-locked" }.count == 2)
            #expect(actions.first == "sign-in")
            let unknown = try await signIn(client, as: fixture, username: "nobody", password: "x")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.text.contains("用户名或密码不正确"))
        }
    }

    @Test("first sign-in forces a password change; rules and the last five passwords are enforced")
    func forcedChange() async throws {
        try await withWeb { fixture, client in
            let user = try await fixture.signedIn(as: "newbie", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"), mustChange: true)
            let ledger = try await client.send(.get, "/projects", as: user)
            #expect(ledger.status == .seeOther && ledger.location == "/account/password")
            let api = try await client.send(.get, "/api/v1/projects", as: user)
            #expect(api.status == .forbidden)
            #expect(api.object["type"] as? String == "urn:groundbreak:problem:password-change-required")

            func change(_ current: String, _ new: String) async throws -> TestResponse {
                try await client.send(.post, "/account/password", as: user, form: [("current", current), ("new", new), ("confirm", new)])
            }
            #expect(try await change("wrong", "Better#2026").text.contains("当前密码不正确"))
            #expect(try await change("Passw0rd!", "short").text.contains("至少8位"))
            #expect(try await change("Passw0rd!", "Newbie#2026").text.contains("不能包含用户名"))
            #expect(try await change("Passw0rd!", "Passw0rd!").text.contains("最近5次"))
            let done = try await change("Passw0rd!", "Better#2026")
            #expect(done.status == .seeOther)
            #expect(try await client.send(.get, "/projects", as: user).status == .ok, "the session is kept and now works")
            let back = try await change("Better#2026", "Passw0rd!")
            #expect(back.text.contains("最近5次"), "an older password cannot come back")
        }
    }

    @Test("an administrator's reset forces a change and ends the user's sessions; sign-out everywhere ends them all")
    func resetAndSignOutEverywhere() async throws {
        try await withWeb { admin, client in
            let user = try await admin.signedIn(as: "wang", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            let second = try await user.newSession()
            let reset = try await client.send(.post, "/admin/users/\(user.userId)/reset-password", as: admin, form: [])
            #expect(reset.status == .ok)
            let temporary = try #require(reset.text.firstMatch(of: /<code>([^<]+)<\/code>/).map { String($0.1) })
            #expect(try await client.send(.get, "/projects", as: user).status == .seeOther, "old sessions ended")
            let signedIn = try await signIn(client, as: admin, username: "wang", password: temporary.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(signedIn.location == "/account/password")
            _ = second

            let a = try await admin.signedIn(as: "lisi", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            let b = try await a.newSession()
            #expect(try await client.send(.post, "/account/sign-out-everywhere", as: a, form: []).status == .seeOther)
            #expect(try await client.send(.get, "/projects", as: b).status == .seeOther, "the other device is signed out too")
        }
    }

    @Test("an administrator locks an account until further notice: its token and sessions stop at once, its page and the list still show it, sign-in says who to ask; unlocking restores it", arguments: allEngines)
    func administratorLock(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { admin, client in
            let user = try await admin.signedIn(as: "zhao", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            let (token, _) = try await admin.services.tokens.issue(userId: user.userId, name: "对接", actor: .system("test"), now: webNow)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            for _ in 0..<2 {
                #expect(try await client.send(.get, "/api/v1/me", as: admin, signedIn: false, headers: bearer).status == .ok)
            }

            let locked = try await client.send(.post, Route.lockUser(user.userId).path, as: admin, form: [("action", "lock")])
            #expect(locked.status == .seeOther)
            let page = try await client.send(.get, try #require(locked.location), as: admin)
            #expect(page.status == .ok, "the locked account's page (its lock, until 4001, once could not be read back)")
            #expect(page.text.contains(WebText.Accounts.locked))
            #expect(try await client.send(.get, Route.adminUsers.path, as: admin).status == .ok)
            #expect(try await client.send(.get, "/api/v1/me", as: admin, signedIn: false, headers: bearer).status == .unauthorized)
            #expect(try await client.send(.get, "/projects", as: user).status == .seeOther, "its session ended")
            let signIn = try await signIn(client, as: admin, username: "zhao", password: "Passw0rd!")
            #expect(signIn.status == .forbidden && signIn.text.contains(WebText.Auth.lockedByAdmin))

            #expect(try await client.send(.post, Route.lockUser(user.userId).path, as: admin, form: [("action", "unlock")]).status == .seeOther)
            #expect(try await client.send(.get, "/api/v1/me", as: admin, signedIn: false, headers: bearer).status == .ok)
        }
    }

    @Test("API tokens: shown once, act as their user without CSRF, record their use, and stop when revoked")
    func tokens() async throws {
        try await withWeb { admin, client in
            let user = try await admin.signedIn(as: "system", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            let issued = try await client.send(.post, "/admin/users/\(user.userId)/tokens", as: admin, form: [("name", "省平台对接")])
            #expect(issued.status == .created)
            let token = try #require(issued.text.firstMatch(of: /<code>(gbt_[^<]+)<\/code>/).map { String($0.1) })
            let stored = try await admin.services.tokens.tokens(userId: user.userId)
            #expect(stored.count == 1 && stored[0].lastUsedAt == nil)

            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let me = try await client.send(.get, "/api/v1/me", as: admin, signedIn: false, headers: headers)
            #expect(me.status == .ok)
            expectDocumented(me, AccountsEndpoints.apiMe)
            #expect(me.object["username"] as? String == "system")
            #expect(me.object["authentication"] as? String == "token")
            let create = try await client.send(.post, "/api/v1/projects", as: admin, signedIn: false, json: apiProjectBody(), csrf: false, headers: headers)
            #expect(create.status == .forbidden, "a viewer's token cannot create, and no CSRF token was needed to be told so")
            #expect(try await admin.services.tokens.tokens(userId: user.userId)[0].lastUsedAt != nil)

            try await admin.services.tokens.revoke(id: stored[0].id, actor: .system("test"))
            let revoked = try await client.send(.get, "/api/v1/me", as: admin, signedIn: false, headers: headers)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.object["type"] as? String == "urn:groundbreak:problem:invalid-token")
            var query = AuditQuery()
            query.entity = "api_token"
            #expect(Set(try await admin.services.audit.search(query).entries.map(\.action)) == ["issue", "token-use", "revoke"])
        }
    }

    @Test("the audit trail: denials recorded, filters, CSV and API; readers only")
    func audit() async throws {
        try await withWeb { admin, client in
            let viewer = try await admin.signedIn(as: "zhao", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"))
            _ = try await client.send(.post, "/projects", as: viewer, form: [("name", "越权")])
            #expect(try await client.send(.get, "/audit", as: viewer).status == .forbidden)

            let page = try await client.send(.get, "/audit?action=denied", as: admin)
            #expect(page.status == .ok)
            #expect(page.text.contains("越权访问被拒"))
            #expect(page.text.contains("region:220104"), "the actor's unit is recorded")
            let api = try await client.send(.get, "/api/v1/audit?action=denied&from=2026-11-23&to=2026-11-23", as: admin)
            #expect(api.status == .ok)
            expectDocumented(api, AccountsEndpoints.apiAudit)
            let entries = try #require(api.object["entries"] as? [[String: Any]])
            #expect(entries.count == 2 && entries.allSatisfy { $0["actorName"] as? String == "zhao" })
            #expect(try await client.send(.get, "/api/v1/audit?from=yesterday", as: admin).status == .badRequest)
            // A page number whose offset would overflow is refused, not computed.
            #expect(try await client.send(.get, "/api/v1/audit?page=9223372036854775807", as: admin).status == .badRequest)
            #expect(try await client.send(.get, "/audit?page=9223372036854775807", as: admin).status != .internalServerError)
            let none = try await client.send(.get, "/api/v1/audit?action=denied&to=2026-11-22", as: admin)
            #expect(none.object["totalCount"] as? Int == 0)
            let csv = try await client.send(.get, "/audit.csv?action=denied", as: admin)
            let rows = try CSV.parse(String(csv.text.dropFirst()))
            #expect(rows.count == 3 && rows[0][0] == "编号")
        }
    }
}

@Suite("Seats")
struct SeatTests {
    @Test("an administrator creates a seat and hands it on; projects keep the seat, the history keeps every holder", arguments: allEngines)
    func seats(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let refused = try await client.send(.post, "/admin/positions", as: fixture, form: [("title", " "), ("unitName", ""), ("duty", "boss")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("职务名称") && refused.text.contains("所在单位") && refused.text.contains("职责"))
            #expect(try await fixture.services.positions.all().isEmpty)

            let created = try await client.send(.post, "/admin/positions", as: fixture, form: [
                ("title", "市工信局项目秘书"), ("unitName", "长春市工业和信息化局"), ("duty", "secretary"), ("holderName", "李四"), ("since", "2026-03-01"),
            ])
            #expect(created.status == .seeOther)
            let seat = try #require(try await fixture.services.positions.all().first)
            #expect(created.location == "/admin/positions/\(seat.id)?notice=saved")
            // The project forms see the new seat at once.
            #expect(fixture.services.catalog().position(seat.id)?.holderName == "李四")

            var input = ProjectInput()
            input.name = "挂职务的项目"
            input.regionCode = "220104"
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "80000"
            input.secretaryPositionId = String(seat.id)
            let project = try await fixture.services.projects.create(input, stage: .attraction, allowed: .everything, actor: .system("test"),
                                                                     catalog: fixture.services.catalog(), today: webToday, now: webNow)

            let early = try await client.send(.post, "/admin/positions/\(seat.id)/holder", as: fixture, form: [("holderName", "王五"), ("since", "2026-02-01")])
            #expect(early.status == .unprocessableContent && early.text.contains("2026-03-01"))
            let handed = try await client.send(.post, "/admin/positions/\(seat.id)/holder", as: fixture, form: [("holderName", "王五"), ("since", "2026-11-01")])
            #expect(handed.status == .seeOther)
            let holdings = try await fixture.services.positions.holdings(positionId: seat.id)
            #expect(holdings.map(\.name) == ["王五", "李四"])
            #expect(holdings.last?.to == Day(year: 2026, month: 10, day: 31) && holdings.first?.to == nil)

            let api = try await client.send(.get, "/api/v1/projects/\(project.id)", as: fixture)
            #expect((api.object["secretary"] as? [String: Any])?["holderName"] as? String == "王五")
            let page = try await client.send(.get, "/admin/positions/\(seat.id)", as: fixture)
            #expect(page.text.contains("挂职务的项目") && page.text.contains("2026-10-31"))

            var query = AuditQuery()
            query.entity = "position"
            #expect(try await fixture.services.audit.search(query).entries.map(\.action).sorted() == ["create", "reassign"])
        }
    }
}
