import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("Warming at start (GROUNDBREAK_FIGURES_WARM)")
struct WarmTests {
    @Test("reads the figures' snapshot and the ledger's index before any page asks, and the first page reads neither again", arguments: allEngines)
    func readsAhead(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 30, today: testToday, actor: testActor, now: testNow)
            // Their minimum size (5,000 projects) lowered to the demo's 30.
            database.projectSnapshot.setMinimumProjects(0)
            database.ledgerIndex.setMinimumProjects(0)
            #expect(!database.projectSnapshot.isHeld && database.projectSnapshot.wholeReads == 0)
            try await database.warm()
            #expect(database.projectSnapshot.isHeld && database.projectSnapshot.wholeReads == 1)
            let generation = try await LedgerGeneration.current(database.reader)
            // The index is read in the background: give it a bounded while.
            for _ in 0..<200 where database.ledgerIndex.index(at: generation) == nil {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(database.ledgerIndex.index(at: generation)?.ids.count == 30)

            // The first figure page finds it read, and reads nothing whole again.
            let held = try #require(try await database.projectSnapshot.snapshot(database))
            #expect(held.projects.count == 30 && database.projectSnapshot.wholeReads == 1)
        }
    }
}
