import SQLKit
import Synchronization

/// The counters as of now, for a request about to answer with what this instance keeps in
/// memory (`CredentialCache`): read by a statement that starts after the call, so every write
/// committed before the request arrived, on this instance or another, is counted. Calls that
/// arrive while a read runs share the next one: under load one statement answers many requests,
/// and none waits longer than two reads.
///
/// Every request waits on these reads, so one that never answers would stop the whole server
/// (the PostgreSQL restart drill found one, 2026-12-04): a read still unanswered after `deadline`
/// fails its waiters with `ReadTimedOut` (a 503) and the next call starts a read of its own.
final class FreshCounters: Sendable {
    private typealias Waiter = CheckedContinuation<RequestCounters, any Error>

    private struct State {
        /// Calls whose read has not started.
        var waiting: [Waiter] = []
        /// The reader now serving calls, if any; a reader given up on finds itself replaced.
        var reader: Int?
        /// Calls whose read runs, by round, until answered or given up on.
        var rounds: [Int: [Waiter]] = [:]
        var lastNumber = 0

        mutating func number() -> Int {
            lastNumber += 1
            return lastNumber
        }
    }

    private let state = Mutex(State())
    let deadline: Duration

    init(deadline: Duration = .seconds(10)) {
        self.deadline = deadline
    }

    /// The read gave no answer within the deadline (a 503: the database is not answering).
    struct ReadTimedOut: Error, CustomStringConvertible {
        var description: String { "the counters read gave no answer in time" }
    }

    /// Counters read after this call began, by `read` (all callers pass the same reading).
    func now(_ read: @escaping @Sendable () async throws -> RequestCounters) async throws -> RequestCounters {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let reader = state.withLock { state -> Int? in
                state.waiting.append(waiter)
                guard state.reader == nil else { return nil }
                state.reader = state.number()
                return state.reader
            }
            if let reader { startReading(reader, read) }
        }
    }

    /// Detached: the reads go to the primary whatever the caller's task-locals say.
    private func startReading(_ reader: Int, _ read: @escaping @Sendable () async throws -> RequestCounters) {
        Task.detached { await self.readWhileWaited(reader, read) }
    }

    /// Reads for everyone waiting, again for those who came during the read, until none wait or
    /// this reader is given up on.
    private func readWhileWaited(_ reader: Int, _ read: @escaping @Sendable () async throws -> RequestCounters) async {
        while let round = takeWaiting(reader) {
            let watch = Task.detached { [deadline] in
                try await Task.sleep(for: deadline)
                self.giveUp(round, reader: reader, read)
            }
            let result: Result<RequestCounters, any Error>
            do { result = .success(try await read()) } catch { result = .failure(error) }
            watch.cancel()
            // Each request its own copy: one that writes forgets only its own (`RequestCounters.forget`).
            for waiter in answered(round) { waiter.resume(with: result.map { $0.copy() }) }
        }
    }

    /// The round's calls fail; those waiting for the next read get a new reader.
    private func giveUp(_ round: Int, reader: Int, _ read: @escaping @Sendable () async throws -> RequestCounters) {
        let (given, next) = state.withLock { state -> ([Waiter], Int?) in
            guard let given = state.rounds.removeValue(forKey: round) else { return ([], nil) }
            guard state.reader == reader else { return (given, nil) }
            state.reader = state.waiting.isEmpty ? nil : state.number()
            return (given, state.reader)
        }
        for waiter in given { waiter.resume(throwing: ReadTimedOut()) }
        if let next { startReading(next, read) }
    }

    /// The round's calls, unless given up on already.
    private func answered(_ round: Int) -> [Waiter] {
        state.withLock { $0.rounds.removeValue(forKey: round) ?? [] }
    }

    /// A new round of those waiting now, or nil, ending the reading, when none wait or another
    /// reader has taken over.
    private func takeWaiting(_ reader: Int) -> Int? {
        state.withLock { state in
            guard state.reader == reader else { return nil }
            guard !state.waiting.isEmpty else {
                state.reader = nil
                return nil
            }
            let round = state.number()
            state.rounds[round] = state.waiting
            state.waiting = []
            return round
        }
    }
}

/// The counters alone, for `FreshCounters`.
enum CountersRead: KeptStatementText {
    static let name = "groundbreak_counters_read"
    static let postgresSQL = text(.postgres)

    static func text(_ engine: DatabaseEngine) -> String {
        "SELECT \(RequestCounters.columns) FROM \(RequestCounters.tables) WHERE \(RequestCounters.condition)"
    }
}

extension Database {
    /// The counters as of a read that starts after this call (`FreshCounters`), on the primary.
    func countersNow() async throws -> RequestCounters {
        try await freshCounters.now { [self] in
            guard let row = try await keptFirst(CountersRead.self, nil) else { throw StoreError.notFound }
            return try RequestCounters.read(row)
        }
    }
}
