import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The reserve routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: ReserveEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .listPage, .listXLSX, .designationsXLSX, .conversionXLSX, .projectPage, .importPage, .apiList, .apiProject: .ok
        // No file: the upload is refused on its merits; the commit without a kept preview too; the API previews an empty body.
        case .importUpload, .importCommit: .unprocessableContent
        case .apiImport: .ok
        // Without a source, grade or note the entry is refused on its merits; a project not in the reserve is not promoted.
        case .projectSave, .apiSave, .projectPromote, .apiPromote: .unprocessableContent
        }
    }
}
