import Foundation
import HTTPTypes
import NIOPosix
import Synchronization

/// Reading and planning uploaded spreadsheets, off the request path: on threads of their own, so
/// that two large uploads at once cannot hold the threads that answer `/healthz` and every other
/// request. A few more wait their turn; beyond that the upload is refused at once with a "busy"
/// answer rather than queued without end.
final class OfficeWorkers: Sendable {
    /// The server's: one thread, four waiting.
    static let shared = OfficeWorkers(threads: 1, maxWaiting: 4)

    let threads: Int
    let maxWaiting: Int
    private let pool: NIOThreadPool
    private let admitted = Mutex(0)

    init(threads: Int, maxWaiting: Int) {
        self.threads = threads
        self.maxWaiting = maxWaiting
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Jobs running or waiting now.
    var admittedCount: Int { admitted.withLock { $0 } }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let limit = threads + maxWaiting
        let entered = admitted.withLock { count -> Bool in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard entered else { throw AppError(.serviceUnavailable, kind: "busy", title: WebText.Errors.officeBusy) }
        defer { admitted.withLock { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }
}
