import Synchronization

/// What a request to a lag-tolerant page (dashboards, rankings, the big screen, exports) lets the
/// figures caches answer while the figures of the newest generation are still being computed:
/// the value kept for the same question at an older generation, if it was last known to hold
/// every change at most `maxLag` ago and includes the caller's own last write (`seen`, the
/// figures generation that write left; see `ReadRouting.seen`). The newest figures are then
/// computed once in the background for the next reader. Without it — every other request, and every computation inside a cache — a cache
/// answers only figures of the generation asked for.
///
/// A ranking at province scale takes seconds to compute after each change; with changes every
/// few seconds in the morning rush, every leader who opened a dashboard would otherwise wait
/// for one.
final class FiguresLag: Sendable {
    @TaskLocal static var current: FiguresLag?

    let seen: Int64?
    let maxLag: Duration
    private let answered = Mutex(Answered())

    private struct Answered {
        /// The generation of each figures value answered, in the order asked.
        var generations: [String] = []
        /// Since when the oldest value answered from an older generation may miss changes.
        var oldestStaleSince: ContinuousClock.Instant?
        /// When the age was first stated: every later reader (the page's notice, an export's
        /// time line, the answer's header) states it as of the same moment, so they agree.
        var statedAt: ContinuousClock.Instant?
    }

    init(seen: Int64?, maxLag: Duration) {
        self.seen = seen
        self.maxLag = maxLag
    }

    /// Whether a value of `generation`, last known to hold every change at `currentAt`, may
    /// answer this request.
    func accepts(generation: [Int64], currentAt: ContinuousClock.Instant, now: ContinuousClock.Instant = .now) -> Bool {
        guard let data = generation.first else { return false }
        if let seen, data < seen { return false }
        return now - currentAt <= maxLag
    }

    /// Notes the generation of a value answered, and since when it may miss changes if it is
    /// older than asked.
    func note(generation: Substring, staleSince: ContinuousClock.Instant?) {
        answered.withLock { answered in
            answered.generations.append(String(generation))
            if let staleSince, answered.oldestStaleSince.map({ staleSince < $0 }) ?? true {
                answered.oldestStaleSince = staleSince
            }
        }
    }

    /// How long the oldest figures this request answered from an older generation may have
    /// missed changes for, as of the first time it was asked; nil when every value answered was
    /// of the generation asked for.
    func staleness(now: ContinuousClock.Instant = .now) -> Duration? {
        answered.withLock { answered in
            guard let oldest = answered.oldestStaleSince else { return nil }
            let statedAt = answered.statedAt ?? now
            answered.statedAt = statedAt
            return statedAt - oldest
        }
    }

    /// `staleness` in whole seconds, rounded up, as the page and the answer's header say it.
    var stalenessSeconds: Int? {
        staleness().map { Int(($0 / .seconds(1)).rounded(.up)) }
    }

    /// `key` (a figures key: "generation|rest") for what is made from the values this request was
    /// answered: when any was older than asked, the generations actually answered replace the
    /// one read, so a page rendered from older figures is never kept as the newer generation's.
    func key(for key: String) -> String {
        answered.withLock { answered in
            guard answered.oldestStaleSince != nil, let rest = ValueCache<Never>.parts(of: key)?.rest else { return key }
            return answered.generations.joined(separator: ",") + "|" + rest
        }
    }
}

extension EndpointRequest {
    /// The time an export of figures names: now, and when its figures lag, how old they are, so
    /// a printed ranking never claims to be newer than its data.
    var exportTime: String {
        let time = Format.dateTime(now)
        return FiguresLag.current?.stalenessSeconds.map { time + WebText.Figures.exportLagging($0) } ?? time
    }
}
