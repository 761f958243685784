import GroundbreakDomain
import GroundbreakStore
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
    func lit(_ signals: CountedSignals, rules: WarningRuleSet, keep: Bool) -> [WarningPages.Lit] {
        let previous = kept.withLock { kept in kept.flatMap { $0.rules == rules ? $0.byId : nil } } ?? []
        var lit: [WarningPages.Lit] = []
        lit.reserveCapacity(signals.count)
        // Both in id order as a lighting reads them, so one walk finds each kept light; a search
        // when they are not. Each read and compared where it is held (`CountedSignals.forEachHeld`):
        // copying a project's signals retained what they hold, a fifth of a lighting at province scale.
        var at = 0
        signals.forEachHeld { held in
            let id = held.pointee.project.id
            if at > 0 && previous[at - 1].id >= id {
                at = previous.partitioningIndex { $0.id >= id }
            }
            while at < previous.count && previous[at].id < id { at += 1 }
            if at < previous.count, previous[at].id == id, previous[at].isLit(from: held) {
                lit.append(previous[at])
            } else {
                lit.append(WarningPages.Lit(held.pointee, warning: rules.evaluate(held.pointee)))
            }
        }
        if keep {
            let byId = lit.indices.dropFirst().allSatisfy { lit[$0 - 1].id < lit[$0].id } ? lit : lit.sorted { $0.id < $1.id }
            kept.withLock { $0 = Kept(rules: rules, byId: byId) }
        }
        return lit
    }

    /// How many lights are kept (for tests).
    var count: Int {
        kept.withLock { $0?.byId.count ?? 0 }
    }
}
