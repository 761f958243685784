import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The lights' answer when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: WarningsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .warningsPage, .warningsXLSX, .apiWarnings, .rulesPage, .apiRules: .ok
        case .rulesSave: .seeOther
        case .apiRulesSave: .created
        }
    }
}
