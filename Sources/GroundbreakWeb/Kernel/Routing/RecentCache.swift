import Foundation
import Synchronization

/// The most recently used values, keyed by everything that determines them: nothing is ever
/// invalidated, a key that names a generation simply stops being asked for and ages out.
final class RecentCache<Value: Sendable>: Sendable {
    private struct State {
        var entries: [String: (value: Value, tick: UInt64)] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    func value(for key: String) -> Value? {
        state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            state.tick += 1
            state.entries[key]?.tick = state.tick
            return entry.value
        }
    }

    func store(_ value: Value, for key: String) {
        state.withLock { state in
            state.tick += 1
            state.entries[key] = (value, state.tick)
            if state.entries.count > capacity {
                let keep = state.entries.sorted { $0.value.tick > $1.value.tick }.prefix(capacity * 3 / 4)
                state.entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
        }
    }

    func clear() {
        state.withLock { $0.entries = [:] }
    }
}

/// Encoded bodies of recent read responses, keyed by the request, the ledger generation (any
/// change to projects makes a new one), the day (flags depend on it) and the caller's scope.
/// Encoding a page of projects costs far more than serving it; officials and dashboards ask for
/// the same views over and over.
typealias ResponseCache = RecentCache<[UInt8]>
