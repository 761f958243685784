import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The bulletins routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: BulletinsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .bulletinsPage, .bulletinShow, .bulletinDocx, .apiBulletins, .apiBulletin: .ok
        case .bulletinCreate: .seeOther
        case .apiBulletinCreate: .created
        // Without the version read, a change is refused on its merits (and an issued bulletin is frozen).
        case .bulletinSave, .bulletinRegenerate, .bulletinIssue, .bulletinDiscard, .apiBulletinEdit, .apiBulletinRegenerate, .apiBulletinIssue,
             .apiBulletinDiscard: .unprocessableContent
        }
    }
}
