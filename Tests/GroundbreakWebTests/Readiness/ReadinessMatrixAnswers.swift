import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The readiness routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ReadinessEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .projectPage, .startsPage, .startsXLSX, .landPage, .landXLSX, .apiProject, .apiStarts, .apiLand: .ok
        // An empty form changes nothing and goes back to the page; an empty body names no item; raising names no item.
        case .projectSave: .seeOther
        case .apiSave, .projectProblem: .unprocessableContent
        }
    }
}
