import GroundbreakDomain

/// Ledgers and monthly figures read from the officials' own files.
enum ImportsEndpoints: String, EndpointSet {
    case importsPage, importUpload, importCommit, apiImportProjects, apiImportMonthly

    static let feature = "imports"

    var declaration: EndpointDeclaration {
        switch self {
        case .importsPage: .get("/imports", .editProject, ImportPages.page)
        case .importUpload: .post("/imports", .editProject, upload: true, ImportPages.upload)
        case .importCommit: .post("/imports/commit", .editProject, ImportPages.commit)
        case .apiImportProjects: .post("/api/v1/imports/projects", .editProject, upload: true, ImportPages.apiProjects)
        case .apiImportMonthly: .post("/api/v1/imports/monthly", .editProject, upload: true, ImportPages.apiMonthly)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = ImportsEndpoints

    static var imports: Route { Route(E.importsPage) }
    static var importCommit: Route { Route(E.importCommit) }
}
