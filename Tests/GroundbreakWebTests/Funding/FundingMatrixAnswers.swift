import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The funding routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: FundingEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .listPage, .listXLSX, .newPage, .importPage, .show, .editPage, .figuresPage, .figuresXLSX, .windowsPage, .apiList, .apiShow, .apiFigures, .apiWindows: .ok
        // No file: the upload is refused on its merits; the commit without a kept preview too; the API previews an empty body.
        case .importUpload, .importCommit: .unprocessableContent
        case .apiImport: .ok
        // Without a title, channel, unit, projects, version, dates or figures: refused on its merits.
        case .create, .update, .record, .checklist, .windowCreate, .provinceSet, .apiCreate, .apiRevise, .apiRecord, .apiChecklist, .apiWindowCreate, .apiProvince: .unprocessableContent
        }
    }
}
