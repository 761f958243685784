import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import groundbreak
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every list a scoped user reads — pages and API — shows nothing of the project outside their
/// scope (范围外项目乙, region 220113, lead 市交通局) or of what hangs on it: its problems,
/// reports, approvals, and the supervised items of 市交通局.
@Suite("Lists show nothing out of scope")
struct ListScopeTests {
    @Test("for a region user, a department user and a secretary, on every list")
    func lists() async throws {
        try await withWeb { base, client in
            let world = try await AuthorisationMatrixTests.makeWorld(base)
            let b = world.projectB
            let callers: [(String, WebFixture)] = [
                ("region", try await AuthorisationMatrixTests.caller(base, .region, world: world)),
                ("department", try await AuthorisationMatrixTests.caller(base, .department, world: world)),
                ("secretary", try await AuthorisationMatrixTests.caller(base, .secretary, world: world)),
            ]
            let pages = ["/projects", "/projects.csv", "/problems?tab=all", "/reports?month=2026-10", "/reports/grid?month=2026-10", "/approvals",
                         "/supervision?all=true", "/meetings", "/notifications", "/imports", "/stats", "/targets"]
            let apis = ["/api/v1/projects", "/api/v1/problems?tab=all", "/api/v1/reports?month=2026-10", "/api/v1/approvals",
                        "/api/v1/supervision?all=true", "/api/v1/meetings", "/api/v1/notifications", "/api/v1/stats/inclusion"]
            // The marker is where we look: the administrator, who sees everything, finds it.
            // (The two projects are in 项目招引, so no report is owed yet: the boards list neither.)
            for path in ["/projects", "/projects.csv", "/api/v1/projects"] {
                #expect(try await client.send(.get, path, as: base).text.contains("范围外项目乙"), "admin \(path)")
            }
            #expect(try await client.send(.get, "/api/v1/problems?tab=all", as: base).text.contains("\"projectId\":\(b)"))
            #expect(try await client.send(.get, "/api/v1/supervision?all=true", as: base).text.contains("CC-JTJ"))
            var answered = 0
            for (name, caller) in callers {
                for path in pages + apis {
                    let response = try await client.send(.get, path, as: caller)
                    guard response.status == .ok else {
                        #expect([.forbidden, .notFound].contains(response.status), "\(name) \(path) → \(response.status)")
                        continue
                    }
                    answered += 1
                    #expect(!response.text.contains("范围外项目乙"), "\(name) \(path) shows the project out of scope")
                    if path.hasPrefix("/api/") {
                        #expect(!response.text.contains("\"projectId\":\(b),") && !response.text.contains("\"projectId\":\(b)}"),
                                "\(name) \(path) lists something of project B")
                        if path.contains("supervision") { #expect(!response.text.contains("CC-JTJ"), "\(name) \(path) lists 市交通局's item") }
                    }
                }
            }
            #expect(answered >= 45, "most lists answer each of the three callers: \(answered)")
        }
    }
}

/// A development zone (开发区) is a unit of its own: its staff see and edit the projects in the zone
/// and the zones inside it, nothing else; a unit the catalogue lacks is refused wherever it is given.
@Suite("Development zones as units")
struct ZoneScopeTests {
    @Test("zone staff read and change exactly the zone's projects (sub-zones included); unknown units are refused", arguments: allEngines)
    func zone(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { base, client in
            let catalog = base.services.catalog()
            var all = ProjectQuery()
            all.perPage = 500
            let projects = try await base.services.projects.list(all, scope: .everything, catalog: catalog, today: webToday).projects
            let zone = catalog.zoneSubtree("CC-XQ")
            #expect(zone.count > 1, "长春新区 holds zones of its own")
            let inZone = projects.filter { $0.fields.zoneCode.map(zone.contains) ?? false }
            let outside = try #require(projects.first { !($0.fields.zoneCode.map(zone.contains) ?? false) })
            #expect(inZone.contains { $0.fields.zoneCode != "CC-XQ" }, "the demo has projects in a sub-zone")

            let staff = try await base.signedIn(as: "xinqu", roles: [.region], unit: OrgUnit(kind: .zone, code: "CC-XQ"))
            let ledger = try await client.send(.get, "/api/v1/projects?perPage=500", as: staff)
            #expect(ledger.status == .ok && ledger.object["totalCount"] as? Int == inZone.count)
            let listed = Set((ledger.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }.map(Int64.init))
            #expect(listed == Set(inZone.map(\.id)))
            #expect(try await client.send(.get, "/projects/\(outside.id)", as: staff).status == .notFound)
            let mine = try #require(inZone.first)
            #expect(try await client.send(.get, "/projects/\(mine.id)/edit", as: staff).status == .ok, "zone staff edit their zone's projects")
            #expect(try await client.send(.get, "/", as: staff).status == .ok)

            // An unknown unit: refused on the administration page and by the command line.
            let refused = try await client.send(.post, "/admin/users", as: base, form: [
                ("username", "ghost"), ("displayName", "幽灵"), ("roles", "region"), ("unit", "zone:CC-NOPE"), ("password", "Ghost#2026Strong"),
            ])
            #expect(refused.status == .unprocessableContent)
            await #expect(throws: Work.Failure.self) {
                try await Work.addUser(base.services.database, settings: WebFixture.settings(), username: "ghost2",
                                       account: AccountSettings(displayName: "幽灵", roles: [.region], unit: OrgUnit(kind: .region, code: "CC-LHS"), positionId: nil),
                                       password: "Ghost#2026Strong", mustChange: false)
            }
            let zoneUser = try await Work.addUser(base.services.database, settings: WebFixture.settings(), username: "lianhuashan",
                                                  account: AccountSettings(displayName: "莲花山", roles: [.region], unit: OrgUnit(kind: .zone, code: "CC-LHS"), positionId: nil),
                                                  password: "Lotus#2026Strong", mustChange: false)
            #expect(zoneUser.unit == OrgUnit(kind: .zone, code: "CC-LHS"))
        }
    }
}
