import Dispatch
import Foundation
@testable import GroundbreakWeb
import Synchronization
import Testing

/// A computation's newer figures are answered before the older ones they replace are freed: at
/// province scale freeing them (a hundred thousand objects) and giving their memory back was part
/// of what the writer waited for after a change.
@Suite("Figures replaced are freed after the answer")
struct FiguresReleaseTests {
    /// A value whose freeing waits for the test to open `gate` (at most 5 s), then says so.
    final class Held: Sendable {
        let gate: DispatchSemaphore
        let freed: Flag?

        init(gate: DispatchSemaphore, freed: Flag? = nil) {
            self.gate = gate
            self.freed = freed
        }

        deinit {
            guard let freed else { return }
            _ = gate.wait(timeout: .now() + 5)
            freed.set()
        }
    }

    final class Flag: Sendable {
        private let state = Mutex(false)
        func set() { state.withLock { $0 = true } }
        var isSet: Bool { state.withLock { $0 } }
    }

    @Test("the newer generation's value is answered while the older one it replaced is still being freed, and the older one is freed after")
    func answeredBeforeFreed() async throws {
        let gate = DispatchSemaphore(value: 0)
        let flag = Flag()
        let cache = ValueCache<Held>(capacity: 8, generational: true)
        let older = try await cache.value(for: "1.0|city") { Held(gate: gate, freed: flag) }
        #expect(older.freed != nil)
        _ = consume older
        let newer = try await cache.value(for: "2.0|city") { Held(gate: gate) }
        #expect(newer.freed == nil && cache.count == 1)
        #expect(!flag.isSet, "answered before the older value was freed")
        gate.signal()
        for _ in 0..<500 where !flag.isSet { try await Task.sleep(for: .milliseconds(10)) }
        #expect(flag.isSet, "the older value is freed after the answer")
    }
}
