import Synchronization

/// Computed values keyed by everything they were computed from: the caller's reach, the day and
/// a generation (the ledger's, or `FiguresGeneration` for figures read from many tables). A
/// changed input makes a new key, so nothing is ever stale; old keys fall out when it fills.
/// Requests for a key being computed wait for that one computation instead of starting their
/// own: thirty leaders opening the ranking at once cost one computation, not thirty.
final class ValueCache<Value: Sendable>: Sendable {
    private struct State {
        var done: [String: Value] = [:]
        var running: [String: Task<Value, any Error>] = [:]
    }

    private enum Lookup {
        case hit(Value)
        case wait(Task<Value, any Error>)
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func value(for key: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let lookup = state.withLock { state -> Lookup in
            if let value = state.done[key] { return .hit(value) }
            if let task = state.running[key] { return .wait(task) }
            // Not a child of this request: a waiter whose client went away does not cancel the others' answer.
            let task = Task { try await compute() }
            state.running[key] = task
            return .wait(task)
        }
        switch lookup {
        case .hit(let value):
            return value
        case .wait(let task):
            do {
                let value = try await task.value
                state.withLock { state in
                    guard state.running[key] == task else { return }
                    state.running[key] = nil
                    if state.done.count >= capacity { state.done.removeAll(keepingCapacity: true) }
                    state.done[key] = value
                }
                return value
            } catch {
                state.withLock { state in
                    if state.running[key] == task { state.running[key] = nil }
                }
                throw error
            }
        }
    }

    func clear() {
        state.withLock { $0 = State() }
    }

    var count: Int {
        state.withLock { $0.done.count }
    }
}
