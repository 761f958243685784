import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

@Suite("Meeting numbers")
struct MeetingNumberingTests {
    @Test("meetings of a kind called at the same moment each take their own 第N次, none twice", arguments: allEngines)
    func concurrentCalls(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = MeetingRepository(database: store.database)
            let settings = try MeetingRepository.settings()
            let serials = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 1...6 {
                    group.addTask {
                        try await repository.create(Meeting(kindCode: "weeklyDispatch", title: "周调度会\(index)", heldOn: Day(year: 2026, month: 11, day: index)!),
                                                    settings: settings, actor: testActor, now: testNow).serial
                    }
                }
                var serials: [Int] = []
                for try await serial in group { serials.append(serial) }
                return serials
            }
            #expect(serials.sorted() == Array(1...6))
        }
    }
}
