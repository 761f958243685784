import Foundation

/// One message in a user's inbox.
public struct InboxMessage: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var title: String
    public var body: String
    public var link: String
    public var createdAt: Date
    public var readAt: Date?

    public init(id: Int64, kind: String, title: String, body: String, link: String, createdAt: Date, readAt: Date? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// What should reach people, as it is written: the unit or users it goes to, and a key that
/// makes sending it twice a no-op (a reminder per deadline, an alert per assignment).
public struct Notice: Sendable, Equatable {
    public var kind: String
    public var title: String
    public var body: String
    public var link: String
    public var dedupeKey: String

    public init(kind: String, title: String, body: String, link: String, dedupeKey: String) {
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.dedupeKey = dedupeKey
    }
}
