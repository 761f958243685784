import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What a local receiver saw.
actor ReceivedHooks {
    struct Request: Sendable {
        var event: String
        var delivery: String
        var signature: String
        var body: String
    }

    var requests: [Request] = []
    /// Status codes to answer with, in order; 200 once they run out.
    var answers: [Int]

    init(answers: [Int]) {
        self.answers = answers
    }

    func record(_ request: Request) -> Int {
        requests.append(request)
        return answers.isEmpty ? 200 : answers.removeFirst()
    }
}

@Suite("Scheduler, inbox and webhooks", .serialized)
struct SchedulerWebTests {
    /// An assigned problem of 朝阳区's project owned by 市工信局, due on `deadline`.
    static func assignedProblem(_ fixture: WebFixture, deadline: Day, assignedOn: Day = Day(year: 2026, month: 11, day: 2)!) async throws -> Problem {
        let projectId = try await ReportWebTests.building(fixture, name: "项目\(UUID().uuidString.prefix(4))")
        let project = try #require(try await fixture.services.projects.project(id: projectId))
        let raised = try await fixture.services.problems.raise(
            Problem(projectId: projectId, regionCode: project.fields.regionCode, categoryCode: "UTILITIES", description: "外电源未接入", raisedByUserId: nil,
                    raisedByName: "测试", raisedOn: assignedOn), actor: .system("test"), now: webNow)
        return try await fixture.services.problems.record(
            .assign(owner: OrgUnit(kind: .department, code: "CC-GXJ"), support: [], deadline: deadline, level: .unit),
            problemId: raised.id, expectedVersion: 1, actor: .system("test"), today: assignedOn, now: webNow)
    }

    @Test("two instances on one database: only the lease holder works, daily jobs run once a day, the other takes over when the lease runs out",
          arguments: allEngines)
    func singleRunner(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, _ in
            let overdue = try await Self.assignedProblem(fixture, deadline: Day(year: 2026, month: 11, day: 13)!)
            let clock = FixedWallClock(webNow)
            let settings = Scheduler.Settings(interval: 1, lease: 60, dailyHour: 8)
            let first = Scheduler(services: fixture.services, holder: "instance-a", settings: settings, clock: clock)
            let second = Scheduler(services: fixture.services, holder: "instance-b", settings: settings, clock: clock)

            let a1 = try await first.tick()
            #expect(a1.leader && a1.ran == ["problems.remind", "supervision.remind", "reports.remind", "supervision.urge", "problems.escalate", "funding.lateSpending", "warnings.record"])
            #expect(try await !second.tick().leader, "the lease is taken")
            #expect(try await first.tick() == Scheduler.Tick(leader: true, ran: [], delivered: 0, failedAttempts: 0), "today's jobs have run")
            #expect(try await fixture.services.problems.problem(id: overdue.id)?.level == .region, "the overdue problem rose a level")

            clock.advance(by: 30)
            #expect(try await !second.tick().leader, "renewed 30 s ago, the lease still holds")
            clock.advance(by: 61)
            let b1 = try await second.tick()
            #expect(b1.leader && b1.ran.isEmpty, "instance a went quiet: b takes over, and does not run today's jobs again")
            #expect(try await !first.tick().leader)

            // Many instances asking at the same moment: exactly one gets it.
            clock.set(Day(year: 2026, month: 11, day: 24)!.startInChina.addingTimeInterval(9 * 3600))
            let ticks = try await withThrowingTaskGroup(of: Scheduler.Tick.self) { group in
                for index in 0..<6 {
                    let scheduler = Scheduler(services: fixture.services, holder: "racer-\(index)", settings: settings, clock: clock)
                    group.addTask { try await scheduler.tick() }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(ticks.filter(\.leader).count == 1 && ticks.first(where: \.leader)?.ran == ["problems.remind", "supervision.remind", "reports.remind", "supervision.urge", "problems.escalate", "funding.lateSpending", "warnings.record"],
                    "one of six racers leads and runs the 24th's jobs")
            let runs = try await SchedulerRepository(database: fixture.services.database).runs(job: "problems.remind")
            #expect(runs.map(\.key) == ["2026-11-23", "2026-11-24"] && runs.allSatisfy { $0.outcome == "ok" })
            #expect(runs.first?.holder == "instance-a")
        }
    }

    @Test("reminders before the deadline and alerts after it reach the owner's inbox once; the inbox page and API show and clear them")
    func inbox() async throws {
        try await withWeb { fixture, client in
            let bureau = try await fixture.signedIn(as: "gongxin", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
            // Due on Wednesday 25 November: two working days after Monday the 23rd, within the three-day lead.
            let soon = try await Self.assignedProblem(fixture, deadline: Day(year: 2026, month: 11, day: 25)!, assignedOn: webToday)
            let clock = FixedWallClock(webNow)
            let scheduler = Scheduler(services: fixture.services, holder: "only", settings: .init(interval: 1, lease: 60, dailyHour: 8), clock: clock)
            _ = try await scheduler.tick()
            var page = try await client.send(.get, "/notifications", as: bureau)
            #expect(page.text.contains("新分办的问题") && page.text.contains("问题将于 2026-11-25 到期") && page.text.contains("未读 2 条"))
            #expect(page.text.contains("/problems/\(soon.id)"))

            clock.set(Day(year: 2026, month: 11, day: 24)!.startInChina.addingTimeInterval(9 * 3600))
            _ = try await scheduler.tick()
            let api = try await client.send(.get, "/api/v1/notifications?unread=true", as: bureau)
            expectDocumented(api, NotificationsEndpoints.apiNotifications)
            #expect(api.object["unreadCount"] as? Int == 2, "the reminder for that deadline is not sent again")

            clock.set(Day(year: 2026, month: 11, day: 26)!.startInChina.addingTimeInterval(9 * 3600))
            _ = try await scheduler.tick()
            let late = try await client.send(.get, "/api/v1/notifications", as: bureau)
            let titles = (late.object["messages"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(titles.first == "问题已逾期（时限 2026-11-25）" && titles.count == 3)

            let firstId = try #require((late.object["messages"] as? [[String: Any]])?.first?["id"] as? Int)
            let one = try await client.send(.post, "/api/v1/notifications/read", as: bureau, json: #"{"id":\#(firstId)}"#)
            expectDocumented(one, NotificationsEndpoints.apiNotificationsRead)
            #expect(one.object["unreadCount"] as? Int == 2)
            #expect(try await client.send(.post, "/notifications/read", as: bureau, form: []).status == .seeOther)
            page = try await client.send(.get, "/notifications", as: bureau)
            #expect(page.text.contains("没有未读消息"))
            let stranger = try await fixture.signedIn(as: "jiaotong", roles: [.department], unit: OrgUnit(kind: .department, code: "CC-JTJ"))
            #expect(try await client.send(.get, "/api/v1/notifications", as: stranger).object["unreadCount"] as? Int == 0)
        }
    }

    @Test("webhooks: signed JSON to a local receiver, retried after a failure with the policy's wait, every attempt logged", arguments: allEngines)
    func webhooks(engine: DatabaseEngine) async throws {
        let received = ReceivedHooks(answers: [500])
        let router = Router()
        router.post("/hook") { request, context -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let status = await received.record(.init(event: request.headers[HTTPField.Name("X-Groundbreak-Event")!] ?? "",
                                                     delivery: request.headers[HTTPField.Name("X-Groundbreak-Delivery")!] ?? "",
                                                     signature: request.headers[HTTPField.Name("X-Groundbreak-Signature")!] ?? "", body: body))
            return Response(status: HTTPResponse.Status(code: status))
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await receiver.test(.live) { live in
            let port = try #require(live.port)
            try await withWeb(engine) { fixture, client in
                let created = try await client.send(.post, "/admin/webhooks", as: fixture, form: [
                    ("action", "create"), ("url", "http://127.0.0.1:\(port)/hook"), ("secret", "s3cret-s3cret-s3cret"), ("eventTypes", "problem.assign"),
                ])
                #expect(created.status == .seeOther)
                let bad = try await client.send(.post, "/admin/webhooks", as: fixture, form: [("action", "create"), ("url", "ftp://x"), ("secret", "short")])
                #expect(bad.status == .unprocessableContent && bad.text.contains("http://") && bad.text.contains("至少 16 个字符"))
                let problem = try await Self.assignedProblem(fixture, deadline: Day(year: 2026, month: 12, day: 31)!)

                let clock = FixedWallClock(webNow)
                let scheduler = Scheduler(services: fixture.services, holder: "hooks", settings: .init(interval: 1, lease: 60, dailyHour: 23), clock: clock)
                let first = try await scheduler.tick()
                #expect(first.failedAttempts == 1 && first.delivered == 0)
                #expect(try await scheduler.tick().failedAttempts == 0, "not due again until the wait is over")
                clock.advance(by: RetryPolicy.delays[0] + 1)
                #expect(try await scheduler.tick().delivered == 1)

                let requests = await received.requests
                #expect(requests.count == 2 && requests.allSatisfy { $0.event == "problem.assign" } && requests[0].delivery == requests[1].delivery)
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(requests[1].body.utf8)) as? [String: Any])
                #expect((payload["problem"] as? [String: Any])?["id"] as? Int == Int(problem.id) && payload["event"] as? String == "problem.assign")
                // The receiver's check, done independently of our code: HMAC-SHA256 over "t.body" with the shared secret.
                let parts = Dictionary(uniqueKeysWithValues: requests[1].signature.split(separator: ",").map { pair in
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (kv[0], kv.count > 1 ? kv[1] : "")
                })
                let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent("hook-\(UUID().uuidString).json")
                try Data("\(parts["t"] ?? "").\(requests[1].body)".utf8).write(to: bodyFile)
                defer { try? FileManager.default.removeItem(at: bodyFile) }
                let expected = try ChildProcess.run(["/usr/bin/env", "python3", "-c",
                    "import hmac,hashlib,sys; print(hmac.new(b's3cret-s3cret-s3cret', open(sys.argv[1],'rb').read(), hashlib.sha256).hexdigest())", bodyFile.path])
                #expect(parts["v1"] == expected.trimmingCharacters(in: .whitespacesAndNewlines))
                #expect(Int(parts["t"] ?? "") == Int(webNow.timeIntervalSince1970) + Int(RetryPolicy.delays[0]) + 1)

                let log = try await WebhookRepository(database: fixture.services.database).deliveries()
                #expect(log.count == 1 && log[0].status == .delivered && log[0].attempts == 2 && log[0].lastStatusCode == 200)
                let page = try await client.send(.get, "/admin/webhooks", as: fixture)
                #expect(page.text.contains("已送达") && page.text.contains("problem.assign"))
            }
        }
    }

    @Test("an unreachable receiver is tried by the policy and then marked failed")
    func givingUp() async throws {
        try await withWeb { fixture, _ in
            let hook = try await WebhookRepository(database: fixture.services.database).create(
                url: "http://127.0.0.1:9/nowhere", secret: "0123456789abcdef", eventTypes: ["*"], description: "", actor: .system("test"), now: webNow)
            #expect(hook.wants(.problemOverdue))
            _ = try await Self.assignedProblem(fixture, deadline: Day(year: 2026, month: 12, day: 31)!)
            let clock = FixedWallClock(webNow)
            // The HTTP client keeps trying a refused connection until the request's deadline: keep it short here.
            let scheduler = Scheduler(services: fixture.services, holder: "x", settings: .init(interval: 1, lease: 1e6, dailyHour: 23), clock: clock,
                                      sender: WebhookSender(timeout: .milliseconds(300)))
            for wait in [0] + RetryPolicy.delays {
                clock.advance(by: wait + 1)
                #expect(try await scheduler.tick().failedAttempts == 2, "raise and assign, each tried")
            }
            let log = try await WebhookRepository(database: fixture.services.database).deliveries()
            #expect(log.count == 2 && log.allSatisfy { $0.status == .failed && $0.attempts == RetryPolicy.delays.count + 1 && $0.lastError.hasPrefix("无法送达") })
            clock.advance(by: 1e6)
            #expect(try await scheduler.tick().failedAttempts == 0, "a failed delivery stays failed, in the log")
        }
    }
}
