import Foundation
@testable import GroundbreakDomain
import Testing

@Suite("Who is told what")
struct NoticeRulesTests {
    static let deadline = Day(year: 2026, month: 12, day: 31)!

    static func problem(status: ProblemStatus = .assigned, raisedBy: Int64? = 7) -> Problem {
        var problem = Problem(id: 12, projectId: 3, regionCode: "220104", categoryCode: "LAND",
                              description: String(repeating: "用地指标未下达", count: 10), raisedByUserId: raisedBy, raisedByName: "区发改局",
                              raisedOn: Day(year: 2026, month: 11, day: 2)!)
        problem.owner = OrgUnit(kind: .department, code: "CC-GXJ")
        problem.deadline = deadline
        problem.level = .region
        problem.status = status
        problem.version = 4
        return problem
    }

    @Test("a problem's owner hears of 分办, 提级 and 退回; its raiser of 办结; nobody of a reply")
    func problemNotices() throws {
        let problem = Self.problem()
        let assigned = try #require(ProblemNotices.after(.assign, problem))
        #expect(assigned.to == .unit(OrgUnit(kind: .department, code: "CC-GXJ")))
        #expect(assigned.notice.title == "新分办的问题" && assigned.notice.kind == "problem.assign")
        #expect(assigned.notice.body == String(problem.description.prefix(40)) + "，办理时限 2026-12-31", "a subject of 40 characters, and the deadline")
        #expect(assigned.notice.link == "problem:12" && assigned.notice.dedupeKey == "problem:12:v4")
        #expect(ProblemNotices.after(.escalate, problem)?.notice.title.contains(ProblemLevel.region.label) == true)
        #expect(ProblemNotices.after(.resolve, problem)?.to == .user(7))
        #expect(ProblemNotices.after(.resolve, Self.problem(raisedBy: nil)) == nil, "a problem raised by the system has no one to confirm")
        #expect(ProblemNotices.after(.reply, problem) == nil)
        let overdue = ProblemNotices.reminder(.overdue, problem, deadline: Self.deadline)
        #expect(overdue.title == "问题已逾期（时限 2026-12-31）" && overdue.dedupeKey == "problem:12:overdue:2026-12-31", "once per deadline")
    }

    @Test("a supervised item's owner hears of a new item, one sent back and a 督办函, not of its own feedback")
    func supervisionNotices() {
        let item = SupervisedItem(id: 5, content: "协调解决用电接入", owner: OrgUnit(kind: .department, code: "CC-GXJ"), deadline: Self.deadline,
                                  source: .leaderInstruction, createdOn: Day(year: 2026, month: 11, day: 2)!, createdBy: "督查室")
        #expect(SupervisionNotices.after(.create, item)?.title == "新的督办事项")
        #expect(SupervisionNotices.after(.urge, item)?.title == "督办函：督办事项已逾期")
        #expect(SupervisionNotices.after(.feedback, item) == nil)
        #expect(SupervisionNotices.reminder(.dueSoon, item).title == "督办事项将于 2026-12-31 到期")
    }

    @Test("a webhook needs an http(s) address with a host, a known event and a 16-character secret; every reason is named")
    func webhookRules() {
        guard case .failure(let failure) = WebhookRules.validate(url: "ftp://x", secret: "short", eventTypes: [" ", "problem.nope"]) else {
            Issue.record("refused")
            return
        }
        #expect(failure.errors.map(\.field) == ["url", "eventTypes", "secret"])
        #expect(failure.errors.map(\.message).contains("签名密钥至少 16 个字符"))
        let valid = WebhookRules.validate(url: " https://hooks.example.cn/gb ", secret: "0123456789abcdef", eventTypes: ["problem.assign", "*"])
        #expect((try? valid.get()) == WebhookRules.Registration(url: "https://hooks.example.cn/gb", eventTypes: ["problem.assign", "*"]))
    }
}
