import Foundation
import GroundbreakDomain
import SQLKit

/// The in-app inbox.
public struct NotificationRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// To every active user of `unit`; returns how many messages were new.
    @discardableResult
    static func send(_ notice: Notice, to unit: OrgUnit, now: Date, db: any SQLDatabase) async throws -> Int {
        try await insert(notice, recipients: "unit_kind = \(bind: unit.kind.rawValue) AND unit_code = \(bind: unit.code)", now: now, db: db)
    }

    /// To whoever the recipient names: a unit's members, one user, a seat's holder.
    @discardableResult
    static func send(_ notice: Notice, to recipient: NoticeRecipient, now: Date, db: any SQLDatabase) async throws -> Int {
        switch recipient {
        case .unit(let unit): try await send(notice, to: unit, now: now, db: db)
        case .user(let user): try await send(notice, toUser: user, now: now, db: db)
        case .position(let seat): try await insert(notice, recipients: "position_id = \(bind: seat)", now: now, db: db)
        }
    }

    /// To one user, if the account exists and is active.
    @discardableResult
    static func send(_ notice: Notice, toUser userId: Int64, now: Date, db: any SQLDatabase) async throws -> Int {
        try await insert(notice, recipients: "id = \(bind: userId)", now: now, db: db)
    }

    static func insert(_ notice: Notice, recipients: SQLQueryString, now: Date, db: any SQLDatabase) async throws -> Int {
        try await db.raw("""
            INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at, read_at)
            SELECT id, \(bind: notice.kind), \(bind: notice.title), \(bind: notice.body), \(bind: notice.link), \(bind: notice.dedupeKey), \(bind: StoredTime.text(now)), NULL
            FROM users WHERE \(recipients) AND disabled = 0
            ON CONFLICT (user_id, dedupe_key) DO NOTHING
            RETURNING id
            """).all().count
    }

    /// A notice that must go out once whatever runs it again (a reminder per deadline): to the
    /// unit's inbox and the webhooks, in one transaction. Returns how many messages were new.
    func sendOnce(_ notice: Notice, to unit: OrgUnit, webhook type: WebhookEventType, payload: String, now: Date) async throws -> Int {
        try await database.transaction { db in
            guard try await Self.firstTime(notice.dedupeKey, now: now, db: db) else { return 0 }
            try await WebhookRepository.enqueue(type, payload: payload, now: now, db: db)
            return try await Self.send(notice, to: unit, now: now, db: db)
        }
    }

    /// What `sendOnce` did: whether the notice went out this time (not before), and to how many.
    public struct Sent: Sendable {
        public var isNew: Bool
        public var messages: Int
    }

    /// A notice sent once whatever runs it again, to a unit, a user or a seat's holder.
    public func sendOnce(_ notice: Notice, to recipient: NoticeRecipient, now: Date) async throws -> Sent {
        try await database.transaction { db in
            guard try await Self.firstTime(notice.dedupeKey, now: now, db: db) else { return Sent(isNew: false, messages: 0) }
            return Sent(isNew: true, messages: try await Self.send(notice, to: recipient, now: now, db: db))
        }
    }

    /// Claims `key` for this notice: true the first time, false ever after.
    static func firstTime(_ key: String, now: Date, db: any SQLDatabase) async throws -> Bool {
        let token = UUID().uuidString
        try await db.raw("""
            INSERT INTO notice_keys (dedupe_key, token, created_at) VALUES (\(bind: key), \(bind: token), \(bind: StoredTime.text(now)))
            ON CONFLICT (dedupe_key) DO NOTHING
            """).run()
        return try await db.raw("SELECT token FROM notice_keys WHERE dedupe_key = \(bind: key)").first()?.decode(column: "token", as: String.self) == token
    }

    public func send(_ notice: Notice, to unit: OrgUnit, now: Date) async throws -> Int {
        try await database.transaction { db in try await Self.send(notice, to: unit, now: now, db: db) }
    }

    public func inbox(userId: Int64, unreadOnly: Bool = false, limit: Int = 100) async throws -> [InboxMessage] {
        let unread: SQLQueryString = unreadOnly ? "AND read_at IS NULL" : ""
        return try await database.reader.raw("""
            SELECT * FROM notifications WHERE user_id = \(bind: userId) \(unread) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { row in
            InboxMessage(id: try row.decode(column: "id", as: Int64.self), kind: try row.decode(column: "kind", as: String.self),
                         title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                         link: try row.decode(column: "link", as: String.self),
                         createdAt: try StoredTime.decode(row, "created_at"),
                         readAt: try StoredTime.decodeOptional(row, "read_at"))
        }
    }

    public func unreadCount(userId: Int64) async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userId) AND read_at IS NULL").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// Marks one message (only the user's own) or, with nil, all of them read. False when `id`
    /// names no message of this user (someone else's is as unknown as a missing one).
    @discardableResult
    public func markRead(userId: Int64, id: Int64?, now: Date) async throws -> Bool {
        let which: SQLQueryString = id.map { "AND id = \(bind: $0)" } ?? ""
        return try await database.transaction { db in
            if let id, try await db.raw("SELECT id FROM notifications WHERE id = \(bind: id) AND user_id = \(bind: userId)").first() == nil {
                return false
            }
            try await db.raw("""
                UPDATE notifications SET read_at = \(bind: StoredTime.text(now)) WHERE user_id = \(bind: userId) AND read_at IS NULL \(which)
                """).run()
            return true
        }
    }
}
