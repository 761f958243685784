import Foundation
import NIOPosix

/// Threads of their own for work nobody is waiting on at once: the figures' computations, the
/// project snapshot's and the ledger index's moves. Swift's shared pool has one thread per
/// processor and never takes a running job off one, so a province's ranking or home figures,
/// computed after a change, held one of this machine's two for seconds while every page request
/// queued for the other. On threads of their own the system shares the processors between them
/// and the requests' threads. (At a lower priority as well, the readers gained little more and the
/// writer, who waits for the computation, waited twice as long under load: measured, not kept.)
public final class BackgroundExecutor: TaskExecutor, @unchecked Sendable {
    /// One thread fewer than the processors, at least one: the computations never take them all.
    public static let shared = BackgroundExecutor(threads: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))

    private static let threadName = "background-"
    /// Set on each of these threads: Foundation on Linux does not always report a thread's name.
    private static let ours = ThreadSpecificVariable<Marker>()
    private final class Marker: Sendable {}
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    init(threads: Int) {
        for index in 0..<threads {
            // Named from inside (for `top -H` and profiles): on Linux a name given before the start is not the thread's.
            Thread { [self] in
                Thread.current.name = "\(Self.threadName)\(index)"
                Self.ours.currentValue = Marker()
                run()
            }.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Whether the calling code runs on one of these threads (tests).
    public static var isCurrent: Bool {
        ours.currentValue != nil
    }

    private func run() -> Never {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
