import Foundation
@testable import GroundbreakDomain
import Testing

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

    @Test("minutes are issued once; a decision needing action becomes a supervised item that says where it came from")
    func minutesOnce() {
        var meeting = Meeting(kindCode: "weeklyDispatch", title: "周调度会", heldOn: d("2026-11-20"))
        meeting.serial = 3
        meeting.status = .minuted
        #expect(MeetingRules.validateMinutes(of: meeting, summary: "议定", decisions: []).map(\.message) == ["纪要已印发，不能再改"])
        let decision = Meeting.Decision(text: "完成征收", owner: OrgUnit(kind: .department, code: "CC-ZJJ"), deadline: d("2026-12-10"))
        let item = MeetingRules.supervisedItem(for: decision, number: 1, of: meeting, kindName: "周调度会", today: d("2026-11-20"), createdBy: "市大项目办")
        #expect(item?.sourceNote == "2026年第3次周调度会纪要第2条" && item?.source == .meetingDecision && item?.deadline == d("2026-12-10"))
        #expect(MeetingRules.supervisedItem(for: Meeting.Decision(text: "知悉"), number: 0, of: meeting, kindName: "周调度会", today: d("2026-11-20"),
                                            createdBy: "") == nil, "a decision with no owner is not an item")
    }
}
