import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The assessment routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: AssessmentEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .assessmentPage, .assessmentXLSX, .apiAssessment, .taskForceRankingPage, .taskForceRankingXLSX, .apiTaskForceRanking: .ok
        }
    }
}
