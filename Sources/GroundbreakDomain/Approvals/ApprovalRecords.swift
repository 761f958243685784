import Foundation

/// Which kind of project it is for approvals, and when it should start.
public struct ApprovalPlan: Sendable, Equatable {
    public var projectId: Int64
    public var type: ApprovalProjectType
    public var targetStart: Day?

    public init(projectId: Int64, type: ApprovalProjectType, targetStart: Day? = nil) {
        self.projectId = projectId
        self.type = type
        self.targetStart = targetStart
    }
}

/// One recorded event of an approval item.
public struct ApprovalEventRecord: Sendable, Equatable {
    public var id: Int64
    public var approvalId: Int64
    public var kind: String
    public var detail: String
    public var reason: String
    public var actor: String
    public var at: Date

    public init(id: Int64, approvalId: Int64, kind: String, detail: String, reason: String, actor: String, at: Date) {
        self.id = id
        self.approvalId = approvalId
        self.kind = kind
        self.detail = detail
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
