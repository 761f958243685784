import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The notifications routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: NotificationsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .notificationsRead, .adminWebhookSave:
            .seeOther
        case .notificationsPage, .adminWebhooks, .apiNotifications, .apiNotificationsRead:
            .ok
        }
    }
}
