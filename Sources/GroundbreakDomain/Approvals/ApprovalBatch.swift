import Foundation

/// A 集中审批 batch: a dated round (e.g. Q1 for ≥10亿 projects planning to start) and its projects.
public struct ApprovalBatch: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var heldOn: Day
    public var description: String
    public var projectIds: [Int64]

    public init(id: Int64, name: String, heldOn: Day, description: String, projectIds: [Int64]) {
        self.id = id
        self.name = name
        self.heldOn = heldOn
        self.description = description
        self.projectIds = projectIds
    }
}
