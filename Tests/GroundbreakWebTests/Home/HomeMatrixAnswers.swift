import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The home page's answer when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: HomeEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .home: .ok
        }
    }
}
