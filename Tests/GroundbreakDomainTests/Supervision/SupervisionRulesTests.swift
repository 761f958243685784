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

    @Test("the letter's number: the year and its serial among the year's letters; a draft leaves the serial blank")
    func number() {
        let settings = SupervisionSettings(issuer: "长春市人民政府督查室", letterNumber: "长督函〔{year}〕{serial}号", replyWithinWorkingDays: 5, basis: "")
        #expect(settings.number(serial: 7, year: 2026) == "长督函〔2026〕7号")
        #expect(settings.number(serial: nil, year: 2026) == "长督函〔2026〕　　号")
    }

    @Test("a letter names the deadline the item missed, the new one an urge set, the office's words, and the day it was issued")
    func letterFacts() {
        var item = Self.item
        item.deadline = d("2026-12-10")
        let events = [
            SupervisionEventRecord(kind: .create, text: "", deadline: d("2026-11-20"), statusAfter: .open, actorName: "督查室", on: d("2026-11-02"), at: Date()),
            SupervisionEventRecord(kind: .feedback, text: "推进中", deadline: d("2026-11-20"), statusAfter: .replied, actorName: "住建局", on: d("2026-11-10"), at: Date()),
            SupervisionEventRecord(kind: .urge, text: "请加快", deadline: d("2026-12-10"), statusAfter: .replied, actorName: "督查室", on: d("2026-11-26"), at: Date()),
        ]
        let facts = SupervisionLetterFacts(item: item, events: events, today: d("2026-11-29"))
        #expect(facts.missedDeadline == d("2026-11-20") && facts.newDeadline == d("2026-12-10") && facts.note == "请加快")
        #expect(facts.issuedOn == d("2026-11-26") && facts.daysLate == 6 && facts.urged)
        let draft = SupervisionLetterFacts(item: item, events: Array(events.prefix(2)), today: d("2026-12-15"))
        #expect(!draft.urged && draft.missedDeadline == d("2026-12-10") && draft.daysLate == 5 && draft.newDeadline == nil)
    }
}
