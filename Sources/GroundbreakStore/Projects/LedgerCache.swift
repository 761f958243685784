import Foundation
import GroundbreakDomain
import SQLKit
import Synchronization

/// Recently computed ledger pages, valid for one ledger generation.
///
/// Officials open the same ledger views many times between changes, and at province scale the
/// per-stage totals of a filtered set cost tens of milliseconds. A page is reused only while
/// `ledger_state.generation` (bumped by every change to projects, in the same transaction) is
/// unchanged, so a cached page is never older than the data.
final class LedgerCache: Sendable {
    struct Entry: Sendable {
        var generation: Int64
        var page: ProjectPage
        var lastUsed: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    func page(for key: String, generation: Int64) -> ProjectPage? {
        state.withLock { state in
            guard var entry = state.entries[key], entry.generation == generation else { return nil }
            state.tick += 1
            entry.lastUsed = state.tick
            state.entries[key] = entry
            return entry.page
        }
    }

    func store(_ page: ProjectPage, for key: String, generation: Int64) {
        state.withLock { state in
            state.tick += 1
            state.entries[key] = Entry(generation: generation, page: page, lastUsed: state.tick)
            if state.entries.count > capacity {
                // Drop entries of older generations, then keep the most recently used three
                // quarters: a quarter of stores later, not on every store (a different filter on
                // every request rebuilt the whole table each time).
                let current = state.entries.filter { $0.value.generation == generation }
                let kept = current.sorted { $0.value.lastUsed > $1.value.lastUsed }.prefix(capacity * 3 / 4)
                state.entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
        }
    }

    var count: Int {
        state.withLock { $0.entries.count }
    }
}
