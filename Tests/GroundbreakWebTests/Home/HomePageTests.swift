import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Each role's home", .serialized)
struct HomePageTests {
    /// The tiles of a home page: the count it shows and the list it links to.
    static func tiles(_ html: String) -> [(path: String, count: Int)] {
        html.matches(of: /<a class="tile[^"]*" href="([^"]+)" data-count="(\d+)"/).map {
            (String($0.1).replacingOccurrences(of: "&amp;", with: "&"), Int($0.2)!)
        }
    }

    static func listTotal(_ html: String) -> Int? {
        html.firstMatch(of: /data-total="(\d+)"/).flatMap { Int($0.1) }
    }

    @Test("every role lands on a home whose every count equals the list it links to", arguments: allEngines)
    func countsEqualLists(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 150) { fixture, client in
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let secretarySeat = try #require(projects.compactMap(\.fields.secretaryPositionId).first)
            let sponsorSeat = try #require(projects.compactMap(\.fields.sponsorPositionId).first)
            let department = try #require(projects.compactMap(\.fields.leadDepartmentCode).first)
            let region = try #require(projects.first?.fields.regionCode)
            let readers: [(String, WebFixture)] = [
                ("centre", fixture),
                ("department", try await fixture.signedIn(as: "bumen", roles: [.department], unit: OrgUnit(kind: .department, code: department))),
                ("region", try await fixture.signedIn(as: "xianqu", roles: [.region], unit: OrgUnit(kind: .region, code: region))),
                ("secretary", try await fixture.signedIn(as: "mishu", roles: [.secretary], positionId: secretarySeat)),
                ("sponsor", try await fixture.signedIn(as: "baobao", roles: [.sponsor], positionId: sponsorSeat)),
                ("supervision", try await fixture.signedIn(as: "ducha", roles: [.supervision], unit: OrgUnit(kind: .department, code: "CC-DCS"))),
            ]
            var nonZero = 0
            for (role, reader) in readers {
                let home = try await client.send(.get, "/", as: reader)
                #expect(home.status == .ok, "\(role)")
                let tiles = Self.tiles(home.text)
                #expect(!tiles.isEmpty, "\(role) has figures")
                for tile in tiles {
                    let list = try await client.send(.get, tile.path, as: reader)
                    #expect(list.status == .ok, "\(role) \(tile.path)")
                    #expect(Self.listTotal(list.text) == tile.count, "\(role): the tile for \(tile.path) says \(tile.count), the list \(Self.listTotal(list.text) ?? -1)")
                    if tile.count > 0 { nonZero += 1 }
                }
            }
            #expect(nonZero >= 8, "the demo city gives most tiles something to count (\(nonZero))")
        }
    }

    @Test("signing in lands on the home page; the home names the reader's duties")
    func landing() async throws {
        try await withWeb { fixture, client in
            let secretary = try await fixture.signedIn(as: "mishu2", roles: [.secretary])
            let home = try await client.send(.get, "/", as: secretary)
            #expect(home.text.contains(WebText.Home.secretary) && !home.text.contains(WebText.Home.centre))
            #expect(home.text.contains("月报待报"))
            let centre = try await client.send(.get, "/", as: fixture)
            #expect(centre.text.contains(WebText.Home.centre) && centre.text.contains(WebText.Home.problemsToAssign))
        }
    }
}
