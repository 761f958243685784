import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The funding routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: FundingEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .listPage, .listXLSX, .newPage, .show, .figuresPage, .figuresXLSX, .windowsPage, .apiList, .apiShow, .apiFigures, .apiWindows: .ok
        // Without a title, channel, unit, projects, version, dates or figures: refused on its merits.
        case .create, .record, .checklist, .windowCreate, .provinceSet, .apiCreate, .apiRecord, .apiChecklist, .apiWindowCreate, .apiProvince: .unprocessableContent
        }
    }
}
