import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// Signing in and out.
enum AuthPages {
    static let loginCSRFCookie = "gb_login_csrf"

    static func loginPage(_ input: EndpointRequest) async throws -> Response {
        if input.principal != nil { return Responses.redirect(.home) }
        return render(input, next: input.queryItems.first { $0.0 == "next" }?.1 ?? "", error: nil, status: .ok)
    }

    /// Checks the password. Every attempt is recorded; five failures in a row lock the account
    /// for 15 minutes (counted before the hash comparison, so parallel guesses are refused up
    /// front); an address that keeps failing at one name, or at many, is answered ever more slowly.
    static func loginSubmit(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let username = form["username"].trimmingCharacters(in: .whitespaces)
        let password = form["password"]
        let next = form["next"]
        let now = input.now
        let services = input.services
        let ip = input.context.sourceIP
        let failures = try await services.signInAttempts.failures(from: ip, username: username, since: now.addingTimeInterval(-SignInThrottle.window))
        let delay = SignInThrottle.delay(nameFailures: failures.name, addressFailures: failures.address)
        if delay > .zero { await services.pause(delay) }

        func refuse(_ message: String, _ status: HTTPResponse.Status, _ event: String, _ account: UserAccount?) async throws -> Response {
            try await services.signInAttempts.record(username: username, sourceIP: ip, succeeded: false, now: now)
            var actor = input.actor
            actor.userId = account?.id
            actor.name = account?.displayName ?? username
            try await services.audit.record(entity: "auth", entityId: username.lowercased(), action: event, actor: actor, now: now)
            return render(input, next: next, error: message, status: status, username: username)
        }
        func lockedMessage(_ user: UserAccount) -> String {
            let minutes = Int(((user.lockedUntil ?? now).timeIntervalSince(now) / 60).rounded(.up))
            return Double(minutes) > UserRepository.lockDuration / 60 ? WebText.Auth.lockedByAdmin : WebText.Auth.locked(minutes: max(minutes, 1))
        }

        guard let user = try await services.users.find(username: username) else {
            // As slow as a real check, so that names cannot be told apart by the time taken.
            _ = try await Passwords.verify(password, hash: try await Passwords.decoyHash(cost: services.settings.bcryptCost))
            return try await refuse(WebText.Auth.failed, .unauthorized, "sign-in-failed", nil)
        }
        if user.isLocked(at: now) { return try await refuse(lockedMessage(user), .forbidden, "sign-in-locked", user) }
        guard try await services.users.beginPasswordCheck(id: user.id, now: now) else {
            let current = try await services.users.find(id: user.id) ?? user
            return try await refuse(current.isLocked(at: now) ? lockedMessage(current) : WebText.Auth.locked(minutes: Int(UserRepository.lockDuration / 60)),
                                    .forbidden, "sign-in-locked", user)
        }
        let matches = try await Passwords.verify(password, hash: user.passwordHash)
        let after = try await services.users.finishPasswordCheck(id: user.id, matched: matches, now: now)
        guard matches else {
            if let after, after.isLocked(at: now) {
                try await services.audit.record(entity: "user", entityId: String(user.id), action: "locked",
                                                reason: WebText.Accounts.lockedAfterSignInFailures(UserRepository.lockAfterFailures), actor: input.actor, now: now)
                return try await refuse(WebText.Auth.locked(minutes: Int(UserRepository.lockDuration / 60)), .forbidden, "sign-in-failed", user)
            }
            return try await refuse(WebText.Auth.failed, .unauthorized, "sign-in-failed", user)
        }
        guard !user.disabled else {
            return try await refuse(WebText.Auth.disabled, .forbidden, "sign-in-disabled", user)
        }
        try await services.signInAttempts.record(username: username, sourceIP: ip, succeeded: true, now: now)
        let settings = services.settings
        let (token, _) = try await services.sessions.create(
            userId: user.id, now: now, expiresAt: now.addingTimeInterval(settings.sessionAbsoluteTimeout),
            sourceIP: ip, userAgent: input.request.headers[.userAgent] ?? ""
        )
        var actor = input.actor
        actor.userId = user.id
        actor.name = user.displayName
        actor.unit = user.unit?.text ?? ""
        try await services.audit.record(entity: "auth", entityId: user.username, action: "sign-in", actor: actor, now: now)
        var response = Responses.redirect(to: user.mustChangePassword ? Route.password.path : safeNext(next))
        response.setCookie(sessionCookie(token, input: input))
        response.setCookie(Cookie(name: loginCSRFCookie, value: "", maxAge: 0, path: "/login", secure: isSecure(input), httpOnly: true, sameSite: .strict))
        return response
    }

    static func logout(_ input: EndpointRequest) async throws -> Response {
        if let session = input.context.session {
            try await input.services.sessions.delete(tokenHash: session.tokenHash)
            try await input.services.audit.record(entity: "auth", entityId: input.principal?.username ?? "", action: "sign-out", actor: input.actor, now: input.now)
        }
        var response = Responses.redirect(.login(next: nil))
        response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: isSecure(input), httpOnly: true, sameSite: .lax))
        return response
    }

    static func sessionCookie(_ token: String, input: EndpointRequest) -> Cookie {
        Cookie(name: AuthenticationMiddleware.cookieName, value: token, path: "/", secure: isSecure(input), httpOnly: true, sameSite: .lax)
    }

    /// `Secure` when configured, or when a TLS-terminating proxy says the request came over HTTPS.
    static func isSecure(_ input: EndpointRequest) -> Bool {
        input.services.settings.secureCookies || input.request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// Only a plain path on this site: printable ASCII without spaces, starting with one `/`.
    /// Browsers drop tabs and newlines from a `Location` and read `\` as `/`, so `/\t/evil.example`
    /// would lead to `//evil.example`; anything but visible ASCII is therefore refused outright.
    static func safeNext(_ next: String) -> String {
        let plain = next.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != "\\" }
        guard plain, next.utf8.count <= 2_000, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/login") else {
            return Route.home.path
        }
        return next
    }

    static func render(_ input: EndpointRequest, next: String, error: String?, status: HTTPResponse.Status, username: String = "") -> Response {
        let token = SessionRepository.randomToken()
        let page = LoginPage(context: PageContext(principal: nil, csrfToken: input.services.sign(token), today: input.today), next: next, username: username, error: error)
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
