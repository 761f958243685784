import SQLKit
import Synchronization

/// Writes of one kind that arrive while another batch of them is committing wait, and then go
/// together as one transaction: one BEGIN, one move of the counters, their audit rows in one
/// statement, one COMMIT (one flush of the log) for all of them.
///
/// A rush of creates at 32 connections spent most of its database time on what every
/// transaction repeats rather than on its rows, and every writer queued on the counters' row
/// (`docs/performance-writes.md`). Each write still runs its own statements in the shared
/// transaction and sees the rows written before it there, so a code taken twice in one batch is
/// refused as it would be one after the other. Should any write of a batch fail, the batch is
/// rolled back and each write runs again alone, so each caller gets its own answer (its own error)
/// and the others commit. A write must therefore do nothing but its statements on `db`.
///
/// Up to `lanes` batches commit at once. A batch runs its writes' statements one after another on
/// one connection, so on PostgreSQL, where each statement is a round trip, a single lane bounds
/// the kind at one round trip per statement: a raise's five statements capped raises near 1,000/s
/// while the database idled. Several lanes overlap those round trips; their transactions only
/// queue where they touch the same row (the counters, moved at COMMIT). SQLite has one writer
/// connection, so one lane.
final class GroupCommit<Value: Sendable>: Sendable {
    /// Writes per transaction at most: a bound on how long the first of them waits for the last.
    static var mostWrites: Int { 64 }

    /// Batches committing at the same time at most.
    let lanes: Int

    init(lanes: Int = 1) {
        self.lanes = max(1, lanes)
    }

    private struct Waiting: Sendable {
        let work: @Sendable (any SQLDatabase) async throws -> Value
        /// The caller's: which figures generation its write moved the counter to (`gb_seen`).
        let written: DataGeneration.Written?
        let answer: CheckedContinuation<Value, any Error>
    }

    private struct Queue: Sendable {
        /// Lanes committing a batch now.
        var committing = 0
        var waiting: [Waiting] = []
    }

    private let queue = Mutex(Queue())

    /// Runs `work` in a transaction shared with the writes waiting beside it; returns its value
    /// once that transaction has committed.
    func run(on database: Database, _ work: @escaping @Sendable (any SQLDatabase) async throws -> Value) async throws -> Value {
        RequestCounters.forget()
        let written = DataGeneration.written
        return try await withCheckedThrowingContinuation { answer in
            let lanes = lanes
            let starts = queue.withLock { queue in
                queue.waiting.append(Waiting(work: work, written: written, answer: answer))
                guard queue.committing < lanes else { return false }
                queue.committing += 1
                return true
            }
            // Detached: the committing task must not carry the first caller's request (its
            // counters, its `written`) into everyone's transaction.
            if starts { Task.detached { await self.commitWhileWaiting(on: database) } }
        }
    }

    /// How many writes wait for the batch being committed to end.
    var waitingCount: Int { queue.withLock { $0.waiting.count } }

    private func commitWhileWaiting(on database: Database) async {
        while let batch = nextBatch() {
            await commit(batch, on: database)
        }
    }

    private func nextBatch() -> [Waiting]? {
        queue.withLock { queue in
            guard !queue.waiting.isEmpty else {
                queue.committing -= 1
                return nil
            }
            let batch = Array(queue.waiting.prefix(Self.mostWrites))
            queue.waiting.removeFirst(batch.count)
            return batch
        }
    }

    private func commit(_ batch: [Waiting], on database: Database) async {
        if batch.count > 1 {
            do {
                let values = try await together(batch, on: database)
                for (waiting, value) in zip(batch, values) { waiting.answer.resume(returning: value) }
                return
            } catch is AWriteFailed {
                // Rolled back: each again alone, below.
            } catch {
                // The BEGIN, the audit rows, the counters or the COMMIT failed: whether it committed
                // may be unknown, and running the writes again could write them twice.
                for waiting in batch { waiting.answer.resume(throwing: error) }
                return
            }
        }
        for waiting in batch {
            do {
                let value = try await DataGeneration.$written.withValue(waiting.written) { try await database.transaction(waiting.work) }
                waiting.answer.resume(returning: value)
            } catch {
                waiting.answer.resume(throwing: error)
            }
        }
    }

    /// One of the batch's writes threw: the transaction rolled back before its COMMIT.
    private struct AWriteFailed: Error {}

    /// The batch as one transaction, rolled back when any of its writes fails.
    private func together(_ batch: [Waiting], on database: Database) async throws -> [Value] {
        let written = DataGeneration.Written()
        let values = try await DataGeneration.$written.withValue(written) {
            try await database.transaction { db in
                try await AuditLog.Batch.writing(on: db) {
                    var values: [Value] = []
                    values.reserveCapacity(batch.count)
                    for waiting in batch {
                        do { values.append(try await waiting.work(db)) } catch { throw AWriteFailed() }
                    }
                    return values
                }
            }
        }
        if let generation = written.value {
            for waiting in batch { waiting.written?.note(generation) }
        }
        return values
    }
}
