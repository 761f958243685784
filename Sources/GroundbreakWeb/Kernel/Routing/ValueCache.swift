import GroundbreakStore
import Synchronization

/// Computed values keyed by everything they were computed from: the caller's reach, the day and
/// a generation (the ledger's, or `FiguresGeneration` for figures read from many tables). A
/// changed input makes a new key, so nothing is ever stale; when it fills, the values last known
/// current longest ago fall out.
/// Requests for a key being computed wait for that one computation instead of starting their
/// own: thirty leaders opening the ranking at once cost one computation, not thirty. A
/// computation keeps its result when it ends, whether or not anyone still waits for it.
///
/// A `generational` cache's keys start with the generation they were read at (`figuresKey`:
/// "data.shared|…") and go on with what else they depend on (the "rest"):
/// - a value replaces the older one of the same rest, and every value of an older generation
///   last known current longer ago than any request to this cache has let figures lag (too old
///   for any `FiguresLag` to answer; at once when none has); a value
///   computed at an older generation than the one kept for its rest is answered but not kept:
///   values of a generation nobody asks for again (a province's lights are hundreds of megabytes)
///   would otherwise stay until the cache filled, and with changes every few seconds fill it;
/// - a computation waits for one of the same rest at an older generation to end before it
///   starts: with a change every few seconds and a ranking that takes half a minute, each change
///   would otherwise start one more ranking beside the others, until memory and the processors
///   are spent on figures nobody will read;
/// - a request that lets figures lag (`FiguresLag`) is answered the value kept for the same rest
///   at an older generation when the lag allows it, and the asked generation's value is computed
///   in the background (one at a time per rest, as above, and not before the kept value has
///   rested as long as it took to compute, unless the lag would run out: `Kept.dueForRefresh`);
///   a kept value of a newer generation answers any request.
final class ValueCache<Value: Sendable>: Sendable {
    private struct Running {
        let id: UInt64
        let task: Task<Value, any Error>
    }

    private struct Kept {
        let key: String
        let value: Value
        /// The last time it was known to hold every change: when its computation started, or when
        /// a request since asked for its own generation (then the newest). How old a lagging
        /// answer is counts from here: a ranking computed an hour ago and asked for a second ago,
        /// before the change, is a second old.
        var currentAt: ContinuousClock.Instant
        /// How long its computation took, and when it ended.
        var computedIn: Duration
        var finishedAt: ContinuousClock.Instant

        /// Whether a lagging request should start the newest figures' computation now. With
        /// changes every second a computation would follow the last without pause, one processor
        /// spent on figures for as long as changes go on; instead the next starts once the figures
        /// have rested as long as they took, unless waiting would let them lag past what requests
        /// allow (`maxLag`): they stay within it with a computation to spare.
        func dueForRefresh(now: ContinuousClock.Instant, maxLag: Duration) -> Bool {
            now - finishedAt >= computedIn || (now - currentAt) + computedIn * 2 >= maxLag
        }
    }

    private struct State {
        /// By slot: a generational cache keeps one value per rest, the newest; any other cache
        /// one per key.
        var done: [Substring: Kept] = [:]
        var running: [String: Running] = [:]
        var nextId: UInt64 = 0
        /// How long a value of an older generation is kept for requests that let figures lag: the
        /// longest lag any request to this cache has asked with (`AppSettings.figuresMaxLag`;
        /// none before the first such request, so an older value leaves at the first newer one).
        var staleRetention: Duration = .zero
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
    /// Whether dropping an older generation's values gives memory back to the system
    /// (`MemoryRelease`, a walk of every arena): for figures of hundreds of megabytes, not for
    /// small values read on the request's path.
    let releasesMemory: Bool
    /// The monotonic clock figures' ages are read on; tests turn it by hand.
    let now: @Sendable () -> ContinuousClock.Instant
    /// Reads the generation the data is at now (from the database, not a request's counters); see
    /// `confirmCurrent(with:)`.
    private let generationNow = Mutex<(@Sendable () async -> String?)?>(nil)

    init(capacity: Int = 64, generational: Bool = false, releasesMemory: Bool = true,
         now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.capacity = capacity
        self.generational = generational
        self.releasesMemory = generational && releasesMemory
        self.now = now
    }

    /// Lets a computation that ends with its generation still the data's newest count as current
    /// from that moment, not from its start: a ranking that took 30 s after a restart (the
    /// snapshot read with it) would otherwise be past the lag the moment it was kept, and every
    /// reader after the next change would wait for another. One statement per computation.
    func confirmCurrent(with read: @escaping @Sendable () async -> String?) {
        generationNow.withLock { $0 = read }
    }

    /// The generation the data is at now, as this cache's keys begin; nil when not confirmed.
    func currentGeneration() async -> String? {
        guard let read = generationNow.withLock({ $0 }) else { return nil }
        return await read()
    }

    /// Where computations run: Swift's shared pool unless set (`BackgroundExecutor`).
    private let executor = Mutex<(any TaskExecutor)?>(nil)

    func computeOn(_ executor: any TaskExecutor) {
        self.executor.withLock { $0 = executor }
    }

    var computesInBackground: Bool {
        executor.withLock { $0 is BackgroundExecutor }
    }

    /// A figures key's two parts: "12.3|rest" is ("12.3", "rest").
    static func parts(of key: String) -> (generation: Substring, rest: Substring)? {
        key.firstIndex(of: "|").map { (key[..<$0], key[key.index(after: $0)...]) }
    }

    /// The generation a key starts with, as numbers to compare: "12.3|…" is (12, 3).
    static func generation(of key: String) -> [Int64]? {
        guard let text = parts(of: key)?.generation else { return nil }
        let numbers = text.split(separator: ".").map { Int64($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        return numbers.compactMap { $0 }
    }

    private static func generationText(of key: String) -> Substring {
        parts(of: key)?.generation ?? ""
    }

    /// Where a key's value is kept.
    private func slot(of key: String) -> Substring {
        generational ? Self.parts(of: key)?.rest ?? key[...] : key[...]
    }

    func value(for key: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let lag = generational ? FiguresLag.current : nil
        let slot = slot(of: key)
        let generation = generational ? Self.generation(of: key) : nil
        while true {
            let lookup = state.withLock { state -> Lookup in
                if let lag, lag.maxLag > state.staleRetention { state.staleRetention = lag.maxLag }
                if let kept = state.done[slot] {
                    if kept.key == key {
                        state.done[slot]?.currentAt = now()
                        lag?.note(generation: Self.generationText(of: key), staleSince: nil)
                        return .hit(kept.value)
                    }
                    if let generation, let keptGeneration = Self.generation(of: kept.key) {
                        if generation.lexicographicallyPrecedes(keptGeneration) {
                            lag?.note(generation: Self.generationText(of: kept.key), staleSince: nil)
                            return .hit(kept.value)
                        }
                        if let lag, lag.accepts(generation: keptGeneration, currentAt: kept.currentAt, now: now()) {
                            if kept.dueForRefresh(now: now(), maxLag: lag.maxLag),
                               !state.running.keys.contains(where: { self.slot(of: $0) == slot }) {
                                start(key, compute: compute, in: &state)
                            }
                            lag.note(generation: Self.generationText(of: kept.key), staleSince: kept.currentAt)
                            return .hit(kept.value)
                        }
                    }
                }
                if let running = state.running[key] {
                    lag?.note(generation: Self.generationText(of: key), staleSince: nil)
                    return .wait(running.task)
                }
                if generational, let older = state.running.first(where: { self.slot(of: $0.key) == slot }) {
                    return .queue(older.value.task)
                }
                lag?.note(generation: Self.generationText(of: key), staleSince: nil)
                return .wait(start(key, compute: compute, in: &state))
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

    /// Starts computing `key`'s value. Not a child of the request: a waiter whose client went away
    /// does not cancel the others' answer. Figures read inside it are of the generation asked
    /// for, whatever the request that started it lets lag.
    @discardableResult
    private func start(_ key: String, compute: @escaping @Sendable () async throws -> Value, in state: inout State) -> Task<Value, any Error> {
        let id = state.nextId
        state.nextId += 1
        let readAt = now()
        let task = Task(executorPreference: executor.withLock { $0 }) {
            try await FiguresLag.$current.withValue(nil) {
                do {
                    let value = try await compute()
                    let currentAt = await self.confirmedAt(key) ?? readAt
                    let finishedAt = self.now()
                    self.finish(key, id: id, kept: Kept(key: key, value: value, currentAt: currentAt, computedIn: finishedAt - readAt, finishedAt: finishedAt))
                    return value
                } catch {
                    self.finish(key, id: id, kept: nil)
                    throw error
                }
            }
        }
        state.running[key] = Running(id: id, task: task)
        return task
    }

    /// When `key`'s generation was last seen to be the data's newest, if it still was at the end
    /// of its computation.
    private func confirmedAt(_ key: String) async -> ContinuousClock.Instant? {
        guard generational else { return nil }
        let asked = now()
        guard let current = await currentGeneration(), current == Self.generationText(of: key) else { return nil }
        return asked
    }

    /// A computation's end: its value kept (a failure is not), and the key free again.
    private func finish(_ key: String, id: UInt64, kept new: Kept?) {
        let dropped = state.withLock { state -> [Value] in
            guard state.running[key]?.id == id else { return [] }
            state.running[key] = nil
            guard let new else { return [] }
            let slot = slot(of: key)
            var dropped: [Value] = []
            if generational, let generation = Self.generation(of: key) {
                if let kept = state.done[slot], let keptGeneration = Self.generation(of: kept.key),
                   generation.lexicographicallyPrecedes(keptGeneration) {
                    return [new.value]
                }
                let moment = now()
                let retention = state.staleRetention
                for (other, kept) in state.done where (retention == .zero || moment - kept.currentAt > retention)
                    && Self.generation(of: kept.key).map({ $0.lexicographicallyPrecedes(generation) }) ?? true {
                    dropped.append(kept.value)
                    state.done[other] = nil
                }
            }
            if let replaced = state.done.removeValue(forKey: slot) { dropped.append(replaced.value) }
            if state.done.count >= capacity {
                // The quarter last known current longest ago leaves: a cache of what each reader
                // was shown, filled by a morning's readers, would otherwise lose every reader's
                // page at once.
                let leaving = state.done.sorted { $0.value.currentAt < $1.value.currentAt }.prefix(max(1, capacity / 4))
                for (slot, kept) in leaving {
                    dropped.append(kept.value)
                    state.done[slot] = nil
                }
            }
            state.done[slot] = new
            return dropped
        }
        // Older generations' figures are freed after the answer, outside the lock (unless a reader
        // still holds one), and what they held goes back to the system. Freed here, before the
        // computation returned, a province's figures (a hundred thousand objects, then a walk of
        // every arena) were part of what the writer waited for after a change. Small values are
        // freed here as the function ends.
        guard releasesMemory, !dropped.isEmpty else { return }
        let release = DroppedValues(consume dropped)
        Task.detached(priority: .utility) {
            release.free()
            MemoryRelease.afterLargeRelease()
        }
    }

    /// Values left by a computation's end, held until freed away from the answer.
    private final class DroppedValues: Sendable {
        private let values: Mutex<[Value]>

        init(_ values: [Value]) {
            self.values = Mutex(values)
        }

        func free() {
            let freed = values.withLock { values in
                defer { values = [] }
                return values
            }
            _ = consume freed
        }
    }

    func clear() {
        state.withLock { $0 = State() }
    }

    var count: Int {
        state.withLock { $0.done.count }
    }

    /// How many computations are running.
    var computing: Int {
        state.withLock { $0.running.count }
    }
}

/// What `AppServices` does with every cache of figures, whatever they hold.
protocol FiguresCache: AnyObject, Sendable {
    var generational: Bool { get }
    var computesInBackground: Bool { get }
    func clear()
    func confirmCurrent(with read: @escaping @Sendable () async -> String?)
    func currentGeneration() async -> String?
    func computeOn(_ executor: any TaskExecutor)
}

extension ValueCache: FiguresCache {}
