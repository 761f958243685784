import Foundation
import GroundbreakDomain
import SQLKit
import Synchronization

/// Each project's part of a computation over every project (the ranking's `AssessedProject`, the
/// lights' `ProjectSignals`), kept between computations and moved forward by the projects later
/// ledger generations name (`LedgerChanges`), as the figures' snapshot is: after one write only the
/// projects it named are computed again, not a province's 100,000. A part may depend only on its
/// project and the rows every write of which names it (its child rows, reports, plans, admission,
/// approval items), and on the key; anything else that changes its parts bumps the ledger without
/// a name (a month's close and reopening, the calendar), which computes every part again.
final class ProjectPartsKeeper<Key: Equatable & Sendable, Part: Identifiable & Sendable>: Sendable where Part.ID == Int64 {
    private struct Held: Sendable {
        var key: Key
        var generation: Int64
        var parts: [Part]
    }

    /// A table and the one before it are read together: two keys, and room for a past one asked.
    static var mostHeld: Int { 4 }

    private struct State: Sendable {
        var held: [Held] = []
        var wholeComputations = 0
    }

    private let state = Mutex(State())

    init() {}

    /// The parts for `key` in id order, as of the ledger's current generation (or later).
    /// `compute` gives the parts of the projects named (nil: of every project), reading everything
    /// after the generation is read, so that a part is never older than the generation it is kept at.
    func parts(_ key: Key, _ database: Database, compute: @Sendable (Set<Int64>?) async throws -> [Part]) async throws -> [Part] {
        let generation = try await LedgerGeneration.current(database.reader)
        // Only the kept generation is taken out, not the parts: a reference held here would make
        // every move below copy them.
        while true {
            let (kept, current) = state.withLock { state -> (Int64?, [Part]?) in
                guard let held = state.held.first(where: { $0.key == key }) else { return (nil, nil) }
                return (held.generation, held.generation >= generation ? held.parts : nil)
            }
            if let current { return current }
            guard let kept, let changed = try await LedgerChanges.projects(after: kept, upTo: generation, db: database.reader) else { break }
            let fresh = changed.isEmpty ? [] : try await compute(changed).sorted { $0.id < $1.id }
            if let moved = state.withLock({ state in Self.move(&state, key: key, from: kept, to: generation, replacing: changed, with: fresh) }) {
                return moved
            }
            // Moved on by another caller meanwhile: from where they are now.
        }
        let parts = try await compute(nil)
        state.withLock { state in
            state.wholeComputations += 1
            if let index = state.held.firstIndex(where: { $0.key == key }) {
                guard state.held[index].generation <= generation else { return }
                state.held.remove(at: index)
            }
            state.held.insert(Held(key: key, generation: generation, parts: parts), at: 0)
            if state.held.count > Self.mostHeld { state.held.removeLast() }
        }
        return parts
    }

    /// The parts kept for `key` at generation `from` moved to `to` in place: taken out of the state
    /// first, so that where no reader still holds them they are changed where they lie, not copied
    /// whole (100,000 retains, and as many releases when the old list went). Nil when they are no
    /// longer kept at `from` (another caller moved them, or they were dropped).
    private static func move(_ state: inout State, key: Key, from: Int64, to: Int64, replacing changed: Set<Int64>, with fresh: [Part]) -> [Part]? {
        guard let index = state.held.firstIndex(where: { $0.key == key }), state.held[index].generation == from else { return nil }
        var parts = state.held[index].parts
        state.held[index].parts = []
        parts.replace(changed, with: fresh)
        state.held.remove(at: index)
        state.held.insert(Held(key: key, generation: to, parts: parts), at: 0)
        return parts
    }

    /// How many times every project's part was computed rather than moved forward (tests).
    var wholeComputations: Int { state.withLock { $0.wholeComputations } }
}
