import GroundbreakDomain
import Synchronization

/// The last department tables of the whole city's approval parts, kept for the next computation
/// to move from (`ApprovalAnalytics.Tables`): after a write, by the few parts it changed. One is
/// enough: the tables of another day start from parts that are all new, and are summed afresh.
final class KeptApprovalTables: Sendable {
    private let kept = Mutex<ApprovalAnalytics.Tables?>(nil)

    /// The tables of `parts`, moved from the ones kept, which they then replace.
    func tables(_ parts: [ApprovalAnalytics.ProjectPart]) -> ApprovalAnalytics.Tables {
        let tables = ApprovalAnalytics.Tables(parts, movedFrom: kept.withLock { $0 })
        kept.withLock { $0 = tables }
        return tables
    }
}
