import Synchronization

/// Computed values keyed by everything they were computed from: the caller's reach, the day and
/// a generation (the ledger's, or `FiguresGeneration` for figures read from many tables). A
/// changed input makes a new key, so nothing is ever stale; old keys fall out when it fills.
/// Requests for a key being computed wait for that one computation instead of starting their
/// own: thirty leaders opening the ranking at once cost one computation, not thirty.
///
/// A `generational` cache's keys start with the generation they were read at (`figuresKey`:
/// "data.shared|…"): a value of a newer generation replaces every value of older ones, and a
/// value computed at an older generation than one already kept is answered but not kept. Values
/// of a generation nobody asks for again (a province's lights are hundreds of megabytes) would
/// otherwise stay until the cache filled, and with changes every few seconds fill it.
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
    let generational: Bool

    init(capacity: Int = 64, generational: Bool = false) {
        self.capacity = capacity
        self.generational = generational
    }

    /// The generation a key starts with, as numbers to compare: "12.3|…" is (12, 3).
    static func generation(of key: String) -> [Int64]? {
        guard let bar = key.firstIndex(of: "|") else { return nil }
        let parts = key[..<bar].split(separator: ".").map { Int64($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
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
                    if generational, let generation = Self.generation(of: key) {
                        let kept = state.done.keys.compactMap(Self.generation(of:))
                        if kept.contains(where: { generation.lexicographicallyPrecedes($0) }) { return }
                        state.done = state.done.filter { Self.generation(of: $0.key) == generation }
                    }
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
