import Foundation

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

/// One row of the audit trail.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var actorUserId: Int64?
    public var actorName: String
    public var sourceIP: String
    public var requestId: String
    public var actorUnit: String
    public var entity: String
    public var entityId: String
    public var action: String
    public var beforeJSON: String?
    public var afterJSON: String?
    public var reason: String

    public init(id: Int64, at: Date, actorUserId: Int64? = nil, actorName: String, sourceIP: String, requestId: String, actorUnit: String, entity: String, entityId: String, action: String, beforeJSON: String? = nil, afterJSON: String? = nil, reason: String) {
        self.id = id
        self.at = at
        self.actorUserId = actorUserId
        self.actorName = actorName
        self.sourceIP = sourceIP
        self.requestId = requestId
        self.actorUnit = actorUnit
        self.entity = entity
        self.entityId = entityId
        self.action = action
        self.beforeJSON = beforeJSON
        self.afterJSON = afterJSON
        self.reason = reason
    }
}

/// A filtered page of the audit trail.
public struct AuditQuery: Sendable, Equatable {
    public var entity: String?
    public var entityId: String?
    public var actorUserId: Int64?
    /// Part of the actor's name.
    public var actorName: String?
    /// The actor's unit, `department:…` or `region:…`.
    public var unit: String?
    public var action: String?
    /// Inclusive China days.
    public var from: Day?
    public var to: Day?
    public var page = 1
    public var perPage = 100

    public init() {}
}
