import GroundbreakDomain
import Synchronization

/// The lights of the last lighting of every live project, kept from one lighting to the next.
/// A light is the rules' evaluation of a project's signals and nothing else, so a project whose
/// signals are equal to the kept one's, under equal rules, keeps its light — reasons' text and
/// all. After a write at province scale that is every project but the few it named (the parts
/// keeper hands their signals back unchanged): evaluating 100,000 lights and writing their
/// reasons again was half of a lighting.
final class KeptLights: Sendable {
    private struct Kept {
        var rules: WarningRuleSet
        /// Ascending by project id, for a search without hashing.
        var byId: [WarningPages.Lit]
    }

    private let kept = Mutex<Kept?>(nil)

    /// Each signals' light, in their order: the kept one where signals and rules are equal,
    /// evaluated otherwise. `keep` replaces what is kept with these lights: only a lighting of
    /// every live project does, so a narrower reach does not evict the others' lights.
    func lit(_ signals: [ProjectSignals], rules: WarningRuleSet, keep: Bool) -> [WarningPages.Lit] {
        let previous = kept.withLock { kept in kept.flatMap { $0.rules == rules ? $0.byId : nil } } ?? []
        let lit = signals.map { signals in
            if let old = Self.find(signals.id, in: previous), old.signals == signals { return old }
            return WarningPages.Lit(signals, warning: rules.evaluate(signals))
        }
        if keep {
            let byId = lit.indices.dropFirst().allSatisfy { lit[$0 - 1].warning.projectId < lit[$0].warning.projectId }
                ? lit : lit.sorted { $0.warning.projectId < $1.warning.projectId }
            kept.withLock { $0 = Kept(rules: rules, byId: byId) }
        }
        return lit
    }

    /// The kept light of project `id`, by binary search.
    private static func find(_ id: Int64, in byId: [WarningPages.Lit]) -> WarningPages.Lit? {
        var (low, high) = (0, byId.count)
        while low < high {
            let middle = (low + high) / 2
            let found = byId[middle].warning.projectId
            if found == id { return byId[middle] }
            if found < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// How many lights are kept (for tests).
    var count: Int {
        kept.withLock { $0?.byId.count ?? 0 }
    }
}
