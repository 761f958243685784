import Foundation

public struct SupervisionEventRecord: Sendable, Equatable {
    public var kind: SupervisionEvent.Kind
    public var text: String
    public var deadline: Day
    public var statusAfter: SupervisedItem.Status
    public var actorName: String
    public var on: Day
    public var at: Date

    public init(kind: SupervisionEvent.Kind, text: String, deadline: Day, statusAfter: SupervisedItem.Status, actorName: String, on: Day, at: Date) {
        self.kind = kind
        self.text = text
        self.deadline = deadline
        self.statusAfter = statusAfter
        self.actorName = actorName
        self.on = on
        self.at = at
    }
}
