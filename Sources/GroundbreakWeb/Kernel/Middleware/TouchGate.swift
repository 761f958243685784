import Foundation
import Synchronization

/// The credentials this instance has noted in use lately. Of the requests one session or token
/// sends at once when its minute is up, one notes it; without this each of them wrote (32 writes
/// and 32 audit rows a minute under load, queued on the database's one writer, a tenth of a
/// second of stall at the tail). The write itself is conditional too (`TokenRepository.touch`),
/// so instances beside this one write it once between them.
final class TouchGate: Sendable {
    private let noted = Mutex<[String: Date]>([:])
    /// Entries older than the interval are dropped once there are this many.
    private let limit: Int

    init(limit: Int = 10_000) {
        self.limit = limit
    }

    /// True for the first request of `key` in `interval`: that one writes.
    func claim(_ key: String, now: Date, interval: TimeInterval) -> Bool {
        noted.withLock { noted in
            if let last = noted[key], now.timeIntervalSince(last) < interval, now >= last { return false }
            if noted.count >= limit { noted = noted.filter { now.timeIntervalSince($0.value) < interval } }
            noted[key] = now
            return true
        }
    }

    /// The claim given back when its write failed, so the next request writes.
    func release(_ key: String) {
        noted.withLock { _ = $0.removeValue(forKey: key) }
    }

    var count: Int { noted.withLock { $0.count } }
}
