import Foundation
import GroundbreakDomain
import GroundbreakStore
import Plot
import Synchronization

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

/// Which main-navigation entry a page belongs to; features declare their own beside their endpoints.
struct NavItem: Hashable, Sendable {
    let name: String
    init(_ name: String) { self.name = name }

    /// Pages that belong to no entry (sign-in, errors).
    static let none = NavItem("none")
}

/// An entry of the main navigation a feature offers: its place, label, where it goes, and what
/// the caller must be allowed to do to see it (the guard still decides every request).
struct NavigationEntry: Sendable {
    let item: NavItem
    let order: Int
    let label: String
    let route: Route
    let requires: PolicyAction?

    init(_ item: NavItem, order: Int, label: String, route: Route, requires: PolicyAction? = nil) {
        self.item = item
        self.order = order
        self.label = label
        self.route = route
        self.requires = requires
    }

    /// Every feature's entries, in their order.
    static let all: [NavigationEntry] = Features.all.flatMap { $0.navigation }.sorted { $0.order < $1.order }
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
                .raw(assets)
            ),
            .body(
                .header(
                    .class("topbar"),
                    .a(.class("brand"), .href(esc(Route.home.path)), .text(WebText.product)),
                    // On a phone the navigation folds behind a menu button (a checkbox and its
                    // label: no script needed); on a desktop both are hidden and the bar shows.
                    .if(context.principal != nil, .input(.type(.checkbox), .id("nav-toggle"), .class("nav-toggle"),
                                                         .attribute(named: "aria-label", value: WebText.Nav.menu))),
                    .if(context.principal != nil, .label(.for("nav-toggle"), .class("nav-button"), .text(WebText.Nav.menu))),
                    .if(context.principal != nil, .raw(navigation(context, active: nav))),
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
                .main(.class("page"), figuresLag, content)
            )
        )
    }

    /// Says so when the page's figures were answered from an older generation (`FiguresLag`).
    private static var figuresLag: Node<HTML.BodyContext> {
        guard let seconds = FiguresLag.current?.stalenessSeconds else { return .empty }
        return .p(.class("hint figures-lag"), .attribute(named: "role", value: "status"), .text(WebText.Figures.lagging(seconds)))
    }

    /// The style sheet and the script, named with their hashes: the same on every page.
    private static let assets = Node<HTML.HeadContext>.group(
        .link(.rel(.stylesheet), .href(esc(Assets.versionedPath("app.css")))),
        .script(.src(esc(Assets.versionedPath("app.js"))), .defer())
    ).render()

    /// The main navigation: the entries the reader may use, one marked active. Rendered once for
    /// each set of entries and active one (a handful per role), not on every page.
    private static func navigation(_ context: PageContext, active: NavItem) -> String {
        let shown = NavigationEntry.all.indices.filter { NavigationEntry.all[$0].requires.map(context.may) ?? true }
        let key = NavigationKey(shown: shown, active: active)
        if let html = renderedNavigation.withLock({ $0[key] }) { return html }
        let html = Node<HTML.BodyContext>.nav(.class("mainnav"), .forEach(shown) { index in
            let entry = NavigationEntry.all[index]
            return navLink(entry.label, entry.route, active: active == entry.item)
        }).render()
        renderedNavigation.withLock { kept in
            if kept.count >= 512 { kept.removeAll() }
            kept[key] = html
        }
        return html
    }

    private struct NavigationKey: Hashable {
        let shown: [Int]
        let active: NavItem
    }

    private static let renderedNavigation = Mutex<[NavigationKey: String]>([:])

    static func navLink(_ label: String, _ route: Route, active: Bool) -> Node<HTML.BodyContext> {
        .a(.href(esc(route.path)), .class(active ? "active" : ""), .text(label))
    }

    static func csrfField<C: HTML.BodyContext>(_ context: PageContext) -> Node<C> {
        .input(.type(.hidden), .name("_csrf"), .value(esc(context.csrfToken ?? "")))
    }
}
