import Synchronization

/// Computed values keyed by everything they were computed from: the caller's reach, the day and
/// the ledger generation (bumped in the transaction of every change to projects and approvals).
/// A changed input makes a new key, so nothing is ever stale; old keys fall out when it fills.
final class ValueCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func value(for key: String, compute: () async throws -> Value) async throws -> Value {
        if let value = entries.withLock({ $0[key] }) { return value }
        let value = try await compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }

    func clear() {
        entries.withLock { $0.removeAll() }
    }
}
