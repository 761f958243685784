import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The reference routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ReferenceEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .apiReference:
            .ok
        }
    }
}
