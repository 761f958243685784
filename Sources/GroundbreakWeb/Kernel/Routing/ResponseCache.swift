import Foundation
import Synchronization

/// Encoded bodies of recent read responses, keyed by everything that determines them: the
/// request, the ledger generation (any change to projects makes a new one), the day (flags depend
/// on it) and, once scopes exist, the caller's scope. Encoding a page of projects costs far more
/// than serving it; officials and dashboards ask for the same views over and over.
final class ResponseCache: Sendable {
    private struct State {
        var entries: [String: (bytes: [UInt8], tick: UInt64)] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    func bytes(for key: String) -> [UInt8]? {
        state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            state.tick += 1
            state.entries[key]?.tick = state.tick
            return entry.bytes
        }
    }

    func store(_ bytes: [UInt8], for key: String) {
        state.withLock { state in
            state.tick += 1
            state.entries[key] = (bytes, state.tick)
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
