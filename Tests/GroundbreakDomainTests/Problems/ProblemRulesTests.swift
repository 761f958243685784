import Foundation
import GroundbreakDomain
import Testing

let problemSettings = ProblemSettings(
    categories: [.init(code: "LAND", name: "用地"), .init(code: "OTHER", name: "其他")],
    ladder: [
        .init(level: .unit, owner: nil, deadlineWorkingDays: 10),
        .init(level: .region, owner: "projectRegion", deadlineWorkingDays: 10),
        .init(level: .centre, owner: "department:CC-XMZX", deadlineWorkingDays: 5),
        .init(level: .jointMeeting, owner: "department:CC-XMZX", deadlineWorkingDays: 15),
    ],
    cycle: .init(reportBy: 10, assignBy: 15, jointMeetingBy: 25), reminderWorkingDays: 3, escalateWhenOverdue: true, basis: "t"
)

let landBureau = OrgUnit(kind: .department, code: "CC-ZRZY")
let industryBureau = OrgUnit(kind: .department, code: "CC-GXJ")

func raisedProblem(on day: Day = d("2026-02-02")) -> Problem {
    Problem(projectId: 7, regionCode: "220104", categoryCode: "LAND", description: "用地指标未落实", raisedByUserId: 3, raisedByName: "区项目办",
            raisedOn: day)
}

func applied(_ events: [(ProblemEvent, String)], to start: Problem) throws -> Problem {
    var problem = start
    for (event, day) in events { problem = try ProblemRules.apply(event, to: problem, today: d(day)).get() }
    return problem
}

@Suite("Problem workflow")
struct ProblemRulesTests {
    @Test("raised → assigned → replies → resolved with evidence → closed out; reopened with a reason")
    func happyPath() throws {
        var problem = try applied([
            (.assign(owner: landBureau, support: [industryBureau], deadline: d("2026-02-27"), level: .unit), "2026-02-05"),
            (.reply(text: "已对接，正在调整用地计划"), "2026-02-10"),
        ], to: raisedProblem())
        #expect(problem.status == .inProgress && problem.owner == landBureau && problem.supportUnits == [industryBureau])
        problem = try applied([(.resolve(evidence: "用地指标已下达（长规自〔2026〕12号）"), "2026-02-25")], to: problem)
        #expect(problem.status == .resolved && problem.resolvedOn == d("2026-02-25"))
        let closed = try applied([(.closeOut(note: ""), "2026-02-26")], to: problem)
        #expect(closed.status == .closed && closed.closedOn == d("2026-02-26") && !closed.status.isOpen)
        let reopened = try applied([(.reopen(reason: "指标只下达一半"), "2026-03-02")], to: closed)
        #expect(reopened.status == .inProgress && reopened.closedOn == nil && reopened.resolvedOn == nil && reopened.statusNote == "指标只下达一半")
    }

    @Test("each event only from the states it belongs to, and with what it must carry")
    func guards() throws {
        let raised = raisedProblem()
        func refused(_ event: ProblemEvent, _ problem: Problem, on day: String = "2026-02-05") -> [String] {
            guard case .failure(let failure) = ProblemRules.apply(event, to: problem, today: d(day)) else { return [] }
            return failure.errors.map(\.message)
        }
        #expect(refused(.reply(text: "x"), raised) == ["问题当前为“待分办”，不能“办理回复”"])
        #expect(refused(.closeOut(note: ""), raised).count == 1, "only a resolved problem is closed out")
        #expect(refused(.resume(note: ""), raised).count == 1)
        #expect(refused(.assign(owner: landBureau, support: [], deadline: d("2026-02-04"), level: .unit), raised) == ["办理时限不能早于今天"])
        #expect(refused(.assign(owner: landBureau, support: [landBureau], deadline: d("2026-02-28"), level: .unit), raised) == ["责任单位不必再列为配合单位"])
        let assigned = try applied([(.assign(owner: landBureau, support: [], deadline: d("2026-02-27"), level: .unit), "2026-02-05")], to: raised)
        #expect(refused(.resolve(evidence: "  "), assigned) == ["办结须写明解决情况（佐证）"])
        #expect(refused(.suspend(reason: ""), assigned) == ["请写明原因"])
        #expect(refused(.reply(text: String(repeating: "长", count: 2001)), assigned) == ["不能超过 2000 字"])
        let suspended = try applied([(.suspend(reason: "等待省级政策"), "2026-02-06")], to: assigned)
        #expect(suspended.status == .suspended && !suspended.isOverdue(on: d("2026-04-01")), "a suspended problem does not run late")
        #expect(try applied([(.resume(note: ""), "2026-03-02")], to: suspended).status == .assigned, "back to where it was")
    }

    @Test("escalation: one rung up with the rung's owner and a working-day deadline; overdue only after the deadline; not past the top")
    func escalation() throws {
        let assigned = try applied([(.assign(owner: landBureau, support: [industryBureau], deadline: d("2026-02-13"), level: .unit), "2026-02-05")], to: raisedProblem())
        #expect(!assigned.isOverdue(on: d("2026-02-13")) && assigned.isOverdue(on: d("2026-02-14")), "the deadline day is still in time")
        if case .success = ProblemRules.apply(.escalate(reason: .overdue, note: "", owner: OrgUnit(kind: .region, code: "220104"), level: .region,
                                                        deadline: d("2026-03-13")), to: assigned, today: d("2026-02-13")) {
            Issue.record("not overdue on its deadline day")
        }
        // 16–20 February are the Spring Festival holiday: ten working days after the 14th are 23–27 February and 2–6 March.
        let event = try ProblemRules.escalation(of: assigned, reason: .overdue, note: "", settings: problemSettings, calendar: testCalendar, today: d("2026-02-14")).get()
        #expect(event == .escalate(reason: .overdue, note: "", owner: OrgUnit(kind: .region, code: "220104"), level: .region, deadline: d("2026-03-06")))
        let atRegion = try ProblemRules.apply(event, to: assigned, today: d("2026-02-14")).get()
        #expect(atRegion.level == .region && atRegion.status == .assigned && atRegion.escalations == 1 && atRegion.supportUnits == [industryBureau, landBureau],
                "the owner it leaves keeps helping")

        let beyond = try ProblemRules.escalation(of: atRegion, reason: .beyondPower, note: "涉及跨区调剂", settings: problemSettings, calendar: testCalendar,
                                                 today: d("2026-02-24")).get()
        let atCentre = try ProblemRules.apply(beyond, to: atRegion, today: d("2026-02-24")).get()
        #expect(atCentre.owner == OrgUnit(kind: .department, code: "CC-XMZX") && atCentre.deadline == d("2026-03-03") && atCentre.statusNote == "责任单位无力解决：涉及跨区调剂")
        var top = atCentre
        top.level = .jointMeeting
        #expect(throws: ValidationFailure.self) { try ProblemRules.escalation(of: top, reason: .centre, note: "", settings: problemSettings, calendar: testCalendar, today: d("2026-03-01")).get() }
    }

    @Test("the monthly cycle: report by the 10th, assign by the 15th, joint meeting by the 25th")
    func cycle() {
        let phases = ["2026-11-03", "2026-11-10", "2026-11-11", "2026-11-15", "2026-11-23", "2026-11-26"].map { ProblemCycle(today: d($0), cycle: problemSettings.cycle).phase }
        #expect(phases == [.reporting, .reporting, .assigning, .assigning, .jointMeeting, .following])
        let november = ProblemCycle(today: d("2026-11-23"), cycle: problemSettings.cycle)
        #expect(november.phaseEnds == d("2026-11-25") && november.assignBy == d("2026-11-15"))
        let short = ProblemCycle(today: d("2026-02-27"), cycle: .init(reportBy: 10, assignBy: 15, jointMeetingBy: 30))
        #expect(short.jointMeetingBy == d("2026-02-28"), "a day past the month's end is its last day")
    }

    @Test("figures: resolution rate, median days to close, overdue by owner")
    func figures() throws {
        func closed(_ raised: String, _ closedOn: String) throws -> Problem {
            try applied([(.assign(owner: landBureau, support: [], deadline: d("2026-12-31"), level: .unit), raised), (.resolve(evidence: "已解决"), closedOn),
                         (.closeOut(note: ""), closedOn)], to: raisedProblem(on: d(raised)))
        }
        let late = try applied([(.assign(owner: industryBureau, support: [], deadline: d("2026-11-02"), level: .unit), "2026-10-20")], to: raisedProblem(on: d("2026-10-20")))
        let lateToo = try applied([(.assign(owner: industryBureau, support: [], deadline: d("2026-11-10"), level: .unit), "2026-10-20")], to: raisedProblem(on: d("2026-10-20")))
        let landLate = try applied([(.assign(owner: landBureau, support: [], deadline: d("2026-11-10"), level: .unit), "2026-10-20")], to: raisedProblem(on: d("2026-10-20")))
        let problems = [try closed("2026-10-01", "2026-10-11"), try closed("2026-10-01", "2026-11-05"), try closed("2026-11-01", "2026-11-21"),
                        late, lateToo, landLate, raisedProblem(on: d("2026-11-20"))]
        let figures = ProblemFigures(problems, today: d("2026-11-23"))
        #expect(figures.total == 7 && figures.open == 4 && figures.overdue == 3 && figures.closedThisMonth == 2)
        #expect(figures.resolutionRate == 3.0 / 7.0 && figures.medianDaysToClose == 20)
        #expect(figures.overdueByOwner.map(\.owner) == [industryBureau, landBureau] && figures.overdueByOwner.map(\.count) == [2, 1])
    }
}
