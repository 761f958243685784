@testable import GroundbreakStore
import Synchronization
import Testing

/// Every request waits on the shared counters read, so a read that never answers must not stop
/// the server: its callers get a 503 after the deadline and the next call reads afresh.
@Suite("The shared counters read")
struct FreshCountersTests {
    static func counters(_ ledger: Int64) -> RequestCounters {
        RequestCounters(ledger: ledger, figures: FiguresGeneration(data: 1, shared: 1), accounts: 1)
    }

    static func outcome(_ body: () async throws -> RequestCounters) async -> Result<RequestCounters, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    @Test("calls during a read share the next one; each gets its own copy", .timeLimit(.minutes(1)))
    func callsShareReads() async throws {
        let fresh = FreshCounters()
        let reads = Atomic<Int64>(0)
        let read: @Sendable () async throws -> RequestCounters = {
            let number = reads.add(1, ordering: .relaxed).newValue
            try await Task.sleep(for: .milliseconds(50))
            return Self.counters(number)
        }
        let answers = try await withThrowingTaskGroup(of: RequestCounters.self) { group in
            for _ in 0..<40 { group.addTask { try await fresh.now(read) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == 40)
        #expect(reads.load(ordering: .relaxed) < 40, "the calls shared reads")
        #expect(Set(answers.map { ObjectIdentifier($0) }).count == 40, "each call its own copy")
    }

    @Test("a read with no answer fails its callers as unavailable after the deadline, and the next call reads afresh", .timeLimit(.minutes(1)))
    func stuckReadIsGivenUp() async throws {
        let fresh = FreshCounters(deadline: .milliseconds(100))
        let stuck: @Sendable () async throws -> RequestCounters = {
            try await Task.sleep(for: .seconds(600))
            return Self.counters(0)
        }
        let answers = await withTaskGroup(of: Result<RequestCounters, any Error>.self) { group in
            for _ in 0..<5 { group.addTask { await Self.outcome { try await fresh.now(stuck) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for answer in answers {
            #expect(throws: FreshCounters.ReadTimedOut.self) { try answer.get() }
            if case .failure(let error) = answer { #expect(StoreError.isUnavailable(error)) }
        }
        let after = try await fresh.now { Self.counters(7) }
        #expect(after.ledger == 7)
    }

    @Test("calls that came during a read given up on are read for by a new reader", .timeLimit(.minutes(1)))
    func waitersDuringStuckReadGetNewReader() async throws {
        let fresh = FreshCounters(deadline: .milliseconds(300))
        let calls = Atomic<Int>(0)
        // The first read never answers; every later one answers at once.
        let read: @Sendable () async throws -> RequestCounters = {
            if calls.add(1, ordering: .relaxed).newValue == 1 { try await Task.sleep(for: .seconds(600)) }
            return Self.counters(9)
        }
        async let first = Self.outcome { try await fresh.now(read) }
        try await Task.sleep(for: .milliseconds(100))
        // Arrives while the first read runs: waits for the next read, which the deadline starts.
        let second = try await fresh.now(read)
        #expect(second.ledger == 9)
        let firstAnswer = await first
        #expect(throws: FreshCounters.ReadTimedOut.self) { try firstAnswer.get() }
    }
}
