import Foundation
import Metrics
import Synchronization

/// Counts refusals of anonymous callers (a bad API token) and says which of them to write to the
/// audit trail: the first from an address in each `interval`, carrying how many the address sent
/// in the interval before. A flood of bad tokens is then a handful of rows and a metric, not a
/// permanent row per request competing with real writes.
final class RefusalSampler: Sendable {
    struct Sample: Equatable, Sendable {
        /// Refusals from the address in the interval before this one was written.
        var previousCount: Int
    }

    private struct Window {
        var started: Date
        var count: Int
    }

    let interval: TimeInterval
    /// Addresses remembered at once; past it the memory starts over (a flood from many addresses
    /// then writes at most this many rows per interval).
    let capacity: Int
    private let windows = Mutex<[String: Window]>([:])
    private let counter = Counter(label: "groundbreak_auth_refusals_total", dimensions: [("kind", "invalid_token")])

    init(interval: TimeInterval = 60, capacity: Int = 10_000) {
        self.interval = interval
        self.capacity = capacity
    }

    /// Counts one refusal; a sample when this one should be audited.
    func refuse(from address: String, now: Date) -> Sample? {
        counter.increment()
        return windows.withLock { windows in
            if let window = windows[address], now.timeIntervalSince(window.started) < interval, now >= window.started {
                windows[address]?.count += 1
                return nil
            }
            if windows.count >= capacity { windows.removeAll(keepingCapacity: true) }
            let previous = windows[address]?.count ?? 0
            windows[address] = Window(started: now, count: 1)
            return Sample(previousCount: previous)
        }
    }
}
