import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The big screen's answer when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ScreenEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .screenPage: .ok
        }
    }
}
