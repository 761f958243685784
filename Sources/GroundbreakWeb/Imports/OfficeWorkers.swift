import Foundation
import HTTPTypes
import NIOPosix
import Synchronization

/// Reading and planning uploaded spreadsheets, off the request path: on one thread of its own,
/// so that two large uploads at once cannot hold the threads that answer `/healthz` and every
/// other request. A few more wait their turn; beyond that the upload is refused at once with a
/// "busy" answer rather than queued without end.
enum OfficeWorkers {
    static let threads = 1
    static let maxWaiting = 4

    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()

    private static let admitted = Mutex(0)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let entered = admitted.withLock { count -> Bool in
            guard count < threads + maxWaiting else { return false }
            count += 1
            return true
        }
        guard entered else { throw AppError(.serviceUnavailable, kind: "busy", title: WebText.Problem.officeBusy) }
        defer { admitted.withLock { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }
}
