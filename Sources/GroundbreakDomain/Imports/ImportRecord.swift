import Foundation

/// One committed import, as the history lists it.
public struct ImportRecord: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case projects, monthly, leads, funding, reserve }

    public var id: Int64
    public var kind: Kind
    public var fileName: String
    public var sha256: String
    public var size: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    public var skipped: Int
    public var actorName: String
    public var at: Date

    public init(id: Int64 = 0, kind: Kind, fileName: String, sha256: String, size: Int, created: Int, updated: Int, unchanged: Int, skipped: Int,
                actorName: String = "", at: Date = Date()) {
        self.id = id
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.size = size
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
        self.actorName = actorName
        self.at = at
    }
}
