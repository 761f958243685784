import Synchronization

/// Computed values keyed by everything they were computed from: the caller's reach, the day and
/// a generation (the ledger's, or `FiguresGeneration` for figures read from many tables). A
/// changed input makes a new key, so nothing is ever stale; old keys fall out when it fills.
/// Requests for a key being computed wait for that one computation instead of starting their
/// own: thirty leaders opening the ranking at once cost one computation, not thirty. A
/// computation keeps its result when it ends, whether or not anyone still waits for it.
///
/// A `generational` cache's keys start with the generation they were read at (`figuresKey`:
/// "data.shared|…") and go on with what else they depend on (the "rest"):
/// - a value of a newer generation replaces every value of older ones, and a value computed at
///   an older generation than one already kept is answered but not kept: values of a generation
///   nobody asks for again (a province's lights are hundreds of megabytes) would otherwise stay
///   until the cache filled, and with changes every few seconds fill it;
/// - a computation waits for one of the same rest at an older generation to end before it
///   starts: with a change every few seconds and a ranking that takes half a minute, each change
///   would otherwise start one more ranking beside the others, until memory and the processors
///   are spent on figures nobody will read.
final class ValueCache<Value: Sendable>: Sendable {
    private struct Running {
        let id: UInt64
        let task: Task<Value, any Error>
    }

    private struct State {
        var done: [String: Value] = [:]
        var running: [String: Running] = [:]
        var nextId: UInt64 = 0
    }

    private enum Lookup {
        case hit(Value)
        case wait(Task<Value, any Error>)
        /// An older generation's computation of the same rest: wait for it, then look again.
        case queue(Task<Value, any Error>)
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

    /// What a key depends on besides its generation.
    static func rest(of key: String) -> Substring? {
        key.firstIndex(of: "|").map { key[key.index(after: $0)...] }
    }

    func value(for key: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        while true {
            let lookup = state.withLock { state -> Lookup in
                if let value = state.done[key] { return .hit(value) }
                if let running = state.running[key] { return .wait(running.task) }
                if generational, let rest = Self.rest(of: key),
                   let older = state.running.first(where: { Self.rest(of: $0.key) == rest }) {
                    return .queue(older.value.task)
                }
                let id = state.nextId
                state.nextId += 1
                // Not a child of this request: a waiter whose client went away does not cancel the others' answer.
                let task = Task {
                    do {
                        let value = try await compute()
                        self.finish(key, id: id, value: value)
                        return value
                    } catch {
                        self.finish(key, id: id, value: nil)
                        throw error
                    }
                }
                state.running[key] = Running(id: id, task: task)
                return .wait(task)
            }
            switch lookup {
            case .hit(let value):
                return value
            case .wait(let task):
                return try await task.value
            case .queue(let task):
                _ = try? await task.value
            }
        }
    }

    /// A computation's end: its value kept (a failure is not), and the key free again.
    private func finish(_ key: String, id: UInt64, value: Value?) {
        let dropped = state.withLock { state -> [Value] in
            guard state.running[key]?.id == id else { return [] }
            state.running[key] = nil
            guard let value else { return [] }
            var dropped: [Value] = []
            if generational, let generation = Self.generation(of: key) {
                let kept = state.done.keys.compactMap(Self.generation(of:))
                if kept.contains(where: { generation.lexicographicallyPrecedes($0) }) { return [value] }
                for (key, older) in state.done where Self.generation(of: key) != generation {
                    dropped.append(older)
                    state.done[key] = nil
                }
            }
            if state.done.count >= capacity {
                dropped += state.done.values
                state.done.removeAll(keepingCapacity: true)
            }
            state.done[key] = value
            return dropped
        }
        // Older generations' figures are freed here, outside the lock (unless a reader still
        // holds one), and what they held goes back to the system.
        if generational, !dropped.isEmpty {
            _ = consume dropped
            MemoryRelease.afterLargeRelease()
        }
    }

    func clear() {
        state.withLock { $0 = State() }
    }

    var count: Int {
        state.withLock { $0.done.count }
    }
}
