import Foundation
import Logging
import SQLKit
import Synchronization

/// Holds the current `LedgerIndex` and reads a new one, in the background and one at a time,
/// when the ledger generation has moved on. Until the new one is read the list goes to SQL, so
/// an answer is never older than the data; a burst of writes costs at most one read of the
/// index every `pause`.
final class LedgerIndexKeeper: Sendable {
    private struct State {
        var index: LedgerIndex?
        var building: Task<Void, Never>?
        var lastStart: ContinuousClock.Instant?
        var stopped = false
        var minimumProjects = LedgerIndexKeeper.defaultMinimumProjects
    }

    /// Below this many projects SQL answers the ledger fast enough and the memory is not spent.
    static let defaultMinimumProjects = 5_000
    private let pause = Duration.seconds(2)
    private let state = Mutex(State())
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The index, when it was read at `generation`.
    func index(at generation: Int64) -> LedgerIndex? {
        state.withLock { $0.index?.generation == generation ? $0.index : nil }
    }

    /// Starts reading a new index unless one is being read, one was started less than `pause`
    /// ago, or the ledger is too small to need one.
    func refresh(_ database: Database) {
        state.withLock { state in
            guard !state.stopped, state.building == nil else { return }
            if let last = state.lastStart, last.duration(to: .now) < pause { return }
            state.lastStart = .now
            let minimum = state.minimumProjects
            let logger = logger
            state.building = Task.detached { [weak self] in
                let started = ContinuousClock.now
                do {
                    let fresh = try await Self.read(database, minimumProjects: minimum)
                    if let fresh {
                        logger.info("ledger index read", metadata: [
                            "projects": "\(fresh.rows.count)", "generation": "\(fresh.generation)", "took": "\(started.duration(to: .now))",
                        ])
                    }
                    self?.finish(fresh)
                } catch {
                    // The list stays on SQL; the next change or request tries again.
                    logger.warning("ledger index not read", metadata: ["error": "\(error)"])
                    self?.finish(nil)
                }
            }
        }
    }

    /// Reads the index now, whatever the ledger's size (tests, and the benchmark's warm-up).
    func rebuild(_ database: Database) async throws {
        finish(try await LedgerIndex.load(database))
    }

    func setMinimumProjects(_ minimum: Int) {
        state.withLock { $0.minimumProjects = minimum }
    }

    /// Waits for a read in progress and starts no other (before the pool closes).
    func stop() async {
        let building = state.withLock { state in
            state.stopped = true
            return state.building
        }
        await building?.value
    }

    private func finish(_ fresh: LedgerIndex?) {
        state.withLock { state in
            state.building = nil
            guard let fresh, !state.stopped else { return }
            if let current = state.index, current.generation > fresh.generation { return }
            state.index = fresh
        }
    }

    private static func read(_ database: Database, minimumProjects: Int) async throws -> LedgerIndex? {
        let count = try await database.reader.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int.self) ?? 0
        guard count >= minimumProjects else { return nil }
        return try await LedgerIndex.load(database)
    }
}
