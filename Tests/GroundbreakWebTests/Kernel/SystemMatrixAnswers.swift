import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The system routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: SystemEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .healthz, .metrics, .asset, .apiOpenAPI:
            .ok
        }
    }
}
