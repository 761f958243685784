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
        Layout.document(title: "用户管理", context: context, nav: .admin, content: .group(
            .div(.class("page-head"), .h1(.text("用户管理")),
                 .div(.class("actions"), .a(.class("button"), .href(esc(Route.newUser.path)), .text("新增用户")),
                      .a(.class("button secondary"), .href(esc(Route.adminPositions.path)), .text("职务管理")),
                      .a(.class("button secondary"), .href(esc(Route.calendarAdmin.path)), .text("工作日历")),
                      .a(.class("button secondary"), .href(esc(Route.approvalItemsAdmin.path)), .text("审批事项目录")),
                      .a(.class("button secondary"), .href(esc(Route.adminWebhooks.path)), .text("推送接口")))),
            .div(.class("table-wrap"), .table(
                .class("ledger"),
                .thead(.tr(.th(.text("用户名")), .th(.text("姓名")), .th(.text("角色")), .th(.text("所属单位")), .th(.text("职务")), .th(.text("状态")))),
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
        if user.disabled { return "已停用" }
        if user.isLocked(at: now) { return "已锁定" }
        if user.mustChangePassword { return "待修改初始密码" }
        return "正常"
    }

    func messages(_ field: String) -> [String] {
        errors.filter { $0.field == field }.map(\.message)
    }

    var title: String { account.map { "用户：\($0.username)" } ?? "新增用户" }

    var document: HTML {
        Layout.document(title: title, context: context, nav: .admin, content: .group(
            .nav(.class("breadcrumb"), .a(.href(esc(Route.adminUsers.path)), .text("用户管理")), .span(.text(" / ")), .span(.text(title))),
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
            Components.Option(String($0.id), "\($0.display) · \($0.unitName)", group: $0.duty == .sponsor ? "包保领导" : "项目秘书")
        }
        return .form(
            .method(.post), .action(esc(account.map { Route.adminUser($0.id).path } ?? Route.adminUsers.path)), .class("project-form card"),
            Layout.csrfField(context),
            .div(.class("field-grid"),
                 .if(account == nil, Components.textField("username", label: "用户名", value: form["username"], errors: messages("username"),
                                                          required: true, hint: "字母、数字、点、下划线和连字符，3–64位")),
                 Components.textField("displayName", label: "姓名", value: form["displayName"], errors: messages("displayName"), required: true),
                 Components.selectField("unit", label: "所属单位", options: UnitNames.options(catalog), selected: form["unit"], errors: messages("unit"),
                                        blank: "无（仅管理员、项目秘书、包保领导可不填）"),
                 Components.selectField("positionId", label: "职务（项目秘书、包保领导必填）", options: seatOptions, selected: form["positionId"],
                                        errors: messages("positionId"), blank: "无"),
                 Components.checkboxes("roles", label: "角色", options: roleOptions, selected: form.all("roles"), errors: messages("roles")),
                 .if(account != nil, Components.checkboxes("disabled", label: "状态", options: [.init("1", "停用此账号")], selected: [form["disabled"]]))),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(account == nil ? "新增并生成初始密码" : "保存")))
        )
    }

    private func actions(for account: UserAccount) -> Node<HTML.BodyContext> {
        .group(
            .section(.class("card"),
                .h2(.text("密码与锁定")),
                .p(.text("状态：\(Self.status(account, now: now))")),
                .form(.method(.post), .action(esc(Route.resetPassword(account.id).path)), Layout.csrfField(context),
                      .button(.type(.submit), .class("button secondary"), .text("重置密码"))),
                .form(.method(.post), .action(esc(Route.lockUser(account.id).path)), Layout.csrfField(context),
                      .input(.type(.hidden), .name("action"), .value(account.isLocked(at: now) ? "unlock" : "lock")),
                      .button(.type(.submit), .class("button secondary"), .text(account.isLocked(at: now) ? "解除锁定" : "锁定账号")))
            ),
            .section(.class("card"),
                .h2(.text("API 令牌")),
                .ul(.class("timeline"), .forEach(tokens) { token in
                    .li(
                        .text("\(token.name) · 签发于 \(Format.dateTime(token.createdAt))"),
                        .span(.class("when"), .text(token.lastUsedAt.map { " · 最近使用 \(Format.dateTime($0))" } ?? " · 未使用")),
                        .if(token.isRevoked, .span(.class("flag flag-info"), .text("已撤销"))),
                        .if(!token.isRevoked, .form(.method(.post), .action(esc(Route.revokeToken(token.id).path)), .class("inline"), Layout.csrfField(context),
                                                    .button(.type(.submit), .class("link-button"), .text("撤销"))))
                    )
                }),
                .form(.method(.post), .action(esc(Route.issueToken(account.id).path)), Layout.csrfField(context),
                      Components.textField("name", label: "新令牌名称", value: "", placeholder: "如：省平台数据对接"),
                      .button(.type(.submit), .class("button secondary"), .text("签发令牌")))
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
            .a(.class("button"), .href(esc(back.path)), .text("返回"))
        ))
    }
}
