import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// The big screen says what the pages say: its figures are counted by the pages' own functions.
@Suite("The big screen")
struct ScreenTests {
    static func figure(_ html: String, _ name: String) -> String? {
        let pattern = try! Regex<(Substring, Substring)>("data-figure=\"\(name)\"><span class=\"kpi-label\">[^<]*</span><span class=\"kpi-value\">([^<]*)</span>")
        return html.firstMatch(of: pattern).map { String($0.1) }
    }

    @Test("its counts equal the ledger, the problem list, the supervised items and each region's ledger; the map links each region to its projects", arguments: allEngines)
    func agrees(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 150) { fixture, client in
            let screen = try await client.send(.get, "/screen?measure=projects", as: fixture)
            #expect(screen.status == .ok && screen.text.contains("http-equiv=\"refresh\""))
            func total(_ path: String) async throws -> Int? { HomePageTests.listTotal(try await client.send(.get, path, as: fixture).text) }
            #expect(Self.figure(screen.text, "projects") == Format.count(try #require(try await total("/projects"))))
            #expect(Self.figure(screen.text, "problems") == Format.count(try #require(try await total("/problems"))))
            let overdueItems = try #require(try await total("/supervision?overdue=true"))
            #expect(screen.text.contains("其中逾期 \(overdueItems) 件"))
            let tiles = screen.text.matches(of: /<a href="(\/projects\?[^"]+)" data-projects="(\d+)">/).map { (String($0.1).replacingOccurrences(of: "&amp;", with: "&"), Int($0.2)!) }
            #expect(tiles.count == 11, "every district and county of the map")
            for (path, count) in tiles {
                #expect(try await total(path) == count, "\(path)")
            }
            #expect(tiles.contains { $0.1 > 0 })
            // Starts by month: one column read, equal to counting the projects themselves.
            let started = try await fixture.services.projects.projects(inStages: [.construction, .operation], scope: .everything)
            var byHand = Array(repeating: 0, count: 12)
            for project in started { if let day = project.fields.actualStart, day.year == 2026 { byHand[day.month - 1] += 1 } }
            #expect(try await fixture.services.projects.startsByMonth(year: 2026, scope: .everything) == byHand)
            #expect(byHand.reduce(0, +) > 0)
            // The page is rendered once per reader and figures: a new project is on the next one.
            let projects = try #require(try await total("/projects"))
            let created = try await client.send(.post, "/api/v1/projects", as: fixture,
                                                json: #"{"name":"大屏后新建项目","regionCode":"220104","categoryCode":"IND-MFG","investmentType":"enterprise","totalInvestment":100000000}"#)
            #expect(created.status == .created)
            let after = try await client.send(.get, "/screen?measure=projects", as: fixture)
            #expect(Self.figure(after.text, "projects") == Format.count(projects + 1))
            let light = try await client.send(.get, "/screen?measure=projects&theme=light", as: fixture)
            #expect(light.text.contains("class=\"screen light\"") && !after.text.contains("class=\"screen light\""), "each view rendered as asked")
            let map = try ScreenMapFile.shipped()
            #expect(map.problems.isEmpty && Set(map.tiles.map(\.region)).isSubset(of: Set(fixture.services.catalog().assignableRegions.map(\.code))))
        }
    }
}
