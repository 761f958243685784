import GroundbreakDomain

/// 包保: a sponsoring leader's portfolio with its 四率.
enum PortfolioEndpoints: String, EndpointSet {
    case portfolioPage, portfolioXLSX, apiPortfolio

    static let navigation = [NavigationEntry(.portfolio, order: 12, label: WebText.Nav.portfolio, route: .portfolio(), requires: .viewPortfolio)]

    static let feature = "portfolio"

    var declaration: EndpointDeclaration {
        switch self {
        case .portfolioPage: .get("/portfolio", .viewPortfolio, PortfolioPages.page)
        case .portfolioXLSX: .get("/portfolio.xlsx", .viewPortfolio, PortfolioPages.xlsx)
        case .apiPortfolio: .get("/api/v1/portfolio", .viewPortfolio, PortfolioPages.api)
        }
    }
}

/// The feature's typed links.
extension Route {
    static func portfolio(seat: Int64? = nil) -> Route { Route(PortfolioEndpoints.portfolioPage, query: seat.map { [("seat", String($0))] } ?? []) }
    static func portfolioXLSX(seat: Int64) -> Route { Route(PortfolioEndpoints.portfolioXLSX, query: [("seat", String(seat))]) }
}

extension NavItem {
    static let portfolio = NavItem("portfolio")
}
