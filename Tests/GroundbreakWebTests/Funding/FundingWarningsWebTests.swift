import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
import HTTPTypes
@testable import GroundbreakWeb
import Testing

/// Money issued from above and not spent within its channel's months warns the applying unit and
/// the collecting department, once per due day — the applications the figures page lists.
@Suite("Funding: late spending warns", .serialized)
struct FundingWarningsWebTests {
    @Test("the daily watch tells each late application's unit and department once, linking the application; the same applications as the figures' late list", arguments: allEngines)
    func lateSpending(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let figures = try await client.send(.get, "/api/v1/funding/figures", as: fixture)
            let late = ((figures.object["lateSpending"] as? [[String: Any]]) ?? []).compactMap { $0["applicationId"] as? Int }
            #expect(!late.isEmpty, "the demo has money spent late")
            let application = try #require(try await fixture.services.funding.application(id: Int64(late[0])))
            let unitStaff = try await fixture.signedIn(as: "late-unit", roles: [.region], unit: application.unit)
            let department = try #require(fixture.services.fundingCatalog.channel(application.channelCode)?.department)
            let collector = try await fixture.signedIn(as: "late-department", roles: [.department], unit: OrgUnit(kind: .department, code: department))

            let sent = try await FundingWarnings.send(fixture.services, today: webToday, now: webNow)
            #expect(sent >= late.count, "at least one message per late application")
            for user in [unitStaff.userId, collector.userId] {
                let messages = try await fixture.services.notifications.inbox(userId: user).filter { $0.kind == "funding.spendingLate" }
                #expect(messages.contains { $0.link == "funding:\(application.id)" && $0.title.hasPrefix("资金支出滞后") }, "user \(user)")
                #expect(Set(messages.compactMap { Int($0.link.split(separator: ":").last ?? "") }).isSubset(of: Set(late)), "only the late applications")
            }
            #expect(InboxPages.path("funding:\(application.id)") == "/funding/\(application.id)")
            #expect(try await FundingWarnings.send(fixture.services, today: webToday, now: webNow) == 0, "once per due day")
        }
    }
}
