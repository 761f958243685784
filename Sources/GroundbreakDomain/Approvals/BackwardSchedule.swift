import Foundation

/// 倒排工期: from a target start date, the latest day each approval must be applied for and
/// approved, stage by stage backwards (施工许可 ← 工程建设许可 ← 立项用地规划许可; parallel
/// items must be done before the 施工许可 stage begins).
public enum BackwardSchedule {
    public struct Deadline: Sendable, Equatable {
        public var itemCode: String
        public var applyBy: Day
        public var approveBy: Day
        public var provisional: Bool
        /// Already late against these dates.
        public var slipped: Bool
    }

    /// Deadlines for the pre-construction items (stages 0–3); 竣工验收 comes after the start.
    public static func plan(
        _ entries: [(item: ApprovalItem, approval: ProjectApproval)], targetStart: Day, calendar: WorkingCalendar, today: Day
    ) -> [Deadline] {
        var deadlines: [Deadline] = []
        var provisionalChain = false
        /// Deadlines for one stage's items, all due by `approveBy`; returns the earliest apply-by.
        func schedule(stage: Int, approveBy: Day) -> Day? {
            let inStage = entries.filter { $0.item.stage == stage && $0.approval.status != .notNeeded }.sorted { $0.item.sort < $1.item.sort }
            var earliest: Day?
            for (item, approval) in inStage {
                let apply = calendar.adding(-item.limit, item.unit, to: approveBy)
                provisionalChain = provisionalChain || apply.provisional
                let open = !approval.status.isDecided
                let slipped = open && ((approval.status == .notStarted && today > apply.day) || today > approveBy)
                deadlines.append(Deadline(itemCode: item.code, applyBy: apply.day, approveBy: approveBy,
                                          provisional: provisionalChain || calendar.isProvisional(approveBy), slipped: slipped))
                earliest = min(earliest ?? apply.day, apply.day)
            }
            return earliest
        }
        var approveBy = targetStart
        var permitStageStart = targetStart
        for stage in [3, 2, 1] {
            if let earliest = schedule(stage: stage, approveBy: approveBy) {
                approveBy = earliest
                if stage == 3 { permitStageStart = earliest }
            }
        }
        // Parallel items (环评, 节能审查 …) must be done before the 施工许可 stage begins.
        _ = schedule(stage: 0, approveBy: permitStageStart)
        return deadlines
    }
}
