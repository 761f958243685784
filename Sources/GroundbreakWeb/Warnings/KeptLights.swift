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
        /// The same lights reddest first, once a list has asked for them in that order.
        var reddestFirst: [WarningPages.Lit]?
        /// Which lighting these are, for a lighting's order handed back later (`keep(reddestFirst:of:)`).
        var lighting: Int
    }

    /// A lighting's lights, in the signals' order; and, for a lighting of every live project, which
    /// one it is and its order reddest first when the last lighting's order could be moved to it.
    struct Lighted: Sendable {
        let lit: [WarningPages.Lit]
        let lighting: Int?
        let reddestFirst: [WarningPages.Lit]?
    }

    private let kept = Mutex<Kept?>(nil)
    private let lightings = Atomic<Int>(0)

    /// Each signals' light, in their order: the kept one where signals and rules are equal,
    /// evaluated otherwise. `keep` replaces what is kept with these lights: only a lighting of
    /// every live project does, so a narrower reach does not evict the others' lights. Such a
    /// lighting's order reddest first is the last one's with the lights no longer lit taken out
    /// and the new ones merged in, where the last one's was asked for: sorting a province's
    /// 100,000 lights again after each change was a sixth of what the lights' writer waited for.
    func lit(_ signals: CountedSignals, rules: WarningRuleSet, keep: Bool) -> Lighted {
        let (previous, previousOrder) = kept.withLock { kept -> ([WarningPages.Lit], [WarningPages.Lit]?) in
            guard let kept, kept.rules == rules else { return ([], nil) }
            return (kept.byId, kept.reddestFirst)
        }
        var lit: [WarningPages.Lit] = []
        lit.reserveCapacity(signals.count)
        var fresh: [WarningPages.Lit] = []
        var reused = 0
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
                reused += 1
            } else {
                let made = WarningPages.Lit(held.pointee, warning: rules.evaluate(held.pointee))
                lit.append(made)
                fresh.append(made)
            }
        }
        guard keep else { return Lighted(lit: lit, lighting: nil, reddestFirst: nil) }
        let byId = lit.indices.dropFirst().allSatisfy { lit[$0 - 1].id < lit[$0].id } ? lit : lit.sorted { $0.id < $1.id }
        var order: [WarningPages.Lit]?
        // Past a quarter changed, sorting afresh (when a list asks) costs no more.
        if let previousOrder, (fresh.count + previous.count - reused) * 4 <= lit.count {
            order = Self.moved(previousOrder, dropping: previous.count - reused, byId: byId, adding: fresh)
        }
        let lighting = lightings.add(1, ordering: .relaxed).newValue
        kept.withLock { $0 = Kept(rules: rules, byId: byId, reddestFirst: order, lighting: lighting) }
        return Lighted(lit: lit, lighting: lighting, reddestFirst: order)
    }

    /// The last order reddest first with the lights not in `byId` (the same objects) taken out and
    /// `fresh` merged in: the order `WarningPages.reddestFirst` gives these lights, since it is a
    /// total order on what each light holds (colour, investment, project id).
    static func moved(_ previousOrder: [WarningPages.Lit], dropping dropped: Int, byId: [WarningPages.Lit], adding fresh: [WarningPages.Lit]) -> [WarningPages.Lit] {
        var staying = previousOrder
        if dropped > 0 {
            // A light still lit is the very object at its id's place among today's.
            staying = previousOrder.filter { light in
                let index = byId.partitioningIndex { $0.id >= light.id }
                return index < byId.count && byId[index] === light
            }
        }
        let added = WarningPages.reddestFirst(fresh)
        var merged: [WarningPages.Lit] = []
        merged.reserveCapacity(staying.count + added.count)
        var next = 0
        for light in staying {
            while next < added.count && WarningPages.precedes(added[next], light) {
                merged.append(added[next])
                next += 1
            }
            merged.append(light)
        }
        merged.append(contentsOf: added[next...])
        return merged
    }

    /// The order reddest first a list asked of lighting `lighting`, kept for the next lighting to
    /// start from while that lighting's lights are still the kept ones.
    func keep(reddestFirst order: [WarningPages.Lit], of lighting: Int) {
        kept.withLock { kept in
            guard kept?.lighting == lighting, kept?.reddestFirst == nil else { return }
            kept?.reddestFirst = order
        }
    }

    /// How many lights are kept (for tests).
    var count: Int {
        kept.withLock { $0?.byId.count ?? 0 }
    }

    /// Whether an order reddest first is kept (for tests).
    var keepsOrder: Bool {
        kept.withLock { $0?.reddestFirst != nil }
    }
}
