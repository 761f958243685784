import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The 集中开工 routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: CampaignsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .listPage, .listXLSX, .show, .showXLSX, .apiList, .apiShow: .ok
        // Without a season, name, day or project: refused on its merits.
        case .create, .setProject, .apiCreate, .apiProjects: .unprocessableContent
        }
    }
}
