import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The leads routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: LeadsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .leadsPage, .leadsXLSX, .leadNew, .leadShow, .apiLeads, .apiLead, .apiFunnel, .activitiesPage, .apiActivities, .apiRhythm, .fundsPage, .apiFunds, .fundsXLSX, .rhythmXLSX, .importPage, .dispatchPage, .dispatchXLSX, .apiDispatch: .ok
        // No file: the upload is refused on its merits; the commit without a kept preview too; the API previews an empty body.
        case .importUpload, .importCommit: .unprocessableContent
        case .apiImportSignings: .ok
        // Without a title, investor, unit or version, refused on its merits.
        case .leadCreate, .apiLeadCreate, .leadEvent, .apiLeadEvent, .leadLink, .apiLeadLink, .leadLand, .apiLeadLand, .activityCreate, .apiActivityCreate, .fundsCreate, .apiFundsCreate: .unprocessableContent
        }
    }
}
