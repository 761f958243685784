import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Supervised items on the web", .serialized)
struct SupervisionWebTests {
    @Test("the office opens an item, the owner answers and reports it done, the office closes it; each step by its own duty", arguments: allEngines)
    func loop(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let office = try await fixture.signedIn(as: "ducha", roles: [.supervision], unit: OrgUnit(kind: .department, code: "CC-DCS"))
            let owner = try await fixture.signedIn(as: "gongyong", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GYJ"))
            let other = try await fixture.signedIn(as: "jiaotong", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-JTJ"))
            let bad = try await client.send(.post, "/supervision", as: office, form: [("content", ""), ("owner", "department:NOPE"), ("deadline", "2026-11-01")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("单位“department:NOPE”不存在"))
            #expect(try await client.send(.post, "/supervision", as: owner, form: [("content", "x")]).status == .forbidden)
            let created = try await client.send(.post, "/supervision", as: office, form: [
                ("content", "12月5日前完成项目外电源接入"), ("owner", "department:CC-GYJ"), ("deadline", "2026-12-05"), ("source", "meetingDecision"),
                ("sourceNote", "第12次调度会"),
            ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers[.location])
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            #expect(try await client.send(.get, path, as: other).status == .notFound, "another bureau does not see it")
            let inbox = try await client.send(.get, "/api/v1/notifications", as: owner)
            #expect((inbox.object["messages"] as? [[String: Any]])?.first?["link"] as? String == path, "the owner is told, with a link to it")

            #expect(try await client.send(.post, "\(path)/decide", as: owner, form: [("event", "close"), ("version", "1")]).status == .forbidden)
            let answered = try await client.send(.post, "/api/v1/supervision/\(id)/answer", as: owner, json: #"{"event":"feedback","text":"电缆已敷设","version":1}"#)
            expectDocumented(answered, SupervisionEndpoints.apiSupervisionAnswer)
            #expect((answered.object["item"] as? [String: Any])?["status"] as? String == "replied")
            #expect(try await client.send(.post, "\(path)/answer", as: owner, form: [("event", "done"), ("text", "12月3日送电"), ("version", "2")]).status == .seeOther)
            let closed = try await client.send(.post, "/api/v1/supervision/\(id)/decide", as: office, json: #"{"event":"close","text":"经核实","version":3}"#)
            expectDocumented(closed, SupervisionEndpoints.apiSupervisionDecide)
            let detail = try #require(closed.object["item"] as? [String: Any])
            #expect(detail["status"] as? String == "closed" && (closed.object["events"] as? [Any])?.count == 4)
            let list = try await client.send(.get, "/api/v1/supervision?all=true", as: owner)
            expectDocumented(list, SupervisionEndpoints.apiSupervision)
            #expect((list.json as? [[String: Any]])?.count == 1)
            #expect(((try await client.send(.get, "/api/v1/supervision", as: owner)).json as? [Any])?.isEmpty == true, "closed items leave the open list")
        }
    }

    @Test("an overdue item is urged with a 督办函; python-docx reads the letter back")
    func letter() async throws {
        try await withWeb { fixture, client in
            let item = try await fixture.services.supervision.create(
                SupervisedItem(content: "完成地块征收并交付", owner: OrgUnit(kind: .department, code: "CC-ZJJ"), deadline: Day(year: 2026, month: 11, day: 23)!,
                               source: .leaderInstruction, sourceNote: "市长批示", createdOn: Day(year: 2026, month: 11, day: 2)!, createdBy: "督查室"),
                actor: .system("test"), today: Day(year: 2026, month: 11, day: 2)!, now: webNow)
            let early = try await client.send(.post, "/api/v1/supervision/\(item.id)/decide", as: fixture, json: #"{"event":"urge","version":1}"#)
            #expect(early.status == .unprocessableContent && early.text.contains("尚未逾期"), "due today, not yet late")
            // Three days later it is.
            let clock = FixedWallClock(webNow.addingTimeInterval(3 * 86_400))
            _ = try await fixture.services.supervision.record(.urge(note: "请于5个工作日内报告", newDeadline: nil), itemId: item.id, expectedVersion: 1,
                                                              actor: .system("督查室"), today: clock.today(), now: clock.now())
            let letter = try await client.send(.get, "/supervision/\(item.id)/letter.docx", as: fixture)
            #expect(letter.status == .ok && letter.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("letter-\(UUID().uuidString).docx")
            try Data(letter.body.readableBytesView).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            guard let lines = try DocxReader.paragraphs(of: file.path) else { return }
            // The year's first letter, dated the day it was issued, with the office's words.
            #expect(lines.first == "督 办 函" && lines[1] == "长督函〔2026〕1号" && lines[2] == "市住建局：", "\(lines)")
            #expect(lines[3].contains("根据领导批示（市长批示），你单位承办“完成地块征收并交付”事项，办理时限为2026年11月23日。截至2026年11月26日，该事项尚未办结，已逾期3天。"),
                    "\(lines)")
            #expect(lines.contains("督办意见：请于5个工作日内报告"))
            #expect(lines.last == "2026年11月26日" && lines.contains("长春市人民政府督查室"))

            // A second item urged with a new deadline: the year's second letter names the deadline it
            // missed and the one it must meet now (it once read as if on time).
            let second = try await fixture.services.supervision.create(
                SupervisedItem(content: "完成管线迁改", owner: OrgUnit(kind: .department, code: "CC-ZJJ"), deadline: Day(year: 2026, month: 11, day: 20)!,
                               source: .other, createdOn: Day(year: 2026, month: 11, day: 2)!, createdBy: "督查室"),
                actor: .system("test"), today: Day(year: 2026, month: 11, day: 2)!, now: webNow)
            _ = try await fixture.services.supervision.record(.urge(note: "", newDeadline: Day(year: 2026, month: 12, day: 10)!), itemId: second.id, expectedVersion: 1,
                                                              actor: .system("督查室"), today: clock.today(), now: clock.now())
            let reissued = try await client.send(.get, "/supervision/\(second.id)/letter.docx", as: fixture)
            let file2 = FileManager.default.temporaryDirectory.appendingPathComponent("letter-\(UUID().uuidString).docx")
            try Data(reissued.body.readableBytesView).write(to: file2)
            defer { try? FileManager.default.removeItem(at: file2) }
            guard let lines2 = try DocxReader.paragraphs(of: file2.path) else { return }
            #expect(lines2[1] == "长督函〔2026〕2号")
            #expect(lines2[3].contains("办理时限为2026年11月20日。截至2026年11月26日，该事项尚未办结，已逾期6天。现将办理时限调整为2026年12月10日"), "\(lines2)")
            #expect(!lines2.contains { $0.hasPrefix("督办意见") }, "no note, no paragraph: \(lines2)")
            let secondPage = try await client.send(.get, "/supervision/\(second.id)", as: fixture)
            #expect(secondPage.text.contains("新时限 2026-12-10"), "the history shows the deadline the urge set, from its own column")
            let secondAPI = try await client.send(.get, "/api/v1/supervision/\(second.id)", as: fixture)
            let urgeEvent = (secondAPI.object["events"] as? [[String: Any]])?.last
            #expect(urgeEvent?["kind"] as? String == "urge" && urgeEvent?["text"] as? String == "" && urgeEvent?["deadline"] as? String == "2026-12-10")
            let page = try await client.send(.get, "/supervision/\(item.id)", as: fixture)
            #expect(page.text.contains("下载督办函") && page.text.contains("催办（督办函）"))
        }
    }
}

@Suite("Supervised items on the clock")
struct SupervisionReminderTests {
    @Test("the owner is reminded before an item's deadline and alerted after it, once each; webhooks hear of it")
    func reminders() async throws {
        try await withWeb { fixture, client in
            let owner = try await fixture.signedIn(as: "gongyong", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GYJ"))
            let hooks = WebhookRepository(database: fixture.services.database)
            _ = try await hooks.create(url: "http://127.0.0.1:9/x", secret: "0123456789abcdef", eventTypes: ["supervision.create", "supervision.dueSoon", "supervision.overdue"],
                                       description: "", actor: .system("test"), now: webNow)
            let item = try await fixture.services.supervision.create(
                SupervisedItem(content: "完成外电源接入", owner: OrgUnit(kind: .department, code: "CC-GYJ"), deadline: Day(year: 2026, month: 11, day: 25)!,
                               source: .other, createdOn: webToday, createdBy: "督查室"), actor: .system("test"), today: webToday, now: webNow)
            let clock = FixedWallClock(webNow)
            let scheduler = Scheduler(services: fixture.services, holder: "s", settings: .init(interval: 1, lease: 1e6, dailyHour: 8), clock: clock,
                                      sender: WebhookSender(timeout: .milliseconds(200)))
            _ = try await scheduler.tick()
            clock.set(Day(year: 2026, month: 11, day: 24)!.startInChina.addingTimeInterval(9 * 3600))
            _ = try await scheduler.tick()
            clock.set(Day(year: 2026, month: 11, day: 26)!.startInChina.addingTimeInterval(9 * 3600))
            _ = try await scheduler.tick()
            let inbox = try await client.send(.get, "/api/v1/notifications", as: owner)
            let titles = (inbox.object["messages"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(titles == ["督办函：督办事项已逾期", "督办事项已逾期（时限 2026-11-25）", "督办事项将于 2026-11-25 到期", "新的督办事项"])
            let urged = try #require(try await fixture.services.supervision.item(id: item.id))
            #expect(urged.urges == 1, "urged once by the daily job")
            clock.advance(by: 86_400)
            _ = try await scheduler.tick()
            #expect(try await fixture.services.supervision.item(id: item.id)?.urges == 1, "once per missed deadline")
            #expect((inbox.object["messages"] as? [[String: Any]])?.first?["link"] as? String == "/supervision/\(item.id)")
            let events = try await hooks.deliveries().map(\.eventType)
            #expect(events.sorted() == ["supervision.create", "supervision.dueSoon", "supervision.overdue"], "urge is not subscribed")
        }
    }
}
