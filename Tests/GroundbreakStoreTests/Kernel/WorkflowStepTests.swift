import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("One workflow step")
struct WorkflowStepTests {
    static func count(_ table: String, _ store: TestStore) async throws -> Int {
        try await store.database.reader.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test("a stale version is a 409 and a refused event a 422, each leaving no event, audit row or notice; a step leaves all three", arguments: allEngines)
    func staleRefusedAndDone(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let problems = ProblemRepository(database: store.database)
            _ = try await UserRepository(database: store.database).create(
                username: "gxj", settings: AccountSettings(displayName: "工信局", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"), positionId: nil),
                passwordHash: "x", mustChangePassword: false, actor: testActor)
            let raised = try await problems.raise(
                Problem(projectId: nil, regionCode: "220104", categoryCode: "LAND", description: "用地指标", raisedByUserId: nil, raisedByName: "测试",
                        raisedOn: testToday), actor: testActor, now: testNow)
            let assign = ProblemEvent.assign(owner: OrgUnit(kind: .department, code: "CC-GXJ"), support: [], deadline: testToday.adding(days: 20), level: .unit)
            let before = (try await Self.count("problem_events", store), try await Self.count("audit_log", store), try await Self.count("notifications", store))

            await #expect(throws: StoreError.conflict(currentVersion: raised.version)) {
                _ = try await problems.record(assign, problemId: raised.id, expectedVersion: raised.version + 1, actor: testActor, today: testToday, now: testNow)
            }
            await #expect(throws: StoreError.self) {
                _ = try await problems.record(.closeOut(note: "未办结就销号"), problemId: raised.id, expectedVersion: raised.version, actor: testActor,
                                              today: testToday, now: testNow)
            }
            await #expect(throws: StoreError.notFound) {
                _ = try await problems.record(assign, problemId: 987_654, expectedVersion: 1, actor: testActor, today: testToday, now: testNow)
            }
            #expect((try await Self.count("problem_events", store), try await Self.count("audit_log", store), try await Self.count("notifications", store)) == before)
            #expect(try await problems.problem(id: raised.id) == raised)

            let assigned = try await problems.record(assign, problemId: raised.id, expectedVersion: raised.version, actor: testActor, today: testToday, now: testNow)
            #expect(assigned.version == raised.version + 1 && assigned.status == .assigned)
            #expect(try await Self.count("problem_events", store) == before.0 + 1)
            let audit = try await store.database.reader.raw("""
                SELECT action, before_json, after_json FROM audit_log WHERE entity = 'problem' AND entity_id = \(bind: String(raised.id)) ORDER BY id DESC
                """).first()
            #expect(try audit?.decode(column: "action", as: String.self) == "assign")
            #expect(try audit?.decode(column: "before_json", as: String?.self)?.contains("\"raised\"") == true)
            #expect(try audit?.decode(column: "after_json", as: String?.self)?.contains("\"assigned\"") == true)
            #expect(try await Self.count("notifications", store) > before.2, "the new owner is told")
        }
    }
}
