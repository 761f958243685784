import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Meetings and minutes", .serialized)
struct MeetingWebTests {
    @Test("a meeting is prepared without ids: projects by name or code, overdue and escalated problems ticked; its page says what each item is")
    func withoutIds() async throws {
        try await withWeb { fixture, client in
            let centre = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let problem = try await SchedulerWebTests.assignedProblem(fixture, deadline: Day(year: 2026, month: 11, day: 10)!)
            let projectId = try #require(problem.projectId)
            let project = try #require(try await fixture.services.projects.project(id: projectId))
            let list = try await client.send(.get, "/meetings", as: centre)
            #expect(list.text.contains("name=\"problems\" value=\"\(problem.id)\"") && list.text.contains("外电源未接入") && list.text.contains("全部勾选"),
                    "the overdue problem is offered to tick")
            let unknown = try await client.send(.post, "/meetings", as: centre, form: [
                ("kindCode", "monthlyDispatch"), ("title", "12月调度会"), ("heldOn", "2026-11-30"), ("projectNames", "\(project.fields.name)\n不存在的项目"),
            ])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("汇报的项目：找不到项目“不存在的项目”") && !unknown.text.contains("projectNames："))
            #expect(try await fixture.services.meetings.meetings().isEmpty, "nothing called")
            let called = try await client.send(.post, "/meetings", as: centre, form: [
                ("kindCode", "monthlyDispatch"), ("title", "12月调度会"), ("heldOn", "2026-11-30"), ("attendees", "市发改委\n市工信局"),
                ("projectNames", " \(project.fields.name) "), ("problems", String(problem.id)),
            ])
            #expect(called.status == .seeOther)
            let meeting = try #require(try await fixture.services.meetings.meetings().first)
            #expect(meeting.agenda.map(\.projectId) == [project.id, nil] && meeting.agenda.map(\.problemId) == [nil, problem.id])
            let page = try await client.send(.get, "/meetings/\(meeting.id)", as: centre)
            #expect(page.text.contains("问题：") && page.text.contains("外电源未接入") && !page.text.contains("问题 #"), "an item says what it is")
            #expect(page.text.contains("出席：市发改委、市工信局"))
            #expect(page.text.contains("会议于 2026-11-30 召开后可在此印发纪要") && !page.text.contains("decisionText"), "no minutes before the meeting is held")
        }
    }

    @Test("a meeting takes up problems, its minutes turn decisions into supervised items, the next meeting of the kind carries the open ones over",
          arguments: allEngines)
    func loop(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let centre = try await fixture.signedIn(as: "zhongxin", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let problem = try await SchedulerWebTests.assignedProblem(fixture, deadline: Day(year: 2026, month: 12, day: 31)!)
            let bad = try await client.send(.post, "/meetings", as: centre, form: [("kindCode", "tea"), ("title", ""), ("heldOn", "2026-11-20")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("请填写会议名称") && !bad.text.contains("职务名称"), "a meeting's title is labelled as the meeting form labels it")
            let badAPI = try await client.send(.post, "/api/v1/meetings", as: centre, json: #"{"kindCode":"monthlyDispatch","heldOn":"2026-11-20"}"#)
            let messages = (badAPI.object["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
            #expect(badAPI.status == .unprocessableContent && messages.contains("请填写会议名称"), "\(messages)")
            let called = try await client.send(.post, "/api/v1/meetings", as: centre, json: """
                {"kindCode":"monthlyDispatch","title":"11月项目建设调度会","heldOn":"2026-11-20","place":"市政府第一会议室","chair":"常务副市长",
                 "attendees":"市发改委\\n市自然资源局","problems":"\(problem.id)","projects":"\(problem.projectId ?? 0)"}
                """)
            expectDocumented(called, MeetingsEndpoints.apiMeetingCreate)
            let id = try #require(called.object["id"] as? Int)
            #expect(called.object["number"] as? String == "〔2026〕第1期" && (called.object["agenda"] as? [Any])?.count == 2)
            #expect((called.object["agenda"] as? [[String: Any]])?.first?["projectId"] as? Int == Int(problem.projectId ?? 0), "a project to report on")

            let refused = try await client.send(.post, "/meetings/\(id)/minutes", as: centre, form: [
                ("version", "1"), ("summary", "会议听取了各地项目建设情况汇报。"), ("decisionText", "加快外电源接入"), ("decisionOwner", "department:CC-GYJ"),
                ("decisionDeadline", ""),
            ])
            #expect(refused.status == .unprocessableContent && refused.text.contains("同时写明责任单位和完成时限"))
            let issued = try await client.send(.post, "/meetings/\(id)/minutes", as: centre, form: [
                ("version", "1"), ("summary", "会议听取了各地项目建设情况汇报。"),
                ("decisionText", "加快外电源接入"), ("decisionOwner", "department:CC-GYJ"), ("decisionDeadline", "2026-12-10"),
                ("decisionText", "各地要做好冬季施工准备"), ("decisionOwner", ""), ("decisionDeadline", ""),
                ("decisionText", ""), ("decisionOwner", ""), ("decisionDeadline", ""),
            ])
            #expect(issued.status == .seeOther)
            let meeting = try #require(try await fixture.services.meetings.meeting(id: Int64(id)))
            #expect(meeting.status == .minuted && meeting.decisions.count == 2)
            let itemId = try #require(meeting.decisions[0].supervisedItemId)
            #expect(meeting.decisions[1].supervisedItemId == nil, "a decision without owner and deadline is no action item")
            let item = try #require(try await fixture.services.supervision.item(id: itemId))
            #expect(item.source == .meetingDecision && item.sourceNote == "2026年第1次月度调度会纪要第1条" && item.owner == OrgUnit(kind: .department, code: "CC-GYJ"))
            #expect(try await client.send(.post, "/api/v1/meetings/\(id)/minutes", as: centre, json: #"{"summary":"x","version":2}"#).status == .unprocessableContent,
                    "minutes are issued once")

            // python-docx reads the minutes back.
            let docx = try await client.send(.get, "/meetings/\(id)/minutes.docx", as: centre)
            #expect(docx.status == .ok)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-\(UUID().uuidString).docx")
            try Data(docx.body.readableBytesView).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            if let lines = try DocxReader.paragraphs(of: file.path) {
                #expect(lines.first == "月度调度会纪要" && lines[1] == "〔2026〕第1期")
                #expect(lines[2] == "2026年11月20日，在市政府第一会议室，常务副市长主持召开11月项目建设调度会。现将会议议定事项纪要如下：")
                #expect(lines.contains("一、加快外电源接入（责任单位：市公用局；完成时限：2026年12月10日）") && lines.contains("二、各地要做好冬季施工准备"))
                #expect(lines.last == "出席：市发改委、市自然资源局")
            }

            // December's meeting: the problem and the supervised item are still open, so both come back.
            let next = try await client.send(.post, "/api/v1/meetings", as: centre, json: #"{"kindCode":"monthlyDispatch","title":"12月调度会","heldOn":"2026-12-18"}"#)
            let agenda = try #require(next.object["agenda"] as? [[String: Any]])
            #expect(next.object["serial"] as? Int == 2)
            #expect(agenda.compactMap { $0["problemId"] as? Int } == [Int(problem.id)] && agenda.compactMap { $0["supervisedItemId"] as? Int } == [Int(itemId)])
            #expect(agenda.allSatisfy { $0["carriedOver"] as? Bool == true })
            let other = try await client.send(.post, "/api/v1/meetings", as: centre, json: #"{"kindCode":"onSite","title":"现场会","heldOn":"2026-12-18"}"#)
            #expect((other.object["agenda"] as? [Any])?.isEmpty == true, "another kind starts clean")

            // A problem that has risen to the joint meeting goes on the joint meeting's agenda by itself.
            var top = try #require(try await fixture.services.problems.problem(id: problem.id))
            for _ in 0..<3 {
                let event = try ProblemRules.escalation(of: top, reason: .centre, note: "", settings: fixture.services.problemSettings,
                                                        calendar: fixture.services.workingCalendar(), today: webToday).get()
                top = try await fixture.services.problems.record(event, problemId: top.id, expectedVersion: top.version, actor: .system("test"), today: webToday, now: webNow)
            }
            #expect(top.level == .jointMeeting)
            let joint = try await client.send(.post, "/api/v1/meetings", as: centre, json: #"{"kindCode":"jointMeeting","title":"联席会议","heldOn":"2026-12-20"}"#)
            #expect((joint.object["agenda"] as? [[String: Any]])?.compactMap { $0["problemId"] as? Int } == [Int(problem.id)])
            let page = try await client.send(.get, "/meetings/\(next.object["id"] as? Int ?? 0)", as: centre)
            #expect(page.text.contains("上次会议遗留") && page.text.contains("印发纪要"))
            expectDocumented(try await client.send(.get, "/api/v1/meetings", as: centre), MeetingsEndpoints.apiMeetings)
        }
    }
}
