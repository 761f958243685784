import Foundation
import GroundbreakDomain
import SQLKit

/// Outbound webhooks: subscriptions, the queue of deliveries and the log of their attempts.
public struct WebhookRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Registers a webhook. The URL must be http(s); event types must be known (or `*`).
    public func create(url: String, secret: String, eventTypes: [String], description: String, actor: AuditActor, now: Date) async throws -> Webhook {
        let registration: WebhookRules.Registration
        switch WebhookRules.validate(url: url, secret: secret, eventTypes: eventTypes) {
        case .failure(let failure): throw StoreError.invalid(failure)
        case .success(let valid): registration = valid
        }
        let address = registration.url, types = registration.eventTypes
        return try await database.transaction { db in
            let id = try await db.raw("""
                INSERT INTO webhooks (url, secret, event_types, active, description, created_by, created_at)
                VALUES (\(bind: address), \(bind: secret), \(bind: types.joined(separator: ",")), 1, \(bind: description), \(bind: actor.name), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "webhook", entityId: String(id), action: "create", before: nil,
                                     after: try AuditLog.json(["url": address, "eventTypes": types.joined(separator: ",")]), actor: actor, now: now, db: db)
            return Webhook(id: id, url: address, secret: secret, eventTypes: types, active: true, description: description)
        }
    }

    public func setActive(id: Int64, _ active: Bool, actor: AuditActor, now: Date) async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE webhooks SET active = \(bind: active ? 1 : 0) WHERE id = \(bind: id)").run()
            try await AuditLog.write(entity: "webhook", entityId: String(id), action: active ? "activate" : "deactivate", before: nil, after: nil, actor: actor, now: now, db: db)
        }
    }

    public func webhooks() async throws -> [Webhook] {
        try await database.reader.raw("SELECT * FROM webhooks ORDER BY id").all().map(Self.webhook)
    }

    static func webhook(_ row: any SQLRow) throws -> Webhook {
        Webhook(id: try row.decode(column: "id", as: Int64.self), url: try row.decode(column: "url", as: String.self),
                secret: try row.decode(column: "secret", as: String.self),
                eventTypes: try row.decode(column: "event_types", as: String.self).split(separator: ",").map(String.init),
                active: try row.decode(column: "active", as: Int.self) == 1, description: try row.decode(column: "description", as: String.self))
    }

    /// Queues `payload` for every active webhook that wants `type`, inside the caller's transaction.
    static func enqueue(_ type: WebhookEventType, payload: String, now: Date, db: any SQLDatabase) async throws {
        let hooks = try await db.raw("SELECT * FROM webhooks WHERE active = 1").all().map(Self.webhook).filter { $0.wants(type) }
        for hook in hooks {
            try await db.raw("""
                INSERT INTO webhook_deliveries (webhook_id, event_type, payload, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at)
                VALUES (\(bind: hook.id), \(bind: type.rawValue), \(bind: payload), 'pending', 0, \(bind: StoredTime.text(now)), NULL, '', \(bind: StoredTime.text(now)), NULL)
                """).run()
        }
    }

    public func enqueue(_ type: WebhookEventType, payload: String, now: Date) async throws {
        try await database.transaction { db in try await Self.enqueue(type, payload: payload, now: now, db: db) }
    }

    /// Deliveries whose time has come, oldest first, with their webhook.
    public func due(now: Date, limit: Int = 50) async throws -> [(delivery: WebhookDelivery, webhook: Webhook)] {
        let rows = try await database.reader.raw("""
            SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= \(bind: StoredTime.text(now)) ORDER BY next_attempt_at, id LIMIT \(bind: limit)
            """).all().map(Self.delivery)
        let hooks = Dictionary(try await webhooks().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return rows.compactMap { delivery in hooks[delivery.webhookId].map { (delivery, $0) } }
    }

    /// Records one attempt: delivered, or failed and due again after the retry policy's wait (or given up).
    public func recordAttempt(id: Int64, statusCode: Int?, error: String, now: Date) async throws {
        guard let current = try await database.reader.raw("SELECT * FROM webhook_deliveries WHERE id = \(bind: id)").first().map(Self.delivery) else { return }
        let attempts = current.attempts + 1
        let delivered = statusCode.map { (200..<300).contains($0) } ?? false
        let wait = RetryPolicy.delay(afterAttempts: attempts)
        let status: WebhookDelivery.Status = delivered ? .delivered : wait == nil ? .failed : .pending
        try await database.transaction { db in
            try await db.raw("""
                UPDATE webhook_deliveries SET attempts = \(bind: attempts), status = \(bind: status.rawValue), last_status_code = \(bind: statusCode),
                    last_error = \(bind: String(error.prefix(500))), next_attempt_at = \(bind: StoredTime.text(now.addingTimeInterval(wait ?? 0))),
                    delivered_at = \(bind: delivered ? StoredTime.text(now) : nil)
                WHERE id = \(bind: id)
                """).run()
        }
    }

    public func deliveries(webhookId: Int64? = nil, limit: Int = 100) async throws -> [WebhookDelivery] {
        let filter: SQLQueryString = webhookId.map { "WHERE webhook_id = \(bind: $0)" } ?? ""
        return try await database.reader.raw("SELECT * FROM webhook_deliveries \(filter) ORDER BY id DESC LIMIT \(bind: limit)").all().map(Self.delivery)
    }

    static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.decode(column: "id", as: Int64.self), webhookId: try row.decode(column: "webhook_id", as: Int64.self),
            eventType: try row.decode(column: "event_type", as: String.self), payload: try row.decode(column: "payload", as: String.self),
            status: WebhookDelivery.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: try StoredTime.decode(row, "next_attempt_at"),
            lastStatusCode: try row.decode(column: "last_status_code", as: Int?.self), lastError: try row.decode(column: "last_error", as: String.self),
            deliveredAt: try StoredTime.decodeOptional(row, "delivered_at"))
    }
}
