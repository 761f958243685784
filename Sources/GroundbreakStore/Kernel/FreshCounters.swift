import SQLKit
import Synchronization

/// The counters as of now, for a request about to answer with what this instance keeps in
/// memory (`CredentialCache`): read by a statement that starts after the call, so every write
/// committed before the request arrived, on this instance or another, is counted. Calls that
/// arrive while a read runs share the next one: under load one statement answers many requests,
/// and none waits longer than two reads.
final class FreshCounters: Sendable {
    private typealias Waiter = CheckedContinuation<RequestCounters, any Error>

    private struct State {
        var waiting: [Waiter] = []
        var reading = false
    }

    private let state = Mutex(State())

    /// Counters read after this call began, by `read` (all callers pass the same reading).
    func now(_ read: @escaping @Sendable () async throws -> RequestCounters) async throws -> RequestCounters {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let starts = state.withLock { state in
                state.waiting.append(waiter)
                guard !state.reading else { return false }
                state.reading = true
                return true
            }
            // Detached: the reads go to the primary whatever the caller's task-locals say.
            if starts { Task.detached { await self.readWhileWaited(read) } }
        }
    }

    /// Reads for everyone waiting, again for those who came during the read, until none wait.
    private func readWhileWaited(_ read: @Sendable () async throws -> RequestCounters) async {
        while let waiters = takeWaiting() {
            let result: Result<RequestCounters, any Error>
            do { result = .success(try await read()) } catch { result = .failure(error) }
            for waiter in waiters {
                // Each request its own copy: one that writes forgets only its own (`RequestCounters.forget`).
                waiter.resume(with: result.map { $0.copy() })
            }
        }
    }

    /// Those waiting now (whose read has not started), or nil, ending the reading, when none wait.
    private func takeWaiting() -> [Waiter]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.reading = false
                return nil
            }
            defer { state.waiting = [] }
            return state.waiting
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
