import Foundation
import GroundbreakDomain
import SQLKit
import Synchronization

/// Each project's part of a month's figures (`AssessedProject`), kept between computations and
/// moved forward by the projects later ledger generations name (`LedgerChanges`), as the figures'
/// snapshot is: after one write only the projects it named are computed again, not a province's
/// 100,000. A part depends on its project, its reports, plans and admission (every write of which
/// names the project), the month and the rules (the key), and the closed months (whose close and
/// reopening bump the ledger without a name, which recomputes every part).
final class AssessedProjectsKeeper: Sendable {
    struct Key: Equatable, Sendable {
        var month: Month
        var reportRules: ReportRules
        var indicators: IndicatorCatalog
    }

    private struct Held: Sendable {
        var key: Key
        var generation: Int64
        var parts: [AssessedProject]
    }

    /// A table and the one before it are read together: two months, and room for a past month asked.
    static let mostHeld = 4

    private struct State {
        var held: [Held] = []
        var wholeComputations = 0
    }

    private let state = Mutex(State())

    /// The parts for `key` as of the ledger's current generation (or later). `compute` gives the
    /// parts of the projects named (nil: of every project), reading everything after the
    /// generation is read, so that a part is never older than the generation it is kept at.
    func parts(_ key: Key, _ database: Database,
               compute: @Sendable (Set<Int64>?) async throws -> [AssessedProject]) async throws -> [AssessedProject] {
        let generation = try await LedgerGeneration.current(database.reader)
        let found = state.withLock { state in state.held.first { $0.key == key } }
        if let found, found.generation >= generation { return found.parts }
        var parts: [AssessedProject]
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

    /// Drops every part kept (tests compare a fresh computation).
    func forget() {
        state.withLock { $0.held = [] }
    }
}
