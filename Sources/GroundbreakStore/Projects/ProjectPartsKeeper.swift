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
        let found = state.withLock { state in state.held.first { $0.key == key } }
        if let found, found.generation >= generation { return found.parts }
        let parts: [Part]
        if let found, let changed = try await LedgerChanges.projects(after: found.generation, upTo: generation, db: database.reader) {
            parts = changed.isEmpty ? found.parts
                : ProjectSnapshot.merged(found.parts, replacing: changed, with: try await compute(changed).sorted { $0.id < $1.id })
        } else {
            parts = try await compute(nil)
            state.withLock { $0.wholeComputations += 1 }
        }
        state.withLock { state in
            if let index = state.held.firstIndex(where: { $0.key == key }) {
                guard state.held[index].generation <= generation else { return }
                state.held.remove(at: index)
            }
            state.held.insert(Held(key: key, generation: generation, parts: parts), at: 0)
            if state.held.count > Self.mostHeld { state.held.removeLast() }
        }
        return parts
    }

    /// How many times every project's part was computed rather than moved forward (tests).
    var wholeComputations: Int { state.withLock { $0.wholeComputations } }
}
