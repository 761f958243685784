import Synchronization

/// The figures generation each account's last write on this instance moved the data to, for as
/// long as figures may lag: a caller's next dashboard includes their own write even when the
/// client keeps no cookie (an API program) or the write was made from another of their devices.
/// A write made on another instance reaches this one by the caller's cookie or `Groundbreak-Seen`
/// header instead (`ReadRouting.seen`).
final class RecentWrites: Sendable {
    private struct Write {
        let generation: Int64
        let at: ContinuousClock.Instant
    }

    private let writes = Mutex<[Int64: Write]>([:])
    /// How long a write is remembered: figures older than the lag allowed are never answered anyway.
    let window: Duration
    /// Accounts remembered before those whose window has passed are let go.
    let capacity: Int

    init(window: Duration, capacity: Int = 4_096) {
        self.window = window
        self.capacity = capacity
    }

    func note(user: Int64, generation: Int64, now: ContinuousClock.Instant = .now) {
        writes.withLock { writes in
            if writes.count >= capacity, writes[user] == nil {
                writes = writes.filter { now - $0.value.at <= window }
                if writes.count >= capacity { writes.removeAll(keepingCapacity: true) }
            }
            let newest = max(writes[user]?.generation ?? generation, generation)
            writes[user] = Write(generation: newest, at: now)
        }
    }

    /// The generation `user`'s last write moved the data to, if it was made within the window.
    func seen(user: Int64, now: ContinuousClock.Instant = .now) -> Int64? {
        writes.withLock { writes in writes[user].flatMap { now - $0.at <= window ? $0.generation : nil } }
    }
}
