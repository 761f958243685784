import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

@Suite("Sign-in, sessions, CSRF and headers")
struct AuthAndSecurityTests {
    /// Reads the login form's CSRF token and cookie, as a browser would.
    func loginForm(_ client: any TestClientProtocol, as fixture: WebFixture) async throws -> (token: String, cookie: String) {
        let page = try await client.send(.get, "/login?next=%2Fprojects%3Fstage%3Dconstruction", as: fixture, signedIn: false)
        #expect(page.status == .ok)
        let token = try #require(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
        let cookie = try #require(page.headers[.setCookie]?.firstMatch(of: /gb_login_csrf=([^;]+)/)?.1)
        return (String(token), "gb_login_csrf=\(cookie)")
    }

    @Test("signing in sets an HttpOnly, SameSite=Lax session cookie and returns to the page asked for")
    func signIn() async throws {
        try await withWeb { fixture, client in
            let (token, cookie) = try await loginForm(client, as: fixture)
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let wrong = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                              form: [("_csrf", token), ("username", "center"), ("password", "wrong")], csrf: false, headers: headers)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("用户名或密码不正确"))
            #expect(wrong.text.contains(#"value="center""#))

            let right = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                              form: [("_csrf", token), ("username", "CENTER"), ("password", "Passw0rd!"), ("next", "/projects?stage=construction")],
                                              csrf: false, headers: headers)
            #expect(right.status == .seeOther)
            #expect(right.location == "/projects?stage=construction")
            let setCookie = right.headers[values: .setCookie].joined(separator: "\n")
            #expect(setCookie.contains("gb_session="))
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure"))

            let forged = try await client.send(.post, "/login", as: fixture, signedIn: false,
                                               form: [("_csrf", "forged"), ("username", "center"), ("password", "Passw0rd!")], csrf: false, headers: headers)
            #expect(forged.status == .forbidden)
        }
    }

    @Test("after sign-in, only same-site paths are followed")
    func openRedirect() {
        #expect(AuthPages.safeNext("https://evil.example/") == "/")
        #expect(AuthPages.safeNext("//evil.example/") == "/")
        #expect(AuthPages.safeNext("/\\evil") == "/")
        #expect(AuthPages.safeNext("/projects/5") == "/projects/5")
    }

    @Test("pages redirect to sign-in, the API answers 401, system routes stay open")
    func anonymous() async throws {
        try await withWeb { fixture, client in
            let page = try await client.send(.get, "/projects?region=220104", as: fixture, signedIn: false)
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=%2Fprojects%3Fregion%3D220104")
            let post = try await client.send(.post, "/projects", as: fixture, signedIn: false, form: [("name", "x")])
            #expect(post.status == .unauthorized)
            #expect(try await client.send(.get, "/healthz", as: fixture, signedIn: false).status == .ok)
            #expect(try await client.send(.get, "/metrics", as: fixture, signedIn: false).status == .ok)
            #expect(try await client.send(.get, "/assets/app.css", as: fixture, signedIn: false).status == .ok)
        }
    }

    @Test("a session ends after 30 idle minutes and after 12 hours whatever happens")
    func sessionExpiry() async throws {
        try await withWeb { fixture, client in
            fixture.clock.advance(by: 29 * 60)
            let first = try await client.send(.get, "/projects", as: fixture)
            #expect(first.status == .ok)
            fixture.clock.advance(by: 29 * 60)
            let second = try await client.send(.get, "/projects", as: fixture)
            #expect(second.status == .ok, "activity keeps the session alive")
            fixture.clock.advance(by: 31 * 60)
            let third = try await client.send(.get, "/projects", as: fixture)
            #expect(third.status == .seeOther, "idle for 31 minutes")
            #expect(try await fixture.services.sessions.find(token: fixture.sessionToken) == nil)
        }
        try await withWeb { fixture, client in
            for _ in 0..<26 {
                fixture.clock.advance(by: 28 * 60)
                _ = try await client.send(.get, "/projects", as: fixture)
            }
            #expect(try await client.send(.get, "/projects", as: fixture).status == .seeOther, "past the 12-hour absolute limit")
        }
    }

    @Test("sign-out ends the session on the server")
    func signOut() async throws {
        try await withWeb { fixture, client in
            let out = try await client.send(.post, "/logout", as: fixture, form: [])
            #expect(out.status == .seeOther)
            #expect(try await fixture.services.sessions.find(token: fixture.sessionToken) == nil)
            #expect(try await client.send(.get, "/projects", as: fixture).status == .seeOther)
        }
    }

    @Test("forms without the session's CSRF token change nothing")
    func csrf() async throws {
        try await withWeb { fixture, client in
            let response = try await client.send(.post, "/projects", as: fixture, form: [("name", "无令牌提交")], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("页面已过期"))
            let wrong = try await client.send(.post, "/projects", as: fixture, form: [("name", "错令牌"), ("_csrf", "x")], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await fixture.services.projects.count() == 0)
        }
    }

    @Test("every response carries the security headers; pages are not cached")
    func headers() async throws {
        try await withWeb { fixture, client in
            for path in ["/projects", "/api/v1/projects", "/login", "/nowhere"] {
                let response = try await client.send(.get, path, as: fixture)
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            let missing = try await client.send(.get, "/nowhere", as: fixture)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("未找到"))
            let css = try await client.send(.get, "/assets/app.css", as: fixture)
            #expect(css.headers[.cacheControl]?.contains("max-age") == true)
            let cached = try await client.send(.get, "/assets/app.css", as: fixture, headers: [.ifNoneMatch: css.headers[.eTag] ?? ""])
            #expect(cached.status == .notModified)
        }
    }
}
