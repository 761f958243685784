import Foundation

public struct Webhook: Sendable, Equatable {
    public var id: Int64
    public var url: String
    public var secret: String
    /// Subscribed event types; `*` is all.
    public var eventTypes: [String]
    public var active: Bool
    public var description: String

    public func wants(_ type: WebhookEventType) -> Bool {
        eventTypes.contains("*") || eventTypes.contains(type.rawValue)
    }

    public init(id: Int64, url: String, secret: String, eventTypes: [String], active: Bool, description: String) {
        self.id = id
        self.url = url
        self.secret = secret
        self.eventTypes = eventTypes
        self.active = active
        self.description = description
    }
}

public struct WebhookDelivery: Sendable, Equatable {
    public enum Status: String, Sendable { case pending, delivered, failed }

    public var id: Int64
    public var webhookId: Int64
    public var eventType: String
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastStatusCode: Int?
    public var lastError: String
    public var deliveredAt: Date?

    public init(id: Int64, webhookId: Int64, eventType: String, payload: String, status: Status, attempts: Int, nextAttemptAt: Date, lastStatusCode: Int? = nil, lastError: String, deliveredAt: Date? = nil) {
        self.id = id
        self.webhookId = webhookId
        self.eventType = eventType
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatusCode = lastStatusCode
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}
