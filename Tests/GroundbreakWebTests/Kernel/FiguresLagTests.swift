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
        let cache = ValueCache<Int>(capacity: 8, generational: true)
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

    @Test("without a lag allowed, after the lag, or without the caller's own write, the request waits for the newest")
    func exactWhenNotAllowed() async throws {
        for (name, lag) in [("no lag", FiguresLag?.none), ("lag spent", FiguresLag(seen: nil, maxLag: .milliseconds(20))),
                            ("own write", FiguresLag(seen: 2, maxLag: Self.lag))] {
            let cache = ValueCache<Int>(capacity: 8, generational: true)
            #expect(try await cache.value(for: "1.0|city") { 1 } == 1)
            try await Task.sleep(for: .milliseconds(40))
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
        let cache = ValueCache<Int>(capacity: 8, generational: true)
        #expect(try await cache.value(for: "1.0|city") { 1 } == 1)
        try await Task.sleep(for: .milliseconds(60))
        #expect(try await cache.value(for: "1.0|city") { 99 } == 1, "asked for at its own generation: still the newest")
        let reader = FiguresLag(seen: nil, maxLag: .milliseconds(40))
        #expect(try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|city") { 2 } } == 1,
                "computed 60 ms ago, but known current a moment ago: within a lag of 40 ms")
        #expect(reader.staleness().map { $0 < .milliseconds(40) } == true)
    }

    @Test("a computation reads the generation it was asked for, whatever the request that started it lets lag")
    func computationReadsExactly() async throws {
        let inner = ValueCache<Int>(capacity: 8, generational: true)
        let outer = ValueCache<Int>(capacity: 8, generational: true)
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

    @Test("an older generation's value of other figures is kept only as long as any request may lag")
    func olderValuesLeaveAfterTheLag() async throws {
        let cache = ValueCache<Int>(capacity: 8, generational: true, staleRetention: .milliseconds(50))
        #expect(try await cache.value(for: "1.0|district") { 1 } == 1)
        #expect(try await cache.value(for: "2.0|city") { 2 } == 2)
        #expect(cache.count == 2, "the district's figures may still answer a lagging request")
        try await Task.sleep(for: .milliseconds(80))
        #expect(try await cache.value(for: "3.0|city") { 3 } == 3)
        #expect(cache.count == 1, "older than any lag: freed")
        #expect(try await cache.value(for: "2.0|city") { 99 } == 3)
    }

    @Test("a failed background computation answers nobody wrong and is tried again")
    func failedBackgroundComputation() async throws {
        struct Failed: Error {}
        let cache = ValueCache<Int>(capacity: 8, generational: true)
        #expect(try await cache.value(for: "1.0|city") { 1 } == 1)
        let reader = FiguresLag(seen: nil, maxLag: Self.lag)
        #expect(try await FiguresLag.$current.withValue(reader) { try await cache.value(for: "2.0|city") { throw Failed() } } == 1)
        await #expect(throws: Failed.self) { try await cache.value(for: "2.0|city") { throw Failed() } }
        #expect(try await cache.value(for: "2.0|city") { 2 } == 2)
    }
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
        for _ in 0..<1_000 where !state.withLock({ condition($0) }) { try await Task.sleep(for: .milliseconds(2)) }
        #expect(state.withLock { condition($0) })
    }
}
