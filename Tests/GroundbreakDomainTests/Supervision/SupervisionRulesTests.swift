import Foundation
import GroundbreakDomain
import Testing

@Suite("Supervised items")
struct SupervisionRulesTests {
    static let item = SupervisedItem(content: "11月底前完成外电源接入", owner: OrgUnit(kind: .department, code: "CC-GYJ"), deadline: d("2026-11-20"),
                                     source: .meetingDecision, sourceNote: "第12次调度会", createdOn: d("2026-11-02"), createdBy: "督查室")

    @Test("owner answers, the office closes or sends back; urging only once overdue, with a later deadline")
    func workflow() throws {
        func refused(_ event: SupervisionEvent, _ item: SupervisedItem, on day: String) -> [String] {
            guard case .failure(let failure) = SupervisionRules.apply(event, to: item, today: d(day)) else { return [] }
            return failure.errors.map(\.message)
        }
        #expect(refused(.close(note: ""), Self.item, on: "2026-11-10") == ["督办事项当前为“待办理”，不能“核销销号”"])
        #expect(refused(.urge(note: "", newDeadline: nil), Self.item, on: "2026-11-20") == ["事项尚未逾期，不需催办"])
        #expect(refused(.urge(note: "", newDeadline: d("2026-11-21")), Self.item, on: "2026-11-23") == ["新的办理时限须晚于今天"])
        #expect(refused(.feedback(text: " "), Self.item, on: "2026-11-10") == ["请填写办理进展"])
        var item = try SupervisionRules.apply(.urge(note: "请加快推进", newDeadline: d("2026-11-30")), to: Self.item, today: d("2026-11-23")).get()
        #expect(item.urges == 1 && item.deadline == d("2026-11-30") && !item.isOverdue(on: d("2026-11-30")))
        item = try SupervisionRules.apply(.feedback(text: "已完成电缆敷设"), to: item, today: d("2026-11-24")).get()
        item = try SupervisionRules.apply(.done(evidence: "11月28日送电"), to: item, today: d("2026-11-28")).get()
        #expect(item.status == .done && item.doneOn == d("2026-11-28") && !item.isOverdue(on: d("2026-12-05")))
        #expect(refused(.reopen(reason: ""), item, on: "2026-11-29") == ["请写明退回原因"])
        let closed = try SupervisionRules.apply(.close(note: "经核实"), to: item, today: d("2026-11-29")).get()
        #expect(closed.status == .closed && closed.closedOn == d("2026-11-29"))
        #expect(try SupervisionRules.apply(.reopen(reason: "复核未送电"), to: closed, today: d("2026-12-01")).get().status == .open)
        #expect(SupervisionRules.validateNew(SupervisedItem(content: "", owner: Self.item.owner, deadline: d("2026-11-01"), source: .other,
                                                            createdOn: d("2026-11-02"), createdBy: ""), today: d("2026-11-02")).count == 2)
    }

    @Test("the letter's number from the settings")
    func number() {
        let settings = SupervisionSettings(issuer: "长春市人民政府督查室", letterNumber: "长督函〔{year}〕{serial}号", replyWithinWorkingDays: 5, basis: "")
        var item = Self.item
        item.id = 12
        #expect(settings.number(for: item, year: 2026) == "长督函〔2026〕12-1号")
        item.urges = 2
        #expect(settings.number(for: item, year: 2026) == "长督函〔2026〕12-2号")
    }
}

@Suite("Meetings")
struct MeetingRulesTests {
    @Test("carry-over: the previous meeting's open problems and undone items, once each; closed ones stay behind")
    func carryOver() {
        let previous = Meeting(kindCode: "monthlyDispatch", title: "11月", heldOn: d("2026-11-20"),
                               agenda: [.init(problemId: 1, note: "用地"), .init(problemId: 2, note: "拆迁"), .init(supervisedItemId: 7, note: "接电"), .init(problemId: 1, note: "重复")],
                               decisions: [.init(text: "加快接电", owner: OrgUnit(kind: .department, code: "CC-GYJ"), deadline: d("2026-12-10"), supervisedItemId: 7),
                                           .init(text: "完成征收", owner: OrgUnit(kind: .department, code: "CC-ZJJ"), deadline: d("2026-12-10"), supervisedItemId: 8)])
        let carried = MeetingRules.carryOver(from: previous, openProblems: [1], openItems: [7, 8])
        #expect(carried.map(\.problemId) == [1, nil, nil] && carried.map(\.supervisedItemId) == [nil, 7, 8])
        #expect(carried.allSatisfy(\.carriedOver) && carried[2].note == "完成征收")
        #expect(MeetingRules.carryOver(from: nil, openProblems: [1], openItems: [7]).isEmpty)
        let errors = MeetingRules.validateMinutes(summary: "", decisions: [.init(text: "x", owner: OrgUnit(kind: .department, code: "CC-GYJ"), deadline: d("2026-11-01"))],
                                                  heldOn: d("2026-11-20"))
        #expect(errors.map(\.message) == ["完成时限不能早于会议日期"])
    }
}
