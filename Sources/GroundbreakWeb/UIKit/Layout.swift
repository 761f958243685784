import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

/// What every page knows about the request it answers.
struct PageContext: Sendable {
    var principal: Principal?
    /// The session's CSRF token, written into every form that changes something.
    var csrfToken: String?
    var today: Day

    init(principal: Principal?, csrfToken: String?, today: Day) {
        self.principal = principal
        self.csrfToken = csrfToken
        self.today = today
    }

    /// What the navigation offers; the guard still decides every request.
    var allowedActions: Set<PolicyAction> = []

    func may(_ action: PolicyAction) -> Bool {
        allowedActions.contains(action)
    }

    init(_ input: EndpointRequest) {
        self.init(principal: input.principal, csrfToken: input.context.session?.csrfToken, today: input.today)
        let catalog = input.catalog
        allowedActions = Set(PolicyAction.allCases.filter { Policy.decide($0, for: input.principal, catalog: catalog) == .allow })
    }
}

enum NavItem {
    case ledger, newProject, approvals, reports, problems, meetings, supervision, inbox, admin, audit, account, none
}

/// The frame around every page: header with navigation and the signed-in user, then the content.
enum Layout {
    static func document(title: String, context: PageContext, nav: NavItem, content: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) - \(WebText.productShort)"),
                .link(.rel(.stylesheet), .href(esc(Assets.versionedPath("app.css")))),
                .script(.src(esc(Assets.versionedPath("app.js"))), .defer())
            ),
            .body(
                .header(
                    .class("topbar"),
                    .a(.class("brand"), .href(esc(Route.ledger.path)), .text(WebText.product)),
                    .if(context.principal != nil, .nav(
                        .class("mainnav"),
                        navLink(WebText.Nav.ledger, .ledger, active: nav == .ledger),
                        .if(context.may(.createProject), navLink(WebText.Nav.newProject, .newProject, active: nav == .newProject)),
                        navLink("审批", .approvalQueue(FormData(pairs: [])), active: nav == .approvals),
                        navLink("月度填报", .reportsBoard(month: nil), active: nav == .reports),
                        .if(context.may(.viewProblems), navLink("问题清单", .problems(ProblemQuery()), active: nav == .problems)),
                        .if(context.may(.viewMeetings), navLink("会议", .meetings, active: nav == .meetings)),
                        .if(context.may(.viewSupervision), navLink("督办", .supervision(openOnly: true), active: nav == .supervision)),
                        navLink("消息", .notifications, active: nav == .inbox),
                        .if(context.may(.viewAudit), navLink("审计日志", .audit(FormData(pairs: [])), active: nav == .audit)),
                        .if(context.may(.administer), navLink("用户管理", .adminUsers, active: nav == .admin))
                    )),
                    .unwrap(context.principal) { principal in
                        .div(
                            .class("user"),
                            .a(.class("user-name"), .href(esc(Route.account.path)), .text(principal.displayName)),
                            .form(
                                .method(.post), .action(esc(Route.logout.path)), .class("inline"),
                                csrfField(context),
                                .button(.type(.submit), .class("link-button"), .text(WebText.Nav.signOut))
                            )
                        )
                    }
                ),
                .main(.class("page"), content)
            )
        )
    }

    static func navLink(_ label: String, _ route: Route, active: Bool) -> Node<HTML.BodyContext> {
        .a(.href(esc(route.path)), .class(active ? "active" : ""), .text(label))
    }

    static func csrfField<C: HTML.BodyContext>(_ context: PageContext) -> Node<C> {
        .input(.type(.hidden), .name("_csrf"), .value(esc(context.csrfToken ?? "")))
    }
}
