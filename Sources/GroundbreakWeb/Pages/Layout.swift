import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot

/// What every page knows about the request it answers.
struct PageContext: Sendable {
    var identity: Identity?
    /// The session's CSRF token, written into every form that changes something.
    var csrfToken: String?
    var today: Day

    init(identity: Identity?, csrfToken: String?, today: Day) {
        self.identity = identity
        self.csrfToken = csrfToken
        self.today = today
    }

    init(_ input: EndpointRequest) {
        self.init(identity: input.identity, csrfToken: input.context.session?.csrfToken, today: input.today)
    }
}

enum NavItem {
    case ledger, newProject, none
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
                    .if(context.identity != nil, .nav(
                        .class("mainnav"),
                        navLink(WebText.Nav.ledger, .ledger, active: nav == .ledger),
                        navLink(WebText.Nav.newProject, .newProject, active: nav == .newProject)
                    )),
                    .unwrap(context.identity) { identity in
                        .div(
                            .class("user"),
                            .span(.class("user-name"), .text(identity.displayName)),
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
