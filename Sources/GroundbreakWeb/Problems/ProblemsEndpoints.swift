import GroundbreakDomain

/// The problem list: raise, assign, handle, close out, escalate, and the evidence files.
enum ProblemsEndpoints: String, EndpointSet {
    case problemsPage, problemsXLSX, problemRaiseFind, problemShow, projectProblemRaise, problemManage, problemHandle, problemConfirm, problemsEscalate
    case enterpriseProblemRaise, apiProblems, apiProblem, apiRaiseProblem, apiProblemManage, apiProblemHandle
    case apiProblemConfirm, apiRaiseEnterpriseProblem, apiProblemFileUpload

    static let navigation = [
        NavigationEntry(.problems, order: 50, label: WebText.Nav.problems, route: .problems(ProblemQuery()), requires: .viewProblems),
    ]

    static let feature = "problems"

    var declaration: EndpointDeclaration {
        switch self {
        case .problemsPage: .get("/problems", .viewProblems, ProblemPages.list)
        case .problemsXLSX: .get("/problems.xlsx", .viewProblems, ProblemExport.xlsx)
        case .problemRaiseFind: .get("/problems/raise", .viewProblems, ProblemPages.findProject)
        case .problemShow: .get("/problems/:id", .viewProblems, on: .problem, ProblemPages.show)
        case .projectProblemRaise: .post("/projects/:id/problems", .editProject, on: .project, upload: true, ProblemPages.raise)
        case .problemManage: .post("/problems/:id/manage", .manageProblems, on: .problem, { try await ProblemPages.event($0, group: .manage) })
        case .problemHandle: .post("/problems/:id/handle", .handleProblem, on: .problem, upload: true, { try await ProblemPages.event($0, group: .handle) })
        case .problemConfirm: .post("/problems/:id/confirm", .confirmProblem, on: .problem, { try await ProblemPages.event($0, group: .confirm) })
        case .problemsEscalate: .post("/problems/escalate", .manageProblems, ProblemPages.escalateOverdue)
        case .enterpriseProblemRaise: .post("/problems", .raiseEnterpriseProblem, ProblemPages.raiseForEnterprise)
        case .apiProblems: .get("/api/v1/problems", .viewProblems, ProblemsAPI.list)
        case .apiProblem: .get("/api/v1/problems/:id", .viewProblems, on: .problem, ProblemsAPI.show)
        case .apiRaiseProblem: .post("/api/v1/projects/:id/problems", .editProject, on: .project, ProblemsAPI.raise)
        case .apiProblemManage: .post("/api/v1/problems/:id/manage", .manageProblems, on: .problem, { try await ProblemsAPI.event($0, group: .manage) })
        case .apiProblemHandle: .post("/api/v1/problems/:id/handle", .handleProblem, on: .problem, { try await ProblemsAPI.event($0, group: .handle) })
        case .apiProblemConfirm: .post("/api/v1/problems/:id/confirm", .confirmProblem, on: .problem, { try await ProblemsAPI.event($0, group: .confirm) })
        case .apiRaiseEnterpriseProblem: .post("/api/v1/problems", .raiseEnterpriseProblem, ProblemsAPI.raiseForEnterprise)
        case .apiProblemFileUpload: .post("/api/v1/problems/:id/files", .handleProblem, on: .problem, upload: true, ProblemsAPI.uploadFile)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = ProblemsEndpoints

    static func problems(_ query: ProblemQuery) -> Route { Route(E.problemsPage, query: query.items) }
    static func problemsXLSX(_ query: ProblemQuery) -> Route { Route(E.problemsXLSX, query: query.items.filter { $0.0 != "page" && $0.0 != "perPage" }) }
    static func problem(_ id: Int64) -> Route { Route(E.problemShow, id: id) }
    static func raiseProblem(projectId: Int64) -> Route { Route(E.projectProblemRaise, id: projectId) }
    static var findProjectToRaise: Route { Route(E.problemRaiseFind) }
    static func manageProblem(_ id: Int64) -> Route { Route(E.problemManage, id: id) }
    static func handleProblem(_ id: Int64) -> Route { Route(E.problemHandle, id: id) }
    static func confirmProblem(_ id: Int64) -> Route { Route(E.problemConfirm, id: id) }
    static var escalateProblems: Route { Route(E.problemsEscalate) }
    static var raiseEnterpriseProblem: Route { Route(E.enterpriseProblemRaise) }
}

extension NavItem {
    static let problems = NavItem("problems")
}
