import GroundbreakDomain

/// The inbox and the webhooks that carry the same messages out.
enum NotificationsEndpoints: String, EndpointSet {
    case notificationsPage, notificationsRead, apiNotifications, apiNotificationsRead, adminWebhooks, adminWebhookSave

    static let navigation = [
        NavigationEntry(.inbox, order: 80, label: WebText.Nav.inbox, route: .notifications),
    ]

    static let feature = "notifications"

    var declaration: EndpointDeclaration {
        switch self {
        case .notificationsPage: .get("/notifications", .signedIn, InboxPages.page)
        case .notificationsRead: .post("/notifications/read", .signedIn, InboxPages.markRead)
        case .apiNotifications: .get("/api/v1/notifications", .signedIn, InboxPages.apiList)
        case .apiNotificationsRead: .post("/api/v1/notifications/read", .signedIn, InboxPages.apiMarkRead)
        case .adminWebhooks: .get("/admin/webhooks", .administer, WebhookPages.page)
        case .adminWebhookSave: .post("/admin/webhooks", .administer, WebhookPages.save)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = NotificationsEndpoints

    static var notifications: Route { Route(E.notificationsPage) }
    static var markNotificationsRead: Route { Route(E.notificationsRead) }
    static var adminWebhooks: Route { Route(E.adminWebhooks) }
}

extension NavItem {
    static let inbox = NavItem("inbox")
}
