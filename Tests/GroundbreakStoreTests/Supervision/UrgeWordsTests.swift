import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("An urge's words")
struct UrgeWordsTests {
    @Test("an urge keeps the office's words alone, its new deadline in its own column; migration 0021 takes the old suffix off", arguments: allEngines)
    func wordsAlone(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = SupervisionRepository(database: store.database)
            let day = { (text: String) in Day.parse(text)! }
            let item = try await repository.create(
                SupervisedItem(content: "完成征收", owner: OrgUnit(kind: .department, code: "CC-ZJJ"), deadline: day("2026-11-20"), source: .other,
                               createdOn: day("2026-11-02"), createdBy: "督查室"),
                actor: testActor, today: day("2026-11-02"), now: testNow)
            _ = try await repository.record(.urge(note: "请加快", newDeadline: day("2026-12-10")), itemId: item.id, expectedVersion: 1,
                                            actor: testActor, today: day("2026-11-26"), now: testNow)
            let urge = try #require(try await repository.events(itemId: item.id).last)
            #expect(urge.kind == .urge && urge.text == "请加快" && urge.deadline == day("2026-12-10"))

            // Rows written before: the words with the suffix, and the suffix alone.
            try await store.database.write("UPDATE supervision_events SET text = '请加快；新时限 2026-12-10' WHERE kind = 'urge'")
            try await store.database.write("""
                INSERT INTO supervision_events (item_id, kind, text, deadline, status_after, actor_user_id, actor_name, on_day, at)
                VALUES (\(bind: item.id), 'urge', '新时限 2026-12-20', '2026-12-20', 'open', NULL, '督查室', '2026-12-11', '2026-12-11T08:00:00Z')
                """)
            try await store.database.write("""
                INSERT INTO supervision_events (item_id, kind, text, deadline, status_after, actor_user_id, actor_name, on_day, at)
                VALUES (\(bind: item.id), 'feedback', '已落实；新时限 2026-12-20', '2026-12-20', 'replied', NULL, '住建局', '2026-12-12', '2026-12-12T08:00:00Z')
                """)
            try await store.database.write("DELETE FROM schema_migrations WHERE version = 21")
            try await Migrator(database: store.database).migrate()
            let texts = try await repository.events(itemId: item.id).map(\.text)
            #expect(texts.suffix(3) == ["请加快", "", "已落实；新时限 2026-12-20"], "only urges lose the suffix: \(texts)")
            let letter = SupervisionLetterFacts(item: item, events: try await repository.events(itemId: item.id).dropLast(2).map { $0 }, today: day("2026-11-30"))
            #expect(letter.note == "请加快" && letter.newDeadline == day("2026-12-10") && letter.missedDeadline == day("2026-11-20"))
        }
    }
}
