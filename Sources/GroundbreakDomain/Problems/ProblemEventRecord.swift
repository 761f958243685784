import Foundation

/// One event of a problem's history, as kept.
public struct ProblemEventRecord: Sendable, Equatable {
    public var kind: ProblemEvent.Kind
    public var text: String
    public var level: ProblemLevel
    public var owner: OrgUnit?
    public var deadline: Day?
    public var statusAfter: ProblemStatus
    public var actorName: String
    public var on: Day
    public var at: Date

    public init(kind: ProblemEvent.Kind, text: String, level: ProblemLevel, owner: OrgUnit? = nil, deadline: Day? = nil, statusAfter: ProblemStatus, actorName: String, on: Day, at: Date) {
        self.kind = kind
        self.text = text
        self.level = level
        self.owner = owner
        self.deadline = deadline
        self.statusAfter = statusAfter
        self.actorName = actorName
        self.on = on
        self.at = at
    }
}
