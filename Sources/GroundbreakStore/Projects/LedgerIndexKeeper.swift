import Foundation
import Logging
import SQLKit
import Synchronization

/// Holds the current `LedgerIndex` and, in the background and one at a time, moves it forward
/// when the ledger generation has moved on: by the projects the new generations changed
/// (`LedgerChanges`), or, when those are not known, by reading it whole. Until then the list goes
/// to SQL, so an answer is never older than the data; reading it whole happens at most once every
/// `pause`.
final class LedgerIndexKeeper: Sendable {
    private struct State {
        var index: LedgerIndex?
        var building: Task<Void, Never>?
        var lastWholeRead: ContinuousClock.Instant?
        /// The held index could not move forward: only a whole read (after `pause`) brings it
        /// up to date, so requests meanwhile do not each try again.
        var mustReadWhole = false
        var stopped = false
        var minimumProjects = LedgerIndexKeeper.defaultMinimumProjects
        var buckets: LedgerBuckets?
        var bucketing = false
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

    /// The buckets of `index`'s generation when they are built; otherwise nil, and they are built
    /// in the background (one build at a time), so the first queries of a generation are answered
    /// by a pass and a burst of writes does not build them for generations nobody reads.
    func buckets(for index: LedgerIndex) -> LedgerBuckets? {
        // Buckets keep rows in investment order within each group; unordered rows have none yet.
        guard index.unordered.isEmpty else { return nil }
        return state.withLock { state in
            if let buckets = state.buckets, buckets.generation == index.generation { return buckets }
            guard !state.bucketing, !state.stopped else { return nil }
            state.bucketing = true
            Task.detached(executorPreference: BackgroundExecutor.shared) { [weak self] in
                let built = LedgerBuckets(index)
                self?.state.withLock { state in
                    state.bucketing = false
                    if let built, built.generation >= state.buckets?.generation ?? .min { state.buckets = built }
                }
            }
            return nil
        }
    }

    /// Starts moving the index forward unless that is under way; reading it whole waits until
    /// `pause` has passed since the last whole read, and is not done for a ledger too small to
    /// need an index.
    func refresh(_ database: Database) {
        state.withLock { state in
            guard !state.stopped, state.building == nil else { return }
            let current = state.mustReadWhole ? nil : state.index
            guard current != nil || wholeReadAllowed(&state) else { return }
            let minimum = state.minimumProjects
            let logger = logger
            state.building = Task.detached(executorPreference: BackgroundExecutor.shared) { [weak self] in
                let started = ContinuousClock.now
                do {
                    if let current, let moved = try await Self.advance(current, database, logger: logger, by: LedgerIndex.advanceRows) {
                        // Held while its changed rows are placed: the list answers from memory meanwhile.
                        self?.hold(moved)
                        let rowsMoved = ContinuousClock.now
                        // Nil when the ledger moved on meanwhile: the next refresh moves on from `moved`.
                        var placed: LedgerIndex?
                        do {
                            placed = try await LedgerIndex.placeUnordered(moved, database)
                        } catch is LedgerIndexUnavailable {
                            logger.warning("ledger index could not move forward; reading it whole")
                            self?.readWholeNext()
                        }
                        logger.debug("ledger index moved forward", metadata: [
                            "from": "\(current.generation)", "generation": "\(moved.generation)", "changed": "\(moved.unordered.count)",
                            "rows": "\(started.duration(to: rowsMoved))", "took": "\(started.duration(to: .now))",
                        ])
                        self?.finish(placed)
                        return
                    }
                    // It cannot move forward: read it whole, now or once the pause has passed.
                    guard current == nil || self?.claimWholeRead() == true else { self?.finish(nil); return }
                    let fresh = try await Self.read(database, minimumProjects: minimum)
                    if let fresh {
                        logger.info("ledger index read", metadata: [
                            "projects": "\(fresh.rows.count)", "generation": "\(fresh.generation)", "took": "\(started.duration(to: .now))",
                        ])
                    }
                    self?.finish(fresh, whole: true)
                } catch {
                    // The list stays on SQL; the next change or request tries again.
                    logger.warning("ledger index not read", metadata: ["error": "\(error)"])
                    self?.finish(nil)
                }
            }
        }
    }

    /// Moves the held index forward now, rows and orders (tests).
    func advance(_ database: Database) async throws -> Bool {
        guard let current = state.withLock({ $0.index }), let moved = try await Self.advance(current, database, logger: logger, by: LedgerIndex.advance)
        else { return false }
        finish(moved)
        return true
    }

    /// Moves the held index forward by its changed rows only, leaving them unordered (tests).
    func advanceRows(_ database: Database) async throws -> Bool {
        guard let current = state.withLock({ $0.index }), let moved = try await Self.advance(current, database, logger: logger, by: LedgerIndex.advanceRows)
        else { return false }
        hold(moved)
        return true
    }

    private func wholeReadAllowed(_ state: inout State) -> Bool {
        if let last = state.lastWholeRead, last.duration(to: .now) < pause { return false }
        state.lastWholeRead = .now
        return true
    }

    private func claimWholeRead() -> Bool {
        state.withLock { state in
            guard wholeReadAllowed(&state) else {
                state.mustReadWhole = true
                return false
            }
            return true
        }
    }

    /// `step` of moving `index` forward; nil when the changes are not known exactly (or, placing,
    /// the ledger moved on meanwhile); an index the database no longer matches
    /// (`LedgerIndexUnavailable`) gives nil as well, and is read whole.
    private static func advance(_ index: LedgerIndex, _ database: Database, logger: Logger,
                                by step: (LedgerIndex, Database) async throws -> LedgerIndex?) async throws -> LedgerIndex? {
        do {
            return try await step(index, database)
        } catch is LedgerIndexUnavailable {
            logger.warning("ledger index could not move forward; reading it whole")
            return nil
        }
    }

    /// Reads the index now, whatever the ledger's size (tests, and the benchmark's warm-up).
    func rebuild(_ database: Database) async throws {
        let fresh = try await LedgerIndex.load(database)
        finish(fresh, whole: true)
        let buckets = LedgerBuckets(fresh)
        state.withLock { $0.buckets = buckets }
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

    /// Holds `moved` (its changed rows not yet placed in the orders) unless a newer index is held.
    private func hold(_ moved: LedgerIndex) {
        state.withLock { state in
            guard !state.stopped, moved.generation >= state.index?.generation ?? .min else { return }
            state.index = moved
        }
    }

    /// The held index's rows could not be placed: the next refresh reads it whole.
    private func readWholeNext() {
        state.withLock { $0.mustReadWhole = true }
    }

    /// `whole`: `fresh` is a whole read (nil when the ledger is too small for an index).
    private func finish(_ fresh: LedgerIndex?, whole: Bool = false) {
        state.withLock { state in
            state.building = nil
            if whole { state.mustReadWhole = false }
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
