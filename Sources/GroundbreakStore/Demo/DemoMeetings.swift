import Foundation
import GroundbreakDomain

/// Two monthly dispatch meetings for the demo: last month's with minutes whose decisions became
/// supervised items (some now overdue, one done), and this month's with what was left open
/// carried over; plus a leader's instruction under supervision.
enum DemoMeetings {
    static func load(database: Database, catalog: ReferenceCatalog, today: Day, actor: AuditActor, now: Date) async throws -> Int {
        let settings = try MeetingRepository.settings()
        let meetings = MeetingRepository(database: database)
        let supervision = SupervisionRepository(database: database)
        let owners = ["CC-ZRZY", "CC-GYJ", "CC-ZJJ", "CC-FGW"].filter { catalog.department($0) != nil }
        guard owners.count == 4 else { return 0 }
        let problems = try await ProblemRepository(database: database).list(ProblemQuery(), reach: .all, today: today).problems.prefix(3).map(\.id)
        let first = today.adding(days: -33)
        let october = try await meetings.create(
            Meeting(kindCode: "monthlyDispatch", title: "\(first.month)月全市重大项目建设调度会", heldOn: first, place: "市政府第一会议室", chair: "常务副市长",
                    attendees: ["市发改委", "市规自局", "市住建局", "市公用局", "各县（市）区政府"], agenda: problems.map { Meeting.AgendaItem(problemId: $0, note: "") }),
            settings: settings, actor: actor, now: now)
        let decisions = [
            Meeting.Decision(text: "加快办理重点项目用地组卷报批，年底前全部报省", owner: OrgUnit(kind: .department, code: owners[0]), deadline: first.adding(days: 25)),
            Meeting.Decision(text: "落实产业园区外电源和供热管网接入", owner: OrgUnit(kind: .department, code: owners[1]), deadline: first.adding(days: 45)),
            Meeting.Decision(text: "组织冬季施工专项检查", owner: OrgUnit(kind: .department, code: owners[2]), deadline: first.adding(days: 20)),
            Meeting.Decision(text: "各地要按月报送问题清单，做到件件有回音、事事有着落"),
        ]
        let minuted = try await meetings.issueMinutes(id: october.id, expectedVersion: october.version, summary: "会议听取了各县（市）区和市直部门重大项目推进情况汇报，研究了制约项目建设的突出问题。",
                                                      decisions: decisions, settings: settings, actor: actor, today: first, now: now)
        // The inspection was done and closed out; the others are still running.
        if let id = minuted.decisions[2].supervisedItemId, let item = try await supervision.item(id: id) {
            let done = try await supervision.record(.done(evidence: "已完成检查，整改隐患12处"), itemId: id, expectedVersion: item.version, actor: actor,
                                                    today: first.adding(days: 15), now: now)
            _ = try await supervision.record(.close(note: "经核实"), itemId: id, expectedVersion: done.version, actor: actor, today: first.adding(days: 16), now: now)
        }
        _ = try await supervision.create(SupervisedItem(content: "研究解决重点项目融资难问题，提出专项支持措施", owner: OrgUnit(kind: .department, code: owners[3]),
                                                        deadline: today.adding(days: 10), source: .leaderInstruction, sourceNote: "市长批示", createdOn: today.adding(days: -5),
                                                        createdBy: actor.name), actor: actor, today: today.adding(days: -5), now: now)
        let second = today.adding(days: -3)
        _ = try await meetings.create(Meeting(kindCode: "monthlyDispatch", title: "\(second.month)月全市重大项目建设调度会", heldOn: second, place: "市政府第一会议室",
                                              chair: "常务副市长"), settings: settings, actor: actor, now: now)
        return 2
    }
}
