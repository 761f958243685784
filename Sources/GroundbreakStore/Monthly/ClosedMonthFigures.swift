import GroundbreakDomain
import SQLKit
import Synchronization

/// The figures each closed month was frozen with (`report_snapshots`), held in memory: every
/// figure that counts closed months as closed (the ranking, the lights, a unit's progress, the
/// statistics) asks for them on each computation, and at province scale a year of closed months
/// is a million rows, read from SQL every time until now. Kept by the shared data's counter, which
/// a close and a reopen move in their transaction (the only writes of those rows), so any instance
/// holds a month's figures exactly while they stand.
final class ClosedMonthFigures: Sendable {
    /// One closed month's frozen figures, by project in id order: three flat arrays rather than a
    /// dictionary of 100,000 entries a month.
    struct Frozen: Sendable {
        fileprivate var ids: [Int64] = []
        fileprivate var dispatch: [Int64] = []
        /// `Int64.min` where no statistical figure was frozen.
        fileprivate var statistical: [Int64] = []

        /// The frozen dispatch and statistical figures of `projectId`; nil when the month was closed
        /// without a report of it.
        func figures(of projectId: Int64) -> (dispatch: Money, statistical: Money?)? {
            let low = ids.partitioningIndex { $0 >= projectId }
            guard low < ids.count, ids[low] == projectId else { return nil }
            let statistical = statistical[low]
            return (Money(yuan: dispatch[low]), statistical == .min ? nil : Money(yuan: statistical))
        }

        var count: Int { ids.count }
    }

    private enum Standing {
        case open
        case closed(Frozen)
    }

    private struct State {
        var shared: Int64 = .min
        var months: [Month: Standing] = [:]
    }

    private let state = Mutex(State())

    /// The frozen figures of those of `months` that are closed.
    func closed(_ months: Set<Month>, _ database: Database) async throws -> [Month: Frozen] {
        guard !months.isEmpty else { return [:] }
        let shared = try await Self.sharedGeneration(database)
        if let held = held(months, at: shared) { return held }
        let (readAt, read) = try await database.consistentRead { db in
            let readAt = try await SharedDataGeneration.current(db)
            let closed = Set(try await db.raw("SELECT month FROM month_closes WHERE month IN (\(binds: months.map(\.iso)))").all()
                .compactMap { Month.parse(try $0.decode(column: "month", as: String.self)) })
            var read: [Month: Standing] = [:]
            for month in months {
                read[month] = closed.contains(month) ? .closed(try await Self.frozen(month, db: db)) : .open
            }
            return (readAt, read)
        }
        keep(read, at: readAt)
        return read.compactMapValues { if case .closed(let frozen) = $0 { frozen } else { nil } }
    }

    /// The months' figures when every one of them is held at `shared`.
    private func held(_ months: Set<Month>, at shared: Int64) -> [Month: Frozen]? {
        state.withLock { state in
            guard state.shared == shared else { return nil }
            var closed: [Month: Frozen] = [:]
            for month in months {
                switch state.months[month] {
                case nil: return nil
                case .open: continue
                case .closed(let frozen): closed[month] = frozen
                }
            }
            return closed
        }
    }

    private func keep(_ read: [Month: Standing], at shared: Int64) {
        state.withLock { state in
            if shared > state.shared {
                state = State(shared: shared)
            }
            guard shared == state.shared else { return }
            state.months.merge(read) { _, new in new }
        }
    }

    private static func sharedGeneration(_ database: Database) async throws -> Int64 {
        if let counters = RequestCounters.usable { return counters.figures.shared }
        return try await SharedDataGeneration.current(database.reader)
    }

    private static func frozen(_ month: Month, db: any SQLDatabase) async throws -> Frozen {
        var frozen = Frozen()
        for row in try await db.raw("""
            SELECT project_id, dispatch_yuan, statistical_yuan FROM report_snapshots WHERE month = \(bind: month.iso) ORDER BY project_id
            """).all() {
            frozen.ids.append(try row.decode(column: "project_id", as: Int64.self))
            frozen.dispatch.append(try row.decode(column: "dispatch_yuan", as: Int64.self))
            frozen.statistical.append(try row.decode(column: "statistical_yuan", as: Int64?.self) ?? .min)
        }
        return frozen
    }
}
