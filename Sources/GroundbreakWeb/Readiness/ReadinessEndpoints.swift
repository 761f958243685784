import GroundbreakDomain
import GroundbreakStore

/// 要素保障: each project's readiness for a start, the 开工条件 summary of the year's planned
/// starts, and the 已拿地未开工 list.
enum ReadinessEndpoints: String, EndpointSet {
    case projectPage, projectSave, projectProblem, startsPage, startsXLSX, landPage, landXLSX
    case apiProject, apiSave, apiStarts, apiLand

    static let navigation = [NavigationEntry(.readiness, order: 36, label: WebText.Nav.readiness, route: .readinessStarts(), requires: .viewProjects)]

    static let feature = "readiness"

    var declaration: EndpointDeclaration {
        switch self {
        case .projectPage: .get("/projects/:id/readiness", .viewProjects, on: .project, ReadinessPages.project)
        case .projectSave: .post("/projects/:id/readiness", .editProject, on: .project, ReadinessPages.save)
        case .projectProblem: .post("/projects/:id/readiness/problem", .editProject, on: .project, ReadinessPages.raise)
        case .startsPage: .get("/readiness", .viewProjects, ReadinessListPages.starts)
        case .startsXLSX: .get("/readiness.xlsx", .viewProjects, ReadinessListPages.startsXLSX)
        case .landPage: .get("/readiness/land-waiting", .viewProjects, ReadinessListPages.land)
        case .landXLSX: .get("/readiness/land-waiting.xlsx", .viewProjects, ReadinessListPages.landXLSX)
        case .apiProject: .get("/api/v1/projects/:id/readiness", .viewProjects, on: .project, ReadinessPages.api)
        case .apiSave: .post("/api/v1/projects/:id/readiness", .editProject, on: .project, ReadinessPages.apiSave)
        case .apiStarts: .get("/api/v1/readiness/starts", .viewProjects, ReadinessListPages.apiStarts)
        case .apiLand: .get("/api/v1/readiness/land-waiting", .viewProjects, ReadinessListPages.apiLand)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = ReadinessEndpoints

    static func projectReadiness(_ id: Int64) -> Route { Route(E.projectPage, id: id) }
    static func saveReadiness(_ id: Int64) -> Route { Route(E.projectSave, id: id) }
    static func readinessProblem(_ id: Int64) -> Route { Route(E.projectProblem, id: id) }
    static func readinessStarts(_ filter: ReadinessFilter = ReadinessFilter()) -> Route { Route(E.startsPage, query: filter.query) }
    static func readinessStartsXLSX(_ filter: ReadinessFilter) -> Route { Route(E.startsXLSX, query: filter.query) }
    static func landWaiting(_ filter: ReadinessFilter = ReadinessFilter()) -> Route { Route(E.landPage, query: filter.query) }
    static func landWaitingXLSX(_ filter: ReadinessFilter) -> Route { Route(E.landXLSX, query: filter.query) }
}

extension NavItem {
    static let readiness = NavItem("readiness")
}

extension AppServices {
    var readiness: ReadinessRepository { ReadinessRepository(database: database) }
}
