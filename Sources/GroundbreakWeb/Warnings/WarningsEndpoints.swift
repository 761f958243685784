import GroundbreakDomain

/// 红黄绿: every project's light with the reasons, counted by unit, listed, exported.
enum WarningsEndpoints: String, EndpointSet {
    case warningsPage, warningsXLSX, apiWarnings, rulesPage, rulesSave, apiRules, apiRulesSave

    static let navigation = [NavigationEntry(.warnings, order: 42, label: WebText.Nav.warnings, route: .warnings(), requires: .viewProjects)]

    static let feature = "warnings"

    var declaration: EndpointDeclaration {
        switch self {
        case .warningsPage: .get("/warnings", .viewProjects, WarningPages.page).lagTolerant
        case .warningsXLSX: .get("/warnings.xlsx", .viewProjects, WarningPages.xlsx).lagTolerant
        case .apiWarnings: .get("/api/v1/warnings", .viewProjects, WarningPages.api).lagTolerant
        case .rulesPage: .get("/warnings/rules", .viewProjects, WarningRulePages.page)
        case .rulesSave: .post("/warnings/rules", .manageWarnings, WarningRulePages.save)
        case .apiRules: .get("/api/v1/warnings/rules", .viewProjects, WarningRulePages.apiRules)
        case .apiRulesSave: .post("/api/v1/warnings/rules", .manageWarnings, WarningRulePages.apiSave)
        }
    }
}

/// The feature's typed links.
extension Route {
    static func warnings(_ filter: WarningFilter = WarningFilter()) -> Route { warnings(query: filter.items) }
    /// A page of a filtered list (`WarningsPage.query`).
    static func warnings(query: [(String, String)]) -> Route { Route(WarningsEndpoints.warningsPage, query: query) }
    static func warningsXLSX(_ filter: WarningFilter) -> Route { Route(WarningsEndpoints.warningsXLSX, query: filter.items) }
    static var warningRules: Route { Route(WarningsEndpoints.rulesPage) }
    static var saveWarningRules: Route { Route(WarningsEndpoints.rulesSave) }
}

extension NavItem {
    static let warnings = NavItem("warnings")
}
