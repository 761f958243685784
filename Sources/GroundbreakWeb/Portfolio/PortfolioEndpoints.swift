import GroundbreakDomain

/// 包保: a sponsoring leader's portfolio with its 四率, and what the leader did on its projects.
enum PortfolioEndpoints: String, EndpointSet {
    case portfolioPage, portfolioXLSX, apiPortfolio, activityCreate, apiActivityCreate

    static let navigation = [NavigationEntry(.portfolio, order: 12, label: WebText.Nav.portfolio, route: .portfolio(), requires: .viewPortfolio)]

    static let feature = "portfolio"

    var declaration: EndpointDeclaration {
        switch self {
        case .portfolioPage: .get("/portfolio", .viewPortfolio, PortfolioPages.page)
        case .portfolioXLSX: .get("/portfolio.xlsx", .viewPortfolio, PortfolioPages.xlsx)
        case .apiPortfolio: .get("/api/v1/portfolio", .viewPortfolio, PortfolioPages.api)
        case .activityCreate: .post("/portfolio/activities", .recordSponsorActivity, SponsorActivityPages.create)
        case .apiActivityCreate: .post("/api/v1/portfolio/activities", .recordSponsorActivity, SponsorActivityPages.apiCreate)
        }
    }
}

/// The feature's typed links.
extension Route {
    static func portfolio(seat: Int64? = nil) -> Route { Route(PortfolioEndpoints.portfolioPage, query: seat.map { [("seat", String($0))] } ?? []) }
    static func portfolioXLSX(seat: Int64) -> Route { Route(PortfolioEndpoints.portfolioXLSX, query: [("seat", String(seat))]) }
    static var recordSponsorActivity: Route { Route(PortfolioEndpoints.activityCreate) }
}

extension NavItem {
    static let portfolio = NavItem("portfolio")
}
