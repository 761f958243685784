import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The accounts routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: AccountsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .logout, .signOutEverywhere, .adminUserUpdate, .adminUserLock, .adminTokenRevoke, .adminPositionCreate, .adminPositionReassign:
            .seeOther
        case .adminUserCreate, .adminTokenIssue:
            .created
        case .passwordSubmit:
            .unprocessableContent // the matrix sends mismatching new passwords: the rule answers, not the policy
        case .loginSubmit:
            .unauthorized // a wrong password: open to anyone, refused on its merits
        case .loginPage, .accountPage, .passwordPage, .adminUsers, .adminUserNew, .adminUserShow, .adminUserResetPassword, .auditPage,
             .auditCSV, .adminPositions, .adminPositionShow, .apiMe, .apiAudit:
            .ok
        }
    }
}
