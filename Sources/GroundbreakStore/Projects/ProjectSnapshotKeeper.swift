import Foundation
import GroundbreakDomain
import Logging
import SQLKit
import Synchronization

/// Holds the `ProjectSnapshot` and brings it up to the ledger's generation when asked: one move at
/// a time, which every caller meanwhile waits for (a figure is computed from the ledger as it is
/// now, never from an older one). Below `minimumProjects` there is no snapshot and the callers
/// read SQL, as they did: a city's ledger decodes fast enough and the memory is not spent.
final class ProjectSnapshotKeeper: Sendable {
    private struct State {
        var snapshot: ProjectSnapshot?
        var moving: Task<ProjectSnapshot?, any Error>?
        var minimumProjects = LedgerIndexKeeper.defaultMinimumProjects
        var wholeReads = 0
        /// Tests hold the months kept to their own calendar.
        var firstReportMonth: Month?
    }

    private let state = Mutex(State())
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The snapshot as of the ledger's current generation (or later); nil when the ledger is too
    /// small to keep one.
    func snapshot(_ database: Database) async throws -> ProjectSnapshot? {
        let generation = try await LedgerGeneration.current(database.reader)
        while true {
            let (held, move) = state.withLock { state -> (ProjectSnapshot?, Task<ProjectSnapshot?, any Error>?) in
                if let held = state.snapshot, held.generation >= generation { return (held, nil) }
                if let moving = state.moving { return (nil, moving) }
                let first = state.firstReportMonth ?? ProjectSnapshot.firstReportMonth(today: .inChina(Date()))
                // Not the snapshot itself: held by the move, it could not be moved in place.
                let kept = state.snapshot.map { (generation: $0.generation, firstReportMonth: $0.firstReportMonth) }
                let moving = Task(executorPreference: BackgroundExecutor.shared) { [minimum = state.minimumProjects] in
                    try await self.bringUp(from: kept, database, minimumProjects: minimum, firstReportMonth: first)
                }
                state.moving = moving
                return (nil, moving)
            }
            if let held { return held }
            guard let move else { continue }
            let result: Result<ProjectSnapshot?, any Error> = await move.result
            state.withLock { state in
                if state.moving == move { state.moving = nil }
                if case .success(let fresh?) = result, fresh.generation >= state.snapshot?.generation ?? .min {
                    if fresh.wasReadWhole { state.wholeReads += 1 }
                    state.snapshot = fresh
                }
            }
            let fresh = try result.get()
            guard let fresh else { return nil }
            // A move that began before this caller's generation was read goes round once more.
            if fresh.generation >= generation { return fresh }
        }
    }

    /// The snapshot when it is held at exactly `generation`, without waiting or reading: readers
    /// that can answer from SQL just as well (a ledger page's rows, one project) take it only when
    /// it is already there. A held snapshot that is behind starts moving forward in the background,
    /// as the next figure would move it; one never read is not read for them.
    func held(at generation: Int64, _ database: Database) -> ProjectSnapshot? {
        let (held, behind) = state.withLock { state in
            (state.snapshot, state.moving == nil && (state.snapshot?.generation ?? .max) < generation)
        }
        if let held, held.generation == generation { return held }
        if behind { Task { _ = try? await self.snapshot(database) } }
        return nil
    }

    /// Whether a snapshot is held at all: without one, a reader need not read the generation to ask.
    var isHeld: Bool { state.withLock { $0.snapshot != nil } }

    private enum Move: Sendable {
        case forward(ProjectSnapshot.Changes)
        case whole(ProjectSnapshot?)
    }

    private func bringUp(from kept: (generation: Int64, firstReportMonth: Month)?, _ database: Database, minimumProjects: Int,
                         firstReportMonth: Month) async throws -> ProjectSnapshot? {
        let started = ContinuousClock.now
        let move = try await database.consistentRead { [logger] db -> Move in
            // A new year keeps last year's figures: the snapshot is read again from the new January.
            if let kept, kept.firstReportMonth == firstReportMonth,
               let changes = try await ProjectSnapshot.changes(from: kept.generation, firstReportMonth: firstReportMonth, db: db) {
                return .forward(changes)
            }
            let count = try await db.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int.self) ?? 0
            guard count >= minimumProjects else { return .whole(nil) }
            let fresh = try await ProjectSnapshot.read(db: db, firstReportMonth: firstReportMonth)
            logger.info("project snapshot read", metadata: [
                "projects": "\(fresh.projects.count)", "reports": "\(fresh.reportCount)", "generation": "\(fresh.generation)",
                "took": "\(started.duration(to: .now))",
            ])
            return .whole(fresh)
        }
        switch move {
        case .whole(let fresh):
            return fresh
        case .forward(let changes):
            // Moved where it is held, taken out first: in place unless a reader still holds it.
            return state.withLock { state in
                guard var snapshot = state.snapshot, snapshot.generation == changes.from else { return state.snapshot }
                state.snapshot = nil
                snapshot.apply(changes)
                state.snapshot = snapshot
                return snapshot
            }
        }
    }

    /// How many times the snapshot was read whole rather than moved forward (tests).
    var wholeReads: Int { state.withLock { $0.wholeReads } }

    func setMinimumProjects(_ minimum: Int) {
        state.withLock { $0.minimumProjects = minimum }
    }

    func setFirstReportMonth(_ month: Month) {
        state.withLock { $0.firstReportMonth = month }
    }

    /// Waits for a move in progress (before the pool closes).
    func stop() async {
        _ = await state.withLock { $0.moving }?.result
    }
}
