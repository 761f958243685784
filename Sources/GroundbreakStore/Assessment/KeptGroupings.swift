import GroundbreakDomain
import Synchronization

/// The last grouping of the assessment's parts (`AssessmentCalculator.ByProject`) of each month
/// computed, kept for the next computation of that month to start from: after a write it moves
/// only the parts the write changed (the parts keeper hands the others back as the same objects).
/// A few months at most: the month shown and the one before, for the change of rank.
final class KeptGroupings: Sendable {
    private let kept = Mutex<[Month: AssessmentCalculator.ByProject]>([:])
    private let capacity = 4

    /// The grouping of `inputs` (kept parts of one month), started from the one kept for its month,
    /// which it then replaces.
    func grouping(_ inputs: AssessmentInputs, indicators: IndicatorCatalog, byDepartment: Bool) -> AssessmentCalculator.ByProject {
        let previous = kept.withLock { $0[inputs.month] }
        let grouping = AssessmentCalculator.ByProject(inputs, indicators: indicators, byDepartment: byDepartment, previous: previous)
        kept.withLock { kept in
            if kept[inputs.month] == nil, kept.count >= capacity, let oldest = kept.keys.min() { kept[oldest] = nil }
            kept[inputs.month] = grouping
        }
        return grouping
    }
}
