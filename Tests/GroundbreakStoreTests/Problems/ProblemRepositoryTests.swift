import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

@Suite("Problems in the store")
struct ProblemRepositoryTests {
    static let gxj = OrgUnit(kind: .department, code: "CC-GXJ")
    static let zrzy = OrgUnit(kind: .department, code: "CC-ZRZY")

    static func problem(on project: Project, _ description: String, raisedOn: Day = testToday) -> Problem {
        Problem(projectId: project.id, regionCode: project.fields.regionCode, categoryCode: "LAND", description: description, raisedByUserId: 9,
                raisedByName: "区项目办", raisedOn: raisedOn)
    }

    @Test("raise, assign, reply, resolve and close out: each an event and an audit row; a stale version changes nothing", arguments: allEngines)
    func workflow(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            let problems = ProblemRepository(database: store.database)
            let raised = try await problems.raise(Self.problem(on: project, "用地指标未落实"), actor: testActor, now: testNow)
            #expect(raised.status == .raised && raised.version == 1 && raised.regionCode == "220104")
            let assigned = try await problems.record(.assign(owner: Self.zrzy, support: [Self.gxj], deadline: Day(year: 2026, month: 12, day: 4)!, level: .unit),
                                                     problemId: raised.id, expectedVersion: 1, actor: testActor, today: testToday, now: testNow)
            #expect(assigned.owner == Self.zrzy && assigned.supportUnits == [Self.gxj] && assigned.version == 2)
            await #expect(throws: StoreError.self) {
                _ = try await problems.record(.reply(text: "迟到的回复"), problemId: raised.id, expectedVersion: 1, actor: testActor, today: testToday, now: testNow)
            }
            let invalid = await expectInvalid {
                _ = try await problems.record(.resolve(evidence: ""), problemId: raised.id, expectedVersion: 2, actor: testActor, today: testToday, now: testNow)
            }
            #expect(invalid.map(\.message) == ["办结须写明解决情况（佐证）"])
            var current = try #require(try await problems.problem(id: raised.id))
            #expect(current.version == 2 && current.status == .assigned, "refusals changed nothing")
            for event in [ProblemEvent.reply(text: "已对接"), .resolve(evidence: "指标已下达"), .closeOut(note: "")] {
                current = try await problems.record(event, problemId: current.id, expectedVersion: current.version, actor: testActor, today: testToday, now: testNow)
            }
            #expect(current.status == .closed && current.closedOn == testToday && current.supportUnits == [Self.gxj])
            let events = try await problems.events(problemId: raised.id)
            #expect(events.map(\.kind) == [.raise, .assign, .reply, .resolve, .closeOut])
            #expect(events[1].owner == Self.zrzy && events[1].deadline == Day(year: 2026, month: 12, day: 4) && events[2].text == "已对接")
            let audit = try await AuditLog(database: store.database).entries(entity: "problem", entityId: String(raised.id))
            #expect(audit.count == 5)
        }
    }

    @Test("each caller's list holds the problems of projects it reads and those its unit owns or helps with", arguments: allEngines)
    func reach(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let projects = ProjectRepository(database: store.database)
            var elsewhere = sampleInput(name: "九台项目")
            elsewhere.regionCode = "220113"
            elsewhere.leadDepartmentCode = "CC-JTJ"
            elsewhere.supportDepartmentCodes = []
            let chaoyang = try await projects.create(sampleInput(), catalog: store.catalog)
            let jiutai = try await projects.create(elsewhere, catalog: store.catalog)
            let problems = ProblemRepository(database: store.database)
            let own = try await problems.raise(Self.problem(on: chaoyang, "朝阳的问题"), actor: testActor, now: testNow)
            let helped = try await problems.raise(Self.problem(on: jiutai, "九台的问题，自然资源局配合"), actor: testActor, now: testNow)
            _ = try await problems.record(.assign(owner: OrgUnit(kind: .department, code: "CC-JTJ"), support: [Self.zrzy], deadline: testToday, level: .unit),
                                          problemId: helped.id, expectedVersion: 1, actor: testActor, today: testToday, now: testNow)
            let hidden = try await problems.raise(Self.problem(on: jiutai, "九台的另一个问题"), actor: testActor, now: testNow)

            func seen(_ reach: ProblemReach) async throws -> [Int64] {
                try await problems.list(ProblemQuery(), reach: reach, today: testToday).problems.map(\.id).sorted()
            }
            let region = Principal(userId: 1, username: "cy", displayName: "朝阳区", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"), positionId: nil)
            let land = Principal(userId: 2, username: "zr", displayName: "自然资源局", roles: [.department], unit: Self.zrzy, positionId: nil)
            #expect(try await seen(Policy.problemReach(of: region, catalog: store.catalog)) == [own.id])
            #expect(try await seen(Policy.problemReach(of: land, catalog: store.catalog)) == [own.id, helped.id], "supports 朝阳's project and helps on 九台's problem")
            #expect(try await seen(.all) == [own.id, helped.id, hidden.id])
            var overdue = ProblemQuery()
            overdue.view = .overdue
            #expect(try await problems.list(overdue, reach: .all, today: testToday.adding(days: 1)).problems.map(\.id) == [helped.id])
        }
    }

    @Test("overdue problems rise one rung with the rung's owner and a working-day deadline; the top rung stays", arguments: allEngines)
    func escalation(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            let problems = ProblemRepository(database: store.database)
            let settings = try ProblemRepository.settings()
            let calendar = try await CalendarRepository(database: store.database).calendar()
            let raised = try await problems.raise(Self.problem(on: project, "配套管网未接入", raisedOn: Day(year: 2026, month: 11, day: 2)!), actor: testActor, now: testNow)
            _ = try await problems.record(.assign(owner: Self.gxj, support: [], deadline: Day(year: 2026, month: 11, day: 20)!, level: .unit),
                                          problemId: raised.id, expectedVersion: 1, actor: testActor, today: Day(year: 2026, month: 11, day: 2)!, now: testNow)
            let inTime = try await problems.escalateOverdue(settings: settings, calendar: calendar, actor: testActor, today: Day(year: 2026, month: 11, day: 20)!, now: testNow)
            #expect(inTime.isEmpty, "the deadline day itself is in time")
            let first = try await problems.escalateOverdue(settings: settings, calendar: calendar, actor: testActor, today: testToday, now: testNow)
            let risen = try #require(first.first)
            #expect(first.count == 1 && risen.level == .region && risen.owner == OrgUnit(kind: .region, code: "220104"))
            #expect(risen.deadline == calendar.addingWorkingDays(settings.rung(.region)!.deadlineWorkingDays, to: testToday).day)
            #expect(try await problems.escalateOverdue(settings: settings, calendar: calendar, actor: testActor, today: testToday, now: testNow).isEmpty,
                    "its new deadline is ahead")

            var later = risen.deadline!.adding(days: 1)
            for expected in [ProblemLevel.centre, .jointMeeting] {
                let next = try await problems.escalateOverdue(settings: settings, calendar: calendar, actor: testActor, today: later, now: testNow)
                #expect(next.map(\.level) == [expected])
                later = next[0].deadline!.adding(days: 1)
            }
            #expect(try await problems.escalateOverdue(settings: settings, calendar: calendar, actor: testActor, today: later, now: testNow).isEmpty,
                    "the joint meeting is the top of the ladder")
            let chain = try await problems.events(problemId: raised.id).filter { $0.kind == .escalate }
            #expect(chain.map(\.level) == [.region, .centre, .jointMeeting] && chain.allSatisfy { $0.text == "逾期未解决" })
        }
    }
}
