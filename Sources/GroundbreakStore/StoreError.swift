import Foundation
import GroundbreakDomain

/// Why a store operation changed nothing.
public enum StoreError: Error, Sendable, Equatable {
    /// No such row (or not visible to the caller).
    case notFound
    /// The row changed since the caller read it; `currentVersion` is what it is now.
    case conflict(currentVersion: Int)
    /// The input breaks a rule; every problem is listed.
    case invalid(ValidationFailure)
    /// The change would put a project outside what the caller may change.
    case forbidden
}

/// Who is making a change, for the audit trail.
public struct AuditActor: Sendable, Equatable {
    public var userId: Int64?
    public var name: String
    public var sourceIP: String
    public var requestId: String
    /// The actor's unit, `department:CC-GXJ` or `region:220104`.
    public var unit: String

    public init(userId: Int64?, name: String, sourceIP: String = "", requestId: String = "", unit: String = "") {
        self.userId = userId
        self.name = name
        self.sourceIP = sourceIP
        self.requestId = requestId
        self.unit = unit
    }

    /// Changes made by the command line or the demo loader.
    public static func system(_ name: String) -> AuditActor {
        AuditActor(userId: nil, name: name)
    }
}
