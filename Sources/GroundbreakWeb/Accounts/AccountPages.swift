import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// The signed-in user's own account: who they are, changing the password, signing out everywhere.
enum AccountPages {
    static func account(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        let sessions = try await input.services.sessions.sessions(userId: principal.userId)
        let notice = input.queryItems.first { $0.0 == "notice" }?.1 == "password" ? WebText.Accounts.passwordChanged : nil
        let page = AccountPage(context: PageContext(input), principal: principal, catalog: input.catalog, sessionCount: sessions.count, notice: notice)
        return Responses.html(page.document)
    }

    static func passwordPage(_ input: EndpointRequest) async throws -> Response {
        Responses.html(PasswordPage(context: PageContext(input), forced: input.principal?.mustChangePassword == true, errors: []).document)
    }

    /// Current password, new password twice; the rules, and none of the last five.
    static func passwordSubmit(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        let form = input.form ?? FormData(pairs: [])
        guard let account = try await input.services.users.find(id: principal.userId) else { throw AppError.notFound }
        var problems: [PasswordPolicy.Problem] = []
        // A wrong current password counts like a wrong sign-in: five lock the account (and end its sessions).
        if try await input.services.users.beginPasswordCheck(id: account.id, now: input.now) {
            let matched = try await Passwords.verify(form["current"], hash: account.passwordHash)
            if let after = try await input.services.users.finishPasswordCheck(id: account.id, matched: matched, now: input.now), after.isLocked(at: input.now) {
                try await input.services.sessions.deleteAll(userId: account.id)
                try await input.services.audit.record(entity: "user", entityId: String(account.id), action: "locked",
                                                      reason: WebText.Accounts.lockedAfterPasswordFailures(UserRepository.lockAfterFailures), actor: input.actor, now: input.now)
            }
            if !matched { problems.append(.wrongCurrent) }
        } else {
            problems.append(.wrongCurrent)
        }
        let new = form["new"]
        if new != form["confirm"] { problems.append(.mismatch) }
        problems += PasswordPolicy.check(new, username: account.username)
        if problems.isEmpty {
            for hash in try await input.services.users.recentPasswordHashes(id: account.id) where try await Passwords.verify(new, hash: hash) {
                problems.append(.reused)
                break
            }
        }
        guard problems.isEmpty else {
            let page = PasswordPage(context: PageContext(input), forced: account.mustChangePassword, errors: problems.map(\.description))
            return Responses.html(page.document, status: .unprocessableContent)
        }
        let hash = try await Passwords.hash(new, cost: input.services.settings.bcryptCost)
        try await input.services.users.setPassword(
            id: account.id, hash: hash, mustChange: false, keepSession: input.context.session?.tokenHash,
            action: "password-change", actor: input.actor, now: input.now
        )
        return Responses.redirect(to: Route.account.path(notice: "password"))
    }

    /// Ends every session of the account, this one included.
    static func signOutEverywhere(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        try await input.services.sessions.deleteAll(userId: principal.userId)
        try await input.services.audit.record(entity: "auth", entityId: principal.username, action: "sign-out-everywhere", actor: input.actor, now: input.now)
        var response = Responses.redirect(.login(next: nil))
        response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                  secure: AuthPages.isSecure(input), httpOnly: true, sameSite: .lax))
        return response
    }
}

struct AccountPage {
    var context: PageContext
    var principal: Principal
    var catalog: ReferenceCatalog
    var sessionCount: Int
    var notice: String?

    var document: HTML {
        Layout.document(title: WebText.Accounts.myAccount, context: context, nav: .account, content: .group(
            .h1(.text(WebText.Accounts.myAccount)),
            Components.notice(notice),
            .section(
                .class("card"),
                .element(named: "dl", nodes: [.class("details")] + [
                    (WebText.Accounts.username, principal.username),
                    (WebText.Accounts.displayName, principal.displayName),
                    (WebText.Accounts.roles, principal.roles.sorted().map(\.label).joined(separator: "、")),
                    (WebText.Accounts.unit, UnitNames.describe(principal.unit, catalog: catalog)),
                    (WebText.Accounts.position, principal.positionId.flatMap { catalog.position($0)?.display } ?? "—"),
                    (WebText.Accounts.sessions, WebText.Accounts.sessionCount(sessionCount)),
                ].flatMap { label, value -> [Node<HTML.BodyContext>] in [.element(named: "dt", text: label), .element(named: "dd", text: value)] })
            ),
            .div(
                .class("actions"),
                .a(.class("button"), .href(esc(Route.password.path)), .text(WebText.Accounts.changePassword)),
                .form(.method(.post), .action(esc(Route.signOutEverywhere.path)), .class("inline"), Layout.csrfField(context),
                      .button(.type(.submit), .class("button secondary"), .text(WebText.Accounts.signOutEverywhere)))
            )
        ))
    }
}

struct PasswordPage {
    var context: PageContext
    var forced: Bool
    var errors: [String]

    var document: HTML {
        Layout.document(title: WebText.Accounts.changePassword, context: context, nav: .account, content: .div(
            .class("login card"),
            .h1(.text(WebText.Accounts.changePassword)),
            .if(forced, .div(.class("alert alert-warn"), .text(WebText.Accounts.mustChangePassword))),
            .if(!errors.isEmpty, .div(.class("alert alert-error"), .attribute(named: "role", value: "alert"), .ul(.forEach(errors) { .li(.text($0)) }))),
            .form(
                .method(.post), .action(esc(Route.password.path)),
                Layout.csrfField(context),
                Components.textField("current", label: WebText.Accounts.currentPassword, value: "", required: true, inputType: .password),
                Components.textField("new", label: WebText.Accounts.newPassword, value: "", required: true,
                                     hint: WebText.Accounts.passwordRule(PasswordPolicy.minimumLength, PasswordPolicy.requiredClasses),
                                     inputType: .password),
                Components.textField("confirm", label: WebText.Accounts.confirmPassword, value: "", required: true, inputType: .password),
                .button(.type(.submit), .class("button"), .text(WebText.Accounts.saveNewPassword))
            )
        ))
    }
}

/// How units are named on pages.
enum UnitNames {
    static func describe(_ unit: OrgUnit?, catalog: ReferenceCatalog) -> String {
        guard let unit else { return "—" }
        switch unit.kind {
        case .department: return catalog.department(unit.code)?.name ?? unit.code
        case .region: return catalog.region(unit.code)?.name ?? unit.code
        case .zone: return catalog.zone(unit.code)?.name ?? unit.code
        }
    }

    /// A user's unit: a department, a region, or a development zone.
    static func options(_ catalog: ReferenceCatalog) -> [Components.Option] {
        catalog.departments.map { Components.Option(OrgUnit(kind: .department, code: $0.code).text, $0.name, group: WebText.Accounts.departments) }
            + catalog.assignableRegions.map { Components.Option(OrgUnit(kind: .region, code: $0.code).text, $0.name, group: WebText.Accounts.regions) }
            + catalog.zones.map { Components.Option(OrgUnit(kind: .zone, code: $0.code).text, $0.name, group: WebText.Accounts.zones) }
    }
}
