import GroundbreakDomain
import GroundbreakStore

/// 集中开工: the year's batches with the start targets, each batch's planned projects with their
/// readiness and starts, the list officials hand out.
enum CampaignsEndpoints: String, EndpointSet {
    case listPage, listXLSX, create, show, showXLSX, setProject
    case apiList, apiShow, apiCreate, apiProjects

    static let navigation = [NavigationEntry(.campaigns, order: 37, label: WebText.Nav.campaigns, route: .campaigns(), requires: .viewProjects)]

    static let feature = "campaigns"

    var declaration: EndpointDeclaration {
        switch self {
        case .listPage: .get("/campaigns", .viewProjects, CampaignPages.list)
        case .listXLSX: .get("/campaigns.xlsx", .viewProjects, CampaignPages.yearXLSX)
        case .create: .post("/campaigns", .organiseCampaigns, CampaignPages.create)
        case .show: .get("/campaigns/:id", .viewProjects, on: .campaign, CampaignPages.show)
        case .showXLSX: .get("/campaigns/:id/projects.xlsx", .viewProjects, on: .campaign, CampaignPages.xlsx)
        case .setProject: .post("/campaigns/:id/projects", .organiseCampaigns, on: .campaign, CampaignPages.setProject)
        case .apiList: .get("/api/v1/campaigns", .viewProjects, CampaignPages.apiList)
        case .apiShow: .get("/api/v1/campaigns/:id", .viewProjects, on: .campaign, CampaignPages.apiShow)
        case .apiCreate: .post("/api/v1/campaigns", .organiseCampaigns, CampaignPages.apiCreate)
        case .apiProjects: .post("/api/v1/campaigns/:id/projects", .organiseCampaigns, on: .campaign, CampaignPages.apiProjects)
        }
    }
}

extension Route {
    private typealias E = CampaignsEndpoints

    static func campaigns(year: Int? = nil) -> Route { Route(E.listPage, query: year.map { [("year", String($0))] } ?? []) }
    static func campaignsXLSX(year: Int) -> Route { Route(E.listXLSX, query: [("year", String(year))]) }
    static var createCampaign: Route { Route(E.create) }
    static func campaign(_ id: Int64) -> Route { Route(E.show, id: id) }
    static func campaignXLSX(_ id: Int64) -> Route { Route(E.showXLSX, id: id) }
    static func campaignProjects(_ id: Int64) -> Route { Route(E.setProject, id: id) }
}

extension NavItem {
    static let campaigns = NavItem("campaigns")
}

extension ObjectTarget {
    /// A 集中开工 batch: the city's (or a district's), read by whoever reads projects — each reader
    /// sees the planned projects in their own scope; kept by the centre.
    static let campaign = ObjectTarget("campaign") { input, action in
        guard let campaign = try await input.services.campaigns.campaign(id: try input.id()) else { throw AppError.notFound }
        input.loaded[Campaign.self] = campaign
        return Policy.decide(action, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var campaign: Campaign? { loaded[Campaign.self] }
}

extension AppServices {
    var campaigns: CampaignRepository { CampaignRepository(database: database) }
}
