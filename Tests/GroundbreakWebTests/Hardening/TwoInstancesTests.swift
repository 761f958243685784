import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Two instances on one database, as behind a proxy (issue 18): each has its own caches and its
/// own copy of the reference catalogue; neither may serve the other's stale data.
/// `scripts/two-instances.sh` runs the same story with two processes behind nginx.
@Suite("Two instances on one database")
struct TwoInstancesTests {
    @Test("a session made on one instance is valid on the other; a write on one is seen by the next read on the other, its caches notwithstanding", arguments: allEngines)
    func sessionsAndWrites(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 30) { fixture, first in
            let other = try await AppServices(settings: WebFixture.settings(), database: fixture.store.database, clock: fixture.clock)
            try await Application(router: GroundbreakApplication.router(services: other)).test(.router) { second in
                let page = try await second.send(.get, "/projects", as: fixture)
                #expect(page.status == .ok, "the session made through the first instance")

                let name = "双实例写入可见性测试项目"
                let path = "/api/v1/projects?q=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                for _ in 0..<2 {
                    // The second read is answered from the second instance's caches.
                    #expect(try await second.send(.get, path, as: fixture).object["totalCount"] as? Int == 0)
                }
                let created = try await first.send(.post, "/api/v1/projects", as: fixture, json: apiProjectBody(name: name))
                #expect(created.status == .created)
                let after = try await second.send(.get, path, as: fixture)
                #expect(after.object["totalCount"] as? Int == 1)
                #expect((after.object["items"] as? [[String: Any]])?.first?["id"] as? Int == created.object["id"] as? Int)
            }
        }
    }

    @Test("a token revoked or a session ended through one instance is refused by the other at its next request, though the other keeps credentials in memory", arguments: allEngines)
    func credentialsEndEverywhere(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, first in
            try await fixture.store.elsewhere { database in
                let other = try await AppServices(settings: WebFixture.settings(), database: database, clock: fixture.clock)
                let (token, issued) = try await fixture.services.tokens.issue(userId: fixture.userId, name: "双实例", actor: .system("test"), now: webNow)
                let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
                try await Application(router: GroundbreakApplication.router(services: other)).test(.router) { second in
                    for _ in 0..<3 {
                        // After the first, answered with the token and the session this instance keeps.
                        #expect(try await second.send(.get, "/api/v1/projects", as: fixture, signedIn: false, headers: bearer).status == .ok)
                        #expect(try await second.send(.get, "/projects", as: fixture).status == .ok)
                    }
                    let revoked = try await first.send(.post, Route.revokeToken(issued.id).path, as: fixture, form: [])
                    #expect(revoked.status == .seeOther)
                    #expect(try await second.send(.get, "/api/v1/projects", as: fixture, signedIn: false, headers: bearer).status == .unauthorized)

                    #expect(try await first.send(.post, Route.logout.path, as: fixture, form: []).status == .seeOther)
                    let page = try await second.send(.get, "/projects", as: fixture)
                    #expect(page.status == .seeOther && page.location?.hasPrefix("/login") == true, "signed out on the first instance")
                }
            }
        }
    }

    @Test("a seat added through one instance reaches the other's catalogue at its next look, and not before", arguments: allEngines)
    func sharedData(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, _ in
            let other = try await AppServices(settings: WebFixture.settings(), database: fixture.store.database, clock: fixture.clock)
            let follower = SharedDataFollower(services: other)
            let seen = try await SharedDataFollower.generation(other)
            #expect(await follower.follow(since: seen) == seen, "nothing changed: nothing read")

            let id = try await PositionRepository(database: fixture.store.database).create(
                title: "双实例测试秘书", unitName: "项目中心", duty: .secretary, holder: ("王五", "13800000000"), since: webToday, actor: .system("test")
            )
            try await fixture.services.reloadCatalog()
            #expect(fixture.services.catalog().positions.contains { $0.id == id }, "the instance that made the change reads it at once")
            #expect(!other.catalog().positions.contains { $0.id == id }, "the other still holds the catalogue it read")

            let now = await follower.follow(since: seen)
            #expect(now != seen)
            #expect(other.catalog().positions.contains { $0.id == id })
        }
    }
}
