import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

@Suite("Bulletin numbers")
struct BulletinNumberingTests {
    @Test("bulletins issued at the same moment each take their own number, one after another, none twice", arguments: allEngines)
    func concurrentIssues(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = BulletinRepository(database: store.database)
            let rules = try BulletinRepository.rules()
            var drafts: [Int64] = []
            for index in 1...8 {
                drafts.append(try await repository.createDraft(kind: .supervision, month: Month(year: 2026, month: 10)!, title: "督查通报\(index)",
                                                               sections: [BulletinSection(heading: "一、总体情况", paragraphs: ["正文"])], actor: testActor,
                                                               now: testNow).id)
            }
            let today = Day(year: 2026, month: 11, day: 23)!
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for id in drafts {
                    group.addTask {
                        try await repository.issue(id: id, expectedVersion: 1, rules: rules, actor: testActor, today: today, now: testNow).serial ?? 0
                    }
                }
                var serials: [Int] = []
                for try await serial in group { serials.append(serial) }
                return serials
            }
            #expect(numbers.sorted() == Array(1...8))
        }
    }
}
