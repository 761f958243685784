import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The problems routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ProblemsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .projectProblemRaise, .problemManage, .problemHandle, .problemsEscalate, .enterpriseProblemRaise:
            .seeOther
        case .apiRaiseProblem, .apiRaiseEnterpriseProblem, .apiProblemFileUpload:
            .created
        case .problemConfirm, .apiProblemConfirm:
            .unprocessableContent // the matrix asks to close out a problem nobody has resolved: refused on its merits
        case .problemRaiseFind:
            .unprocessableContent // the matrix names no project: asked for one
        case .problemsPage, .problemsXLSX, .problemShow, .apiProblems, .apiProblem, .apiProblemManage, .apiProblemHandle:
            .ok
        }
    }
}
