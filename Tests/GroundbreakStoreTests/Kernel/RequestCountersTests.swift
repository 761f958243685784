import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("A request's counters")
struct RequestCountersTests {
    @Test("reads answer at the counters the session lookup read, until the request's own write", arguments: allEngines)
    func countersHoldUntilOwnWrite(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 20, today: testToday, actor: testActor, now: testNow)
            let catalog = try await ReferenceRepository(database: database).catalog()
            let projects = ProjectRepository(database: database)
            let account = try await UserRepository(database: database).create(
                username: "counters", settings: AccountSettings(displayName: "计数", roles: [.admin], unit: nil, positionId: nil),
                passwordHash: "hash", mustChangePassword: false, actor: testActor, now: testNow)
            let (session, _) = try await SessionRepository(database: database).create(userId: account.id, now: testNow, expiresAt: testNow.addingTimeInterval(600), sourceIP: "", userAgent: "")
            let (token, _) = try await TokenRepository(database: database).issue(userId: account.id, name: "对接", actor: testActor, now: testNow)

            let ledger = try await LedgerGeneration.current(database.reader)
            let figures = try await FiguresGeneration.read(database.reader)
            let found = try #require(try await SessionRepository(database: database).findWithUser(token: session))
            #expect(found.counters.ledger == ledger && found.counters.figures == figures && found.user.roles == [.admin])
            let byToken = try #require(try await TokenRepository(database: database).find(token: token))
            #expect(byToken.counters.ledger == ledger && byToken.user.id == account.id && byToken.token.name == "对接")

            var query = ProjectQuery()
            query.perPage = 100
            try await found.counters.during {
                // Another instance's write, after the request began: the request answers as of its start.
                let elsewhere = try await Task.detached {
                    try await projects.create(sampleInput(name: "别处录入"), stage: .reserve, allowed: .everything, actor: testActor,
                                              catalog: catalog, today: testToday, now: testNow)
                }.value
                let atStart = try await projects.list(query, scope: .everything, catalog: catalog, today: testToday, cached: false)
                #expect(atStart.generation == ledger)
                #expect(try await FiguresGeneration.current(database) == figures)

                // Its own write: what it reads next includes it and the write elsewhere.
                let own = try await projects.create(sampleInput(name: "本请求录入"), stage: .reserve, allowed: .everything, actor: testActor,
                                                    catalog: catalog, today: testToday, now: testNow)
                let after = try await projects.list(query, scope: .everything, catalog: catalog, today: testToday, cached: false)
                #expect(after.generation == (try await LedgerGeneration.current(database.reader)) && after.generation > ledger)
                #expect(Set([own.id, elsewhere.id]).isSubset(of: Set(after.projects.map(\.id))))
                #expect(try await projects.project(id: own.id)?.fields.name == "本请求录入")
                #expect(try await FiguresGeneration.current(database) != figures)
            }
        }
    }
}
