import Foundation

/// How far a project has come for funding purposes (成熟度), read from the ladder in the catalogue,
/// its stage, its project code and its approvals.
public enum FundingMaturity {
    /// What is known of one project: its stage, whether it has a code, and its approval items by
    /// code with whether each is done (approved or not needed). No plan at all: `items` is nil.
    public struct Facts: Sendable, Equatable {
        public var stage: Stage
        public var hasCode: Bool
        public var items: [String: Bool]?

        public init(stage: Stage, hasCode: Bool, items: [String: Bool]?) {
            self.stage = stage
            self.hasCode = hasCode
            self.items = items
        }

        public init(project: Project, approvals: [(code: String, status: ApprovalStatus)]?) {
            self.init(stage: project.effectiveStage, hasCode: project.fields.code != nil,
                      items: approvals.map { Dictionary($0.map { ($0.code, $0.status == .approved || $0.status == .notNeeded) }, uniquingKeysWith: { $0 || $1 }) })
        }
    }

    /// The highest rung reached: a rung is reached through one of its stages, or when the rung
    /// below is and its own conditions hold.
    public static func level(_ facts: Facts, ladder: [FundingCatalog.MaturityLevel]) -> Int {
        var reached = 0
        var previous = true
        for (index, rung) in ladder.enumerated() {
            let byStage = rung.stages?.contains(facts.stage) ?? false
            let byConditions = previous && (rung.requiresCode != true || facts.hasCode) && (rung.approvals ?? []).allSatisfy { groupDone($0, facts) }
                && (rung.stages == nil || rung.approvals != nil || rung.requiresCode == true)
            previous = byStage || byConditions
            if previous { reached = index }
        }
        return reached
    }

    /// A group is done when one of its items is, or when the project's plan has none of them (the
    /// item does not apply to it). Without a plan nothing is known, so nothing is done.
    public static func groupDone(_ group: [String], _ facts: Facts) -> Bool {
        guard let items = facts.items else { return false }
        let present = group.filter { items[$0] != nil }
        return present.isEmpty || present.contains { items[$0] == true }
    }
}
