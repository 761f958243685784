import Foundation
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// Signing in and out.
enum AuthPages {
    static let loginCSRFCookie = "gb_login_csrf"

    static func loginPage(_ input: EndpointRequest) async throws -> Response {
        if input.identity != nil { return Responses.redirect(.ledger) }
        return render(input, next: input.queryItems.first { $0.0 == "next" }?.1 ?? "", error: nil, status: .ok)
    }

    static func loginSubmit(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let username = form["username"].trimmingCharacters(in: .whitespaces)
        let password = form["password"]
        let next = form["next"]
        let user = try await input.services.users.find(username: username)
        let matches = try await Passwords.verify(password, hash: user?.passwordHash ?? Passwords.decoyHash)
        guard let user, matches else {
            return render(input, next: next, error: WebText.Auth.failed, status: .unauthorized, username: username)
        }
        guard !user.disabled else {
            return render(input, next: next, error: WebText.Auth.disabled, status: .forbidden, username: username)
        }
        let now = input.now
        let settings = input.services.settings
        let (token, _) = try await input.services.sessions.create(
            userId: user.id, now: now, expiresAt: now.addingTimeInterval(settings.sessionAbsoluteTimeout),
            sourceIP: input.context.sourceIP, userAgent: input.request.headers[.userAgent] ?? ""
        )
        var response = Responses.redirect(to: safeNext(next))
        response.setCookie(sessionCookie(token, input: input))
        response.setCookie(Cookie(name: loginCSRFCookie, value: "", maxAge: 0, path: "/login", secure: isSecure(input), httpOnly: true, sameSite: .strict))
        return response
    }

    static func logout(_ input: EndpointRequest) async throws -> Response {
        if let session = input.context.session {
            try await input.services.sessions.delete(tokenHash: session.tokenHash)
        }
        var response = Responses.redirect(.login(next: nil))
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: isSecure(input), httpOnly: true, sameSite: .lax))
        return response
    }

    static func sessionCookie(_ token: String, input: EndpointRequest) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: isSecure(input), httpOnly: true, sameSite: .lax)
    }

    /// `Secure` when configured, or when a TLS-terminating proxy says the request came over HTTPS.
    static func isSecure(_ input: EndpointRequest) -> Bool {
        input.services.settings.secureCookies || input.request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// Only paths on this site; never `//host` or a full URL.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.hasPrefix("/login") else { return Route.ledger.path }
        return next
    }

    static func render(_ input: EndpointRequest, next: String, error: String?, status: HTTPResponse.Status, username: String = "") -> Response {
        let token = SessionRepository.randomToken()
        let page = LoginPage(context: PageContext(identity: nil, csrfToken: input.services.sign(token), today: input.today), next: next, username: username, error: error)
        var response = Responses.html(page.document, status: status)
        response.setCookie(Cookie(name: loginCSRFCookie, value: token, maxAge: 3600, path: "/login", secure: isSecure(input), httpOnly: true, sameSite: .strict))
        return response
    }
}

struct LoginPage {
    var context: PageContext
    var next: String
    var username: String
    var error: String?

    var document: HTML {
        Layout.document(title: WebText.Auth.signIn, context: context, nav: .none, content: .div(
            .class("login card"),
            .h1(.text(WebText.Auth.signIn)),
            .unwrap(error) { .div(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(esc(Route.login(next: nil).path)),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("next"), .value(esc(next))),
                Components.textField("username", label: WebText.Auth.username, value: username, required: true),
                Components.textField("password", label: WebText.Auth.password, value: "", required: true, inputType: .password),
                .button(.type(.submit), .class("button"), .text(WebText.Auth.signIn))
            )
        ))
    }
}
