#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Gives memory that large computations freed back to the system. glibc keeps what a thread
/// freed in that thread's arena for reuse; after a province's lights or ranking (gigabytes of
/// inputs) is replaced by a newer generation's, each arena that once held one keeps its high-water
/// mark, and the process's anonymous memory climbs with every arena the computations visit.
enum MemoryRelease {
    private static let last = Mutex<ContinuousClock.Instant?>(nil)

    #if canImport(Glibc)
    /// glibc's `malloc_trim`, looked up at run time: `malloc.h` is not in the Glibc module.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif

    /// `malloc_trim(0)` at most once a second (it walks every arena); nothing off glibc.
    static func afterLargeRelease() {
        #if canImport(Glibc)
        let due = last.withLock { last -> Bool in
            if let previous = last, previous.duration(to: .now) < .seconds(1) { return false }
            last = .now
            return true
        }
        if due, let trim { _ = trim(0) }
        #endif
    }
}
