import GroundbreakDomain

extension NotificationsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.NotificationsContract
        switch self {
        case .notificationsPage, .notificationsRead, .adminWebhooks, .adminWebhookSave:
            return nil
        case .apiNotifications:
            return OperationContract("listNotifications", T.list, query: [.flag("unread", T.unread)],
                                     answers: [.ok(InboxPages.InboxDTO.self, T.listAnswer)], failures: [.forbidden(T.forbidden)])
        case .apiNotificationsRead:
            return OperationContract("markNotificationsRead", T.read, body: .inline(InboxPages.ReadBody.self, notes: ["id": [.identifier]]),
                                     answers: [.ok(InboxPages.InboxDTO.self, T.listAnswer)],
                                     failures: [.forbidden(T.forbidden), .notFound(T.missing), .invalid(T.invalid)])
        }
    }
}

extension InboxPages.InboxDTO: ContractSchema {
    static let contractName: String? = "Inbox"
}

extension InboxPages.MessageDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["link": [.note(WebText.NotificationsContract.link)]]
}
