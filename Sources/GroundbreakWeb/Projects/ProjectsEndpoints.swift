import GroundbreakDomain

/// The ledger, one project, its edits and stage changes.
enum ProjectsEndpoints: String, EndpointSet {
    case ledgerPage, ledgerCSV, ledgerXLSX, projectNewPage, projectCreate, projectShowPage, projectEditPage, projectUpdate
    case projectTransition, apiListProjects, apiCreateProject, apiGetProject, apiUpdateProject, apiTransitionProject, apiProjectHistory

    static let navigation = [
        NavigationEntry(.ledger, order: 10, label: WebText.Nav.ledger, route: .ledger),
        NavigationEntry(.newProject, order: 20, label: WebText.Nav.newProject, route: .newProject, requires: .createProject),
    ]

    static let feature = "projects"

    var declaration: EndpointDeclaration {
        switch self {
        case .ledgerPage: .get("/projects", .viewProjects, ProjectPages.ledger)
        case .ledgerCSV: .get("/projects.csv", .viewProjects, LedgerExportPages.csv).lagTolerant
        case .ledgerXLSX: .get("/projects.xlsx", .viewProjects, LedgerExportPages.xlsx).lagTolerant
        case .projectNewPage: .get("/projects/new", .createProject, ProjectPages.newForm)
        case .projectCreate: .post("/projects", .createProject, ProjectPages.create)
        case .projectShowPage: .get("/projects/:id", .viewProjects, on: .project, { try await ProjectPages.show($0) })
        case .projectEditPage: .get("/projects/:id/edit", .editProject, on: .project, ProjectPages.editForm)
        case .projectUpdate: .post("/projects/:id/edit", .editProject, on: .project, ProjectPages.update)
        case .projectTransition: .post("/projects/:id/transition", .transitionProject, on: .project, ProjectPages.transition)
        case .apiListProjects: .get("/api/v1/projects", .viewProjects, ProjectsAPI.list)
        case .apiCreateProject: .post("/api/v1/projects", .createProject, ProjectsAPI.create)
        case .apiGetProject: .get("/api/v1/projects/:id", .viewProjects, on: .project, ProjectsAPI.get)
        case .apiUpdateProject: .patch("/api/v1/projects/:id", .editProject, on: .project, ProjectsAPI.update)
        case .apiTransitionProject: .post("/api/v1/projects/:id/transitions", .transitionProject, on: .project, ProjectsAPI.transition)
        case .apiProjectHistory: .get("/api/v1/projects/:id/transitions", .viewProjects, on: .project, ProjectsAPI.history)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = ProjectsEndpoints

    static var ledger: Route { .ledger(ProjectQuery()) }

    static func ledger(_ query: ProjectQuery) -> Route { Route(E.ledgerPage, query: query.items) }
    static func ledgerCSV(_ query: ProjectQuery) -> Route { Route(E.ledgerCSV, query: query.items.filter { $0.0 != "page" && $0.0 != "perPage" }) }
    static func ledgerXLSX(_ query: ProjectQuery) -> Route { Route(E.ledgerXLSX, query: query.items.filter { $0.0 != "page" && $0.0 != "perPage" }) }
    static var newProject: Route { Route(E.projectNewPage) }
    static func project(_ id: Int64) -> Route { Route(E.projectShowPage, id: id) }
    static func editProject(_ id: Int64) -> Route { Route(E.projectEditPage, id: id) }
    static func transition(_ id: Int64) -> Route { Route(E.projectTransition, id: id) }
    static var apiProjects: Route { Route(E.apiListProjects) }
    static func apiProject(_ id: Int64) -> Route { Route(E.apiGetProject, id: id) }
}

extension NavItem {
    static let ledger = NavItem("ledger")
    static let newProject = NavItem("newProject")
}
