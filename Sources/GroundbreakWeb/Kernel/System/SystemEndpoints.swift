import GroundbreakDomain

/// Health, metrics, static files and the API document: no session, no policy.
enum SystemEndpoints: String, EndpointSet {
    case healthz, metrics, asset, apiOpenAPI

    static let feature = "system"

    var declaration: EndpointDeclaration {
        switch self {
        case .healthz: .system("/healthz", SystemHandlers.healthz)
        case .metrics: .system("/metrics", SystemHandlers.metrics)
        case .asset: .system("/assets/:file", SystemHandlers.asset)
        case .apiOpenAPI: .get("/api/v1/openapi.json", nil, ProjectsAPI.openAPI)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = SystemEndpoints

    static func asset(_ file: String) -> Route { Route(E.asset, parameter: (":file", file)) }
    static var openAPI: Route { Route(E.apiOpenAPI) }
}
