import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The projects routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ProjectsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .projectCreate, .projectUpdate, .projectTransition:
            .seeOther
        case .apiCreateProject:
            .created
        case .ledgerPage, .ledgerCSV, .projectNewPage, .projectShowPage, .projectEditPage, .ledgerXLSX, .apiListProjects, .apiGetProject,
             .apiUpdateProject, .apiTransitionProject, .apiProjectHistory:
            .ok
        }
    }
}
