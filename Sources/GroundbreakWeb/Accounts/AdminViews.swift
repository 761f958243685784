import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

struct UsersPage {
    var context: PageContext
    var users: [UserAccount]
    var catalog: ReferenceCatalog
    var now: Date

    var document: HTML {
        Layout.document(title: WebText.Accounts.users, context: context, nav: .admin, content: .group(
            .div(.class("page-head"), .h1(.text(WebText.Accounts.users)),
                 .div(.class("actions"), .a(.class("button"), .href(esc(Route.newUser.path)), .text(WebText.Accounts.newUser)),
                      .a(.class("button secondary"), .href(esc(Route.adminPositions.path)), .text(WebText.Accounts.positions)),
                      .a(.class("button secondary"), .href(esc(Route.calendarAdmin.path)), .text(WebText.Accounts.calendar)),
                      .a(.class("button secondary"), .href(esc(Route.approvalItemsAdmin.path)), .text(WebText.Accounts.approvalItems)),
                      .a(.class("button secondary"), .href(esc(Route.adminWebhooks.path)), .text(WebText.Accounts.webhooks)))),
            .div(.class("table-wrap"), .table(
                .class("ledger"),
                .thead(.tr(.th(.text(WebText.Accounts.username)), .th(.text(WebText.Accounts.displayName)), .th(.text(WebText.Accounts.roles)), .th(.text(WebText.Accounts.unit)), .th(.text(WebText.Accounts.position)), .th(.text(WebText.Accounts.status)))),
                .tbody(.forEach(users) { user in
                    .tr(
                        .td(.a(.href(esc(Route.adminUser(user.id).path)), .text(user.username))),
                        .td(.text(user.displayName)),
                        .td(.text(user.roles.sorted().map(\.label).joined(separator: "、"))),
                        .td(.text(UnitNames.describe(user.unit, catalog: catalog))),
                        .td(.text(user.positionId.flatMap { catalog.position($0)?.display } ?? "—")),
                        .td(.text(UserFormPage.status(user, now: now)))
                    )
                })
            ))
        ))
    }
}

struct UserFormPage {
    var context: PageContext
    var catalog: ReferenceCatalog
    var account: UserAccount?
    var form: FormData
    var errors: [FieldError]
    var tokens: [APIToken] = []
    var now = Date()
    var notice: String?

    static func form(for account: UserAccount) -> FormData {
        var pairs: [(String, String)] = [("displayName", account.displayName), ("unit", account.unit?.text ?? ""),
                                         ("positionId", account.positionId.map(String.init) ?? ""), ("disabled", account.disabled ? "1" : "")]
        pairs += account.roles.sorted().map { ("roles", $0.rawValue) }
        return FormData(pairs: pairs)
    }

    static func status(_ user: UserAccount, now: Date) -> String {
        if user.disabled { return WebText.Accounts.disabled }
        if user.isLocked(at: now) { return WebText.Accounts.locked }
        if user.mustChangePassword { return WebText.Accounts.awaitingPasswordChange }
        return WebText.Accounts.active
    }

    func messages(_ field: String) -> [String] {
        errors.filter { $0.field == field }.map(\.message)
    }

    var title: String { account.map { WebText.Accounts.userTitle($0.username) } ?? WebText.Accounts.newUser }

    var document: HTML {
        Layout.document(title: title, context: context, nav: .admin, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.adminUsers.path)), .text(WebText.Accounts.users)), .span(.text(" / ")), .span(.text(title))),
            .h1(.text(title)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .div(.class("columns"),
                 .div(.class("col-main"), accountForm),
                 .div(.class("col-side"), .unwrap(account) { actions(for: $0) }))
        ))
    }

    private var accountForm: Node<HTML.BodyContext> {
        let roleOptions = Role.allCases.map { Components.Option($0.rawValue, $0.label) }
        let seatOptions = catalog.positions.filter { $0.duty != .staff }.map {
            Components.Option(String($0.id), "\($0.display) · \($0.unitName)", group: $0.duty == .sponsor ? WebText.Accounts.sponsor : WebText.Accounts.secretary)
        }
        return .form(
            .method(.post), .action(esc(account.map { Route.adminUser($0.id).path } ?? Route.adminUsers.path)), .class("project-form card"),
            Layout.csrfField(context),
            .div(.class("field-grid"),
                 .if(account == nil, Components.textField("username", label: WebText.Accounts.username, value: form["username"], errors: messages("username"),
                                                          required: true, hint: WebText.Accounts.usernameHint)),
                 Components.textField("displayName", label: WebText.Accounts.displayName, value: form["displayName"], errors: messages("displayName"), required: true),
                 Components.selectField("unit", label: WebText.Accounts.unit, options: UnitNames.options(catalog), selected: form["unit"], errors: messages("unit"),
                                        blank: WebText.Accounts.noUnit),
                 Components.selectField("positionId", label: WebText.Accounts.positionHint, options: seatOptions, selected: form["positionId"],
                                        errors: messages("positionId"), blank: WebText.Accounts.none),
                 Components.checkboxes("roles", label: WebText.Accounts.roles, options: roleOptions, selected: form.all("roles"), errors: messages("roles")),
                 .if(account != nil, Components.checkboxes("disabled", label: WebText.Accounts.status, options: [.init("1", WebText.Accounts.disableAccount)], selected: [form["disabled"]]))),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(account == nil ? WebText.Accounts.createWithPassword : WebText.Accounts.save)))
        )
    }

    private func actions(for account: UserAccount) -> Node<HTML.BodyContext> {
        .group(
            .section(.class("card"),
                .h2(.text(WebText.Accounts.passwordAndLock)),
                .p(.text(WebText.Accounts.statusLine(Self.status(account, now: now)))),
                .form(.method(.post), .action(esc(Route.resetPassword(account.id).path)), Layout.csrfField(context),
                      .button(.type(.submit), .class("button secondary"), .text(WebText.Accounts.resetPassword))),
                .form(.method(.post), .action(esc(Route.lockUser(account.id).path)), Layout.csrfField(context),
                      .input(.type(.hidden), .name("action"), .value(account.isLocked(at: now) ? "unlock" : "lock")),
                      .button(.type(.submit), .class("button secondary"), .text(account.isLocked(at: now) ? WebText.Accounts.unlock : WebText.Accounts.lock)))
            ),
            .section(.class("card"),
                .h2(.text(WebText.Accounts.apiToken)),
                .ul(.class("timeline"), .forEach(tokens) { token in
                    .li(
                        .text(WebText.Accounts.tokenLine(token.name, Format.dateTime(token.createdAt))),
                        .span(.class("when"), .text(token.lastUsedAt.map { WebText.Accounts.tokenLastUsed(Format.dateTime($0)) } ?? WebText.Accounts.tokenUnused)),
                        .if(token.isRevoked, .span(.class("flag flag-info"), .text(WebText.Accounts.revoked))),
                        .if(!token.isRevoked, .form(.method(.post), .action(esc(Route.revokeToken(token.id).path)), .class("inline"), Layout.csrfField(context),
                                                    .button(.type(.submit), .class("link-button"), .text(WebText.Accounts.revoke))))
                    )
                }),
                .form(.method(.post), .action(esc(Route.issueToken(account.id).path)), Layout.csrfField(context),
                      Components.textField("name", label: WebText.Accounts.tokenName, value: "", placeholder: WebText.Accounts.tokenNameExample),
                      .button(.type(.submit), .class("button secondary"), .text(WebText.Accounts.issueToken)))
            )
        )
    }
}

/// Shows a password or token once, right after it was made.
struct OneTimeSecretPage {
    var context: PageContext
    var title: String
    var label: String
    var secret: String
    var note: String
    var back: Route

    var document: HTML {
        Layout.document(title: title, context: context, nav: .admin, content: .div(
            .class("card login"),
            .h1(.text(title)),
            .p(.text(label + "：")),
            .p(.class("secret"), .element(named: "code", text: secret)),
            .div(.class("alert alert-warn"), .text(note)),
            .a(.class("button"), .href(esc(back.path)), .text(WebText.Accounts.back))
        ))
    }
}
