import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The imports routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ImportsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .importCommit:
            .unprocessableContent // the matrix names a file never previewed: the commit refuses it on its merits
        case .importsPage, .importUpload, .apiImportProjects, .apiImportMonthly:
            .ok
        }
    }
}
