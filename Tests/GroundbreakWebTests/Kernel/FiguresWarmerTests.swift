import Foundation
import Synchronization
import GroundbreakDomain
@testable import GroundbreakStore
@testable import GroundbreakWeb
import ServiceLifecycleTestKit
import Testing

@Suite("Warming the figures at start (GROUNDBREAK_FIGURES_WARM)")
struct FiguresWarmerTests {
    @Test("the warmer reads the figures and then keeps running until the server shuts down (a service that returned would stop it)")
    func warmsAndWaits() async throws {
        try await withWeb(demoProjects: 12) { fixture, _ in
            let database = fixture.services.database
            database.projectSnapshot.setMinimumProjects(0)
            database.ledgerIndex.setMinimumProjects(0)
            let finished = Finished()
            try await testGracefulShutdown { trigger in
                let running = Task {
                    try await FiguresWarmer(services: fixture.services).run()
                    finished.mark()
                }
                for _ in 0..<200 where !database.projectSnapshot.isHeld {
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(database.projectSnapshot.isHeld && database.projectSnapshot.wholeReads == 1)
                try await Task.sleep(for: .milliseconds(300))
                #expect(!finished.value, "warmed, it must not return before the shutdown")
                trigger.triggerGracefulShutdown()
                try await running.value
                #expect(finished.value)
            }
        }
    }
}

private final class Finished: Sendable {
    private let flag = Mutex(false)
    func mark() { flag.withLock { $0 = true } }
    var value: Bool { flag.withLock { $0 } }
}
