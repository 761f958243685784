import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// One definition of 已逾期: the owner still owes the answer (分办, 办理中) and the deadline has
/// passed. A problem reported solved waits on the raiser, a suspended one has no clock.
@Suite("Overdue problems: one definition")
struct OverdueAgreementTests {
    @Test("the figures' count, the count by owner and the 已逾期 list agree, and leave out solved, suspended and closed problems", arguments: allEngines)
    func agree(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let problems = ProblemRepository(database: store.database)
            let past = testToday.adding(days: -30)
            let gxj = OrgUnit(kind: .department, code: "CC-GXJ"), jtj = OrgUnit(kind: .department, code: "CC-JTJ")
            func problem(_ text: String, owner: OrgUnit?, then events: [ProblemEvent]) async throws {
                var current = try await problems.raise(
                    Problem(projectId: nil, regionCode: "220104", categoryCode: "LAND", description: text, raisedByUserId: nil, raisedByName: "测试",
                            raisedOn: past), actor: testActor, now: testNow)
                if let owner {
                    // Assigned a month ago with a deadline ten days later: past due today.
                    current = try await problems.record(.assign(owner: owner, support: [], deadline: past.adding(days: 10), level: .unit),
                                                        problemId: current.id, expectedVersion: current.version, actor: testActor, today: past, now: testNow)
                }
                for event in events {
                    current = try await problems.record(event, problemId: current.id, expectedVersion: current.version, actor: testActor, today: past, now: testNow)
                }
            }
            try await problem("分办未回复", owner: gxj, then: [])
            try await problem("办理中", owner: gxj, then: [.reply(text: "推进中")])
            try await problem("办理中乙", owner: jtj, then: [.reply(text: "推进中")])
            try await problem("已办结待销号", owner: gxj, then: [.resolve(evidence: "已解决")])
            try await problem("已挂起", owner: jtj, then: [.suspend(reason: "等待规划调整")])
            try await problem("已销号", owner: jtj, then: [.resolve(evidence: "已解决"), .closeOut(note: "确认")])
            try await problem("待分办", owner: nil, then: [])

            let figures = ProblemFigures(try await problems.all(reach: .all), today: testToday)
            var query = ProblemQuery()
            query.view = .overdue
            let tab = try await problems.list(query, reach: .all, today: testToday)
            #expect(figures.overdue == 3)
            #expect(tab.totalCount == figures.overdue, "the tab lists what the tile counts")
            #expect(figures.overdueByOwner.map(\.count).reduce(0, +) == figures.overdue, "the table by owner adds up to the tile")
            #expect(Set(tab.problems.map(\.description)) == ["分办未回复", "办理中", "办理中乙"])
            #expect(figures.overdueByOwner.map(\.owner) == [gxj, jtj] && figures.overdueByOwner.map(\.count) == [2, 1])
            #expect(tab.problems.allSatisfy { $0.isOverdue(on: testToday) })
        }
    }
}
