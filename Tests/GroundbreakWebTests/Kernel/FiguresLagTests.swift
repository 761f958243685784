@testable import GroundbreakWeb
import Synchronization
import Testing

/// A request to a lag-tolerant page is answered the figures kept at an older generation while
/// the newest are computed once in the background, within the lag allowed and never without the
/// caller's own write; a computation reads only the generation it was asked for.
@Suite("Figures that may lag")
struct FiguresLagTests {
    static let lag = Duration.seconds(10)

    @Test("an older generation's value answers at once while the newest is computed once in the background, then the newest answers")
    func staleWhileComputing() async throws {
        let cache = ValueCache<Int>(capacity: 8, generational: true, now: HandClock().read)
        let gate = Gate()
        #expect(try await cache.value(for: "1.0|city") { 1 } == 1)

        let reader = FiguresLag(seen: nil, maxLag: Self.lag)
        let answered = try await FiguresLag.$current.withValue(reader) {
            try await cache.value(for: "2.0|city") { try await gate.computed(2) }
        }
        #expect(answered == 1, "the kept value answered without waiting for the computation")
        #expect(reader.staleness() != nil && reader.key(for: "2.0|page|q") == "1.0|page|q", "the request knows it was answered older figures, and what is rendered from them is kept under their generation")
        try await gate.started(1)

        // More changes while it computes: still the kept value, and no second computation.
        let later = FiguresLag(seen: nil, maxLag: Self.lag)
        #expect(try await FiguresLag.$current.withValue(later) { try await cache.value(for: "3.0|city") { try await gate.computed(3) } } == 1)
        #expect(gate.starts == 1, "one computation of the city's figures at a time")

        gate.open()
        try await gate.finished(1)
        let fresh = FiguresLag(seen: nil, maxLag: Self.lag)
        #expect(try await FiguresLag.$current.withValue(fresh) { try await cache.value(for: "2.0|city") { 99 } } == 2)
        #expect(fresh.staleness() == nil && fresh.key(for: "2.0|page|q") == "2.0|page|q", "the asked generation answered")
        #expect(try await cache.value(for: "1.0|city") { 99 } == 2, "a newer kept value answers a request at an older generation, lag or not")
        #expect(cache.count == 1, "the older value of the same figures is replaced")
    }

    @Test("a lagging request starts the newest figures once the kept ones have rested as long as they took to compute, or at once when the lag would otherwise run out")
    func refreshRests() async throws {
        for (took, rested, due) in [(Duration.seconds(4), Duration.seconds(1), false), (.seconds(4), .seconds(4), true), (.seconds(6), .milliseconds(500), true)] {
            let clock = HandClock()
            let cache = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
            #expect(try await cache.value(for: "1.0|city") { clock.advance(took); return 1 } == 1)
            clock.advance(rested)
            let gate = Gate()
            let reader = FiguresLag(seen: nil, maxLag: .seconds(15))
            #expect(try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|city") { try await gate.computed(2) } } == 1)
            #expect(cache.computing == (due ? 1 : 0), "computed in \(took), rested \(rested): \(due ? "started" : "not yet")")
            gate.open()
            #expect(try await cache.value(for: "2.0|city") { 2 } == 2, "a reader who may not lag still waits for the newest")
        }
    }

    @Test("a computation that ends with its generation still the data's newest counts as current from its end, not its start")
    func confirmedAtItsEnd() async throws {
        for (name, newest) in [("confirmed", "1.0"), ("changed meanwhile", "2.0"), ("not asked", nil)] as [(String, String?)] {
            let clock = HandClock()
            let cache = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
            if let newest { cache.confirmCurrent { newest } }
            // Longer than the lag: the first computation after a start reads the whole snapshot.
            #expect(try await cache.value(for: "1.0|city") { clock.advance(.seconds(40)); return 1 } == 1)
            clock.advance(.seconds(1))
            let reader = FiguresLag(seen: nil, maxLag: .seconds(30))
            let answered = try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|city") { 2 } }
            let confirmed = name == "confirmed"
            #expect(answered == (confirmed ? 1 : 2), "\(name): \(confirmed ? "answered at once" : "waits for the newest")")
            #expect(reader.staleness(now: clock.read()) == (confirmed ? .seconds(1) : nil), "\(name): its age counts from the check")
        }
    }

    @Test("without a lag allowed, after the lag, or without the caller's own write, the request waits for the newest")
    func exactWhenNotAllowed() async throws {
        for (name, lag) in [("no lag", FiguresLag?.none), ("lag spent", FiguresLag(seen: nil, maxLag: .seconds(20))),
                            ("own write", FiguresLag(seen: 2, maxLag: .seconds(60)))] {
            let clock = HandClock()
            let cache = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
            #expect(try await cache.value(for: "1.0|city") { 1 } == 1)
            clock.advance(.seconds(40))
            let answered = try await FiguresLag.$current.withValue(lag) { try await cache.value(for: "2.0|city") { 2 } }
            #expect(answered == 2, "\(name): the newest")
            #expect(lag?.staleness() == nil, "\(name): not answered from an older generation")
        }
        // The caller's write is in the kept generation: it may answer.
        let cache = ValueCache<Int>(capacity: 8, generational: true)
        #expect(try await cache.value(for: "5.0|city") { 5 } == 5)
        let writer = FiguresLag(seen: 5, maxLag: Self.lag)
        #expect(try await FiguresLag.$current.withValue(writer) { try await cache.value(for: "6.0|city") { 6 } } == 5)
        // Only generational caches may answer another key's value.
        let plain = ValueCache<Int>(capacity: 8)
        #expect(try await plain.value(for: "1.0|city") { 1 } == 1)
        #expect(try await FiguresLag.$current.withValue(writer) { try await plain.value(for: "2.0|city") { 2 } } == 2)
    }

    @Test("how old a kept value is counts from the last time it was asked for as the newest, not from its computation")
    func ageFromLastKnownCurrent() async throws {
        for (maxLag, answered) in [(Duration.seconds(10), 1), (.seconds(4), 2)] {
            let clock = HandClock()
            let cache = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
            #expect(try await cache.value(for: "1.0|city") { 1 } == 1)
            clock.advance(.seconds(60))
            #expect(try await cache.value(for: "1.0|city") { 99 } == 1, "asked for at its own generation: still the newest")
            clock.advance(.seconds(5))
            let reader = FiguresLag(seen: nil, maxLag: maxLag)
            #expect(try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|city") { 2 } } == answered,
                    "computed 65 s ago, known current 5 s ago: within a lag of 10 s, not of 4 s")
            #expect(reader.staleness(now: clock.read()) == (answered == 1 ? .seconds(5) : nil))
            clock.advance(.seconds(2))
            #expect(reader.staleness(now: clock.read()) == (answered == 1 ? .seconds(5) : nil),
                    "stated as of its first asking: the page, the export and the header name one age")
        }
    }

    @Test("a computation reads the generation it was asked for, whatever the request that started it lets lag")
    func computationReadsExactly() async throws {
        // A clock that stands still: the kept ranking took no time, so its refresh is due at once.
        let clock = HandClock()
        let inner = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
        let outer = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
        #expect(try await inner.value(for: "1.0|lights") { 10 } == 10)
        #expect(try await outer.value(for: "1.0|ranking") { 100 } == 100)
        let seenInside = Mutex<Bool?>(nil)
        let reader = FiguresLag(seen: nil, maxLag: Self.lag)
        let answered = try await FiguresLag.$current.withValue(reader) {
            try await outer.value(for: "2.0|ranking") {
                seenInside.withLock { $0 = FiguresLag.current != nil }
                return try await inner.value(for: "2.0|lights") { 20 } * 10
            }
        }
        #expect(answered == 100)
        // Asked exactly, the request waits for the background computation (or finds its value).
        #expect(try await outer.value(for: "2.0|ranking") { -1 } == 200, "the ranking computed in the background from the newest lights, not the lagging ones")
        #expect(seenInside.withLock { $0 } == false)
    }

    @Test("an older generation's value of other figures is kept only as long as the requests to the cache have let figures lag")
    func olderValuesLeaveAfterTheLag() async throws {
        let clock = HandClock()
        let cache = ValueCache<Int>(capacity: 8, generational: true, now: clock.read)
        #expect(try await cache.value(for: "1.0|district") { 1 } == 1)
        #expect(try await cache.value(for: "2.0|city") { 2 } == 2)
        #expect(cache.count == 1, "no request has let figures lag: the district's older figures leave at the first newer value")

        let reader = FiguresLag(seen: nil, maxLag: .seconds(20))
        #expect(try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|district") { 1 } } == 1)
        clock.advance(.seconds(10))
        #expect(try await cache.value(for: "3.0|city") { 3 } == 3)
        #expect(cache.count == 2, "the district's figures may still answer a request lagging 20 s")
        clock.advance(.seconds(11))
        #expect(try await cache.value(for: "4.0|city") { 4 } == 4)
        #expect(cache.count == 1, "older than any request has let figures lag: freed")
        #expect(try await cache.value(for: "3.0|city") { 99 } == 4)
    }

    @Test("a failed background computation answers nobody wrong and is tried again")
    func failedBackgroundComputation() async throws {
        struct Failed: Error {}
        let cache = ValueCache<Int>(capacity: 8, generational: true, now: HandClock().read)
        #expect(try await cache.value(for: "1.0|city") { 1 } == 1)
        let reader = FiguresLag(seen: nil, maxLag: Self.lag)
        #expect(try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|city") { throw Failed() } } == 1)
        await #expect(throws: Failed.self) { try await cache.value(for: "2.0|city") { throw Failed() } }
        #expect(try await cache.value(for: "2.0|city") { 2 } == 2)
    }
}

/// A monotonic clock turned by hand.
private final class HandClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    var read: @Sendable () -> ContinuousClock.Instant { { self.instant.withLock { $0 } } }
    func advance(_ by: Duration) { instant.withLock { $0 = $0.advanced(by: by) } }
}

/// Holds computations until opened, counting those started and finished.
private final class Gate: Sendable {
    private let state = Mutex((open: false, starts: 0, finishes: 0))
    var starts: Int { state.withLock { $0.starts } }

    func computed(_ value: Int) async throws -> Int {
        state.withLock { $0.starts += 1 }
        while !state.withLock({ $0.open }) { try await Task.sleep(for: .milliseconds(2)) }
        state.withLock { $0.finishes += 1 }
        return value
    }

    func open() { state.withLock { $0.open = true } }

    func started(_ count: Int) async throws { try await until { $0.starts >= count } }
    func finished(_ count: Int) async throws {
        try await until { $0.finishes >= count }
        try await Task.sleep(for: .milliseconds(5))
    }

    private func until(_ condition: ((open: Bool, starts: Int, finishes: Int)) -> Bool) async throws {
        for _ in 0..<10_000 where !state.withLock({ condition($0) }) { try await Task.sleep(for: .milliseconds(2)) }
        #expect(state.withLock { condition($0) })
    }
}

/// Each account's last write, remembered for as long as figures may lag.
@Suite("Recent writes by account")
struct RecentWritesTests {
    @Test("the newest generation an account's writes moved to, within the window; other accounts and older writes are not it")
    func remembered() {
        let writes = RecentWrites(window: .seconds(10), capacity: 3)
        let start = ContinuousClock.now
        writes.note(user: 1, generation: 40, now: start)
        writes.note(user: 1, generation: 38, now: start + .seconds(1))
        #expect(writes.seen(user: 1, now: start + .seconds(2)) == 40, "a later write answered with an older counter does not lower it")
        #expect(writes.seen(user: 2, now: start) == nil)
        #expect(writes.seen(user: 1, now: start + .seconds(12)) == nil, "past the window: figures that old are never answered anyway")

        // Full: accounts whose window has passed make room; the others stay.
        writes.note(user: 2, generation: 41, now: start + .seconds(5))
        writes.note(user: 3, generation: 42, now: start + .seconds(6))
        writes.note(user: 4, generation: 43, now: start + .seconds(12))
        #expect(writes.seen(user: 1, now: start + .seconds(12)) == nil)
        #expect([2, 3, 4].map { writes.seen(user: $0, now: start + .seconds(12)) } == [41, 42, 43])
    }
}
