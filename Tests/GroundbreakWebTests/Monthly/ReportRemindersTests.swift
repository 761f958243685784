import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Reminders for reports owed")
struct ReportRemindersTests {
    @Test("whoever owes last month's report hears once that it is missed: the project's secretary, or its region when it has none", arguments: allEngines)
    func missed(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 80) { fixture, client in
            let missingIds = try await Self.missingProjectIds(client, fixture)
            #expect(!missingIds.isEmpty, "the demo city has reports missed on 2026-11-05")
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let byId = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
            let owing = missingIds.compactMap { byId[$0] }
            let seated = owing.filter { $0.fields.secretaryPositionId != nil }
            let withSeat = try #require(seated.first)
            let seat = try #require(withSeat.fields.secretaryPositionId)
            let secretary = try await fixture.signedIn(as: "mishu", roles: [.secretary], positionId: seat)
            let sent = try await ReportReminders.send(fixture.services, today: webToday, now: webNow)
            #expect(sent >= 1)
            #expect(try await ReportReminders.send(fixture.services, today: webToday, now: webNow) == 0, "once per project and month")

            let alerts = try await Self.alerts(client, secretary)
            let seatProjects = owing.filter { $0.fields.secretaryPositionId == seat }
            #expect(alerts.count == seatProjects.count, "one alert per project of the seat that missed the month")
            #expect(alerts.allSatisfy { $0.title.hasPrefix("2026年10月月报逾期未报") })
            let links = Set(seatProjects.map { "/projects/\($0.id)/reports" })
            #expect(Set(alerts.map(\.link)) == links)
            let expectedBody = String(withSeat.fields.name.prefix(40))
            #expect(alerts.contains { $0.body == expectedBody })
        }
    }

    static func missingProjectIds(_ client: any TestClientProtocol, _ fixture: WebFixture) async throws -> [Int64] {
        let board = try await client.send(.get, "/api/v1/reports?month=2026-10&state=missing", as: fixture)
        return (board.object["rows"] as? [[String: Any]] ?? []).compactMap { ($0["projectId"] as? Int).map(Int64.init) }
    }

    struct Alert: Sendable {
        var title: String
        var body: String
        var link: String
    }

    static func alerts(_ client: any TestClientProtocol, _ reader: WebFixture) async throws -> [Alert] {
        let inbox = try await client.send(.get, "/api/v1/notifications", as: reader)
        return (inbox.object["messages"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "report.overdue" }.map {
            Alert(title: $0["title"] as? String ?? "", body: $0["body"] as? String ?? "", link: $0["link"] as? String ?? "")
        }
    }

    @Test("a reminder goes out in the days before the due day, none earlier, and none for a report sent")
    func beforeDue() {
        let project = Project(id: 7, fields: ProjectFields(name: "示例项目", regionCode: "220104", categoryCode: "INDUSTRY", investmentType: .enterprise,
                                                           totalInvestment: .wan(10_000)),
                              stage: .construction, suspendedFrom: nil, createdAt: Date(), updatedAt: Date(), version: 1)
        let month = Month(year: 2026, month: 11)!
        let due = Day(year: 2026, month: 12, day: 5)!
        #expect(ReportNotices.reminder(.due, project, month: month, due: due, today: Day(year: 2026, month: 12, day: 1)!, lead: 3) == nil)
        let soon = ReportNotices.reminder(.due, project, month: month, due: due, today: Day(year: 2026, month: 12, day: 2)!, lead: 3)
        #expect(soon?.title == "2026年11月月报请于 2026-12-05 前报送" && soon?.link == "reports:7")
        #expect(ReportNotices.reminder(.submitted, project, month: month, due: due, today: Day(year: 2026, month: 12, day: 6)!, lead: 3) == nil)
        #expect(ReportNotices.recipient(project) == .unit(OrgUnit(kind: .region, code: "220104")))
    }
}
