import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The file store's routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: FilesEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .fileShow:
            .ok
        }
    }
}
