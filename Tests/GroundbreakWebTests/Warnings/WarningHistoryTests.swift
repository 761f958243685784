import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The daily record of the lights: a row when a colour changes, with its day, the rule version
/// that lit it and why; the lights it records are the warnings page's.
@Suite("Light history", .serialized)
struct WarningHistoryTests {
    @Test("the first day records every light as the warnings page gives it; a stricter rule version the next day records only the changes, under that version", arguments: allEngines)
    func history(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 150) { fixture, client in
            let clock = FixedWallClock(webNow)
            let scheduler = Scheduler(services: fixture.services, holder: "lights", settings: Scheduler.Settings(interval: 1, lease: 60, dailyHour: 8), clock: clock)
            #expect(try await scheduler.tick().ran.contains("warnings.record"))
            let page = try await client.send(.get, "/api/v1/warnings?colour=red,yellow,green&perPage=500", as: fixture)
            let lit = (page.object["projects"] as? [[String: Any]]) ?? []
            let repository = WarningRepository(database: fixture.services.database)
            for line in lit.prefix(40) {
                let history = try await repository.history(projectId: Int64(line["projectId"] as? Int ?? 0))
                #expect(history.count == 1 && history.first?.colour.rawValue == line["colour"] as? String && history.first?.since == webToday)
                #expect(history.first?.explanation == line["explanation"] as? String && history.first?.ruleVersion == 1)
            }

            // The ledger filters and counts by the record: the same reds as the warnings page, and the strip says so.
            let reds = lit.filter { $0["colour"] as? String == "red" }.count
            let ledger = try await client.send(.get, "/api/v1/projects?light=red&perPage=500", as: fixture)
            #expect(ledger.status == .ok && ledger.object["totalCount"] as? Int == reds)
            let ledgerPage = try await client.send(.get, "/projects", as: fixture)
            #expect(ledgerPage.text.contains("灯色（每日留存，\(webToday.iso)）") && ledgerPage.text.contains("light=red"))
            let filtered = try await client.send(.get, "/projects?light=red", as: fixture)
            #expect(filtered.text.contains("data-total=\"\(reds)\"") && filtered.text.contains("灯色：红灯"))
            #expect(try await client.send(.get, "/api/v1/projects?light=purple", as: fixture).status == .badRequest)

            // R7 (last month's report missing) turns red from today's rule version 2.
            let saved = try await client.send(.post, "/api/v1/warnings/rules", as: fixture, json: #"{"version":1,"reason":"漏报即红灯","rules":[{"code":"R7","redAt":1}]}"#)
            #expect(saved.status == .created)
            let missing = lit.filter { ($0["reasons"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "R7" } && $0["colour"] as? String == "yellow" }
            clock.advance(by: 86_400)
            #expect(try await scheduler.tick().ran.contains("warnings.record"))
            let tomorrow = webToday.adding(days: 1)
            #expect(try await client.send(.get, "/projects", as: fixture).text.contains("灯色（每日留存，\(tomorrow.iso)）"), "the latest record, not the first")
            if let turned = missing.first.flatMap({ $0["projectId"] as? Int }) {
                let history = try await repository.history(projectId: Int64(turned))
                #expect(history.map(\.colour) == [.red, .yellow] && history.first?.ruleVersion == 2 && history.first?.since == tomorrow)
                let project = try await client.send(.get, "/projects/\(turned)", as: fixture)
                #expect(project.text.contains("灯色记录（2 次变化") && project.text.contains("\(tomorrow.iso) 起（规则第2版）"))
            }
            let steady = try #require(lit.first { $0["colour"] as? String == "green" }?["projectId"] as? Int)
            #expect(try await repository.history(projectId: Int64(steady)).count == 1, "an unchanged light is not recorded again")

            // Projects no longer lit (built, cancelled) end their history: the ledger no longer counts them.
            #expect(try await repository.record([], today: tomorrow.adding(days: 1), now: webNow) > 0)
            #expect((try await client.send(.get, "/api/v1/projects?light=red", as: fixture)).object["totalCount"] as? Int == 0)
            #expect(try await repository.history(projectId: Int64(steady)).count == 1, "the end is not a colour")
        }
    }
}
