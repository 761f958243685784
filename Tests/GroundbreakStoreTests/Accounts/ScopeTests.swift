import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("Scope filter in the store")
struct ScopeTests {
    @Test("lists and totals cover only the scope; writes outside it are refused", arguments: allEngines)
    func scopedLists(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            _ = try await DemoLoader(database: store.database).load(count: 200, today: testToday, actor: testActor, now: testNow)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            let repository = ProjectRepository(database: store.database)
            var all = ProjectQuery()
            all.perPage = 500
            let everything = try await repository.list(all, scope: .everything, catalog: catalog, today: testToday).projects
            let scopes: [ProjectScope] = [
                ProjectScope([ScopeRule(.regions(catalog.regionSubtree("220113")))]),
                ProjectScope([ScopeRule(.departments(["CC-GXJ"], includingSupport: true))]),
                ProjectScope([ScopeRule(.departments(["CC-ZRZY"], includingSupport: true)), ScopeRule(.regions(["220104"]), stages: [.reserve, .attraction])]),
                ProjectScope([ScopeRule(.secretaryPositions(Set(everything.prefix(20).compactMap(\.fields.secretaryPositionId))))]),
                ProjectScope([ScopeRule(.sponsorPositions(Set(everything.compactMap(\.fields.sponsorPositionId))))]),
                .nothing,
            ]
            for scope in scopes {
                let page = try await repository.list(all, scope: scope, catalog: catalog, today: testToday)
                let want = everything.filter(scope.contains)
                #expect(Set(page.projects.map(\.id)) == Set(want.map(\.id)), "\(scope.key)")
                #expect(page.totalCount == want.count)
                #expect(page.totalInvestment == want.reduce(Money.zero) { $0 + $1.fields.totalInvestment })
            }

            let jiutai = ProjectScope([ScopeRule(.regions(["220113"]))])
            var outside = sampleInput(name: "越界录入")
            outside.regionCode = "220104"
            await #expect(throws: StoreError.forbidden) {
                _ = try await repository.create(outside, stage: .reserve, allowed: jiutai, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            }
            var inside = outside
            inside.regionCode = "220113"
            let created = try await repository.create(inside, stage: .reserve, allowed: jiutai, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            var moved = ProjectInput(fields: created.fields)
            moved.regionCode = "220104"
            let errors = await expectInvalid {
                _ = try await repository.update(id: created.id, expectedVersion: 1, moved, allowed: jiutai, actor: testActor,
                                                catalog: catalog, today: testToday, now: testNow)
            }
            #expect(errors.map(\.field) == ["scope"])
        }
    }
}

@Suite("Accounts in the store")
struct AccountStoreTests {
    @Test("tokens and sessions are stored as hashes only; roles, units and locks round-trip", arguments: allEngines)
    func accounts(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let users = UserRepository(database: store.database)
            let account = try await users.create(
                username: "Sec.Zhang", settings: AccountSettings(displayName: "张秘书", roles: [.secretary, .viewer], unit: OrgUnit(kind: .region, code: "220104"), positionId: nil),
                passwordHash: "hash-1", mustChangePassword: true, actor: testActor, now: testNow
            )
            #expect(account.username == "sec.zhang" && account.roles == [.secretary, .viewer] && account.unit?.text == "region:220104")
            let (token, _) = try await TokenRepository(database: store.database).issue(userId: account.id, name: "对接", actor: testActor, now: testNow)
            let (session, _) = try await SessionRepository(database: store.database).create(userId: account.id, now: testNow, expiresAt: testNow.addingTimeInterval(60), sourceIP: "", userAgent: "")
            let stored = try await store.database.reader.raw("SELECT token_hash FROM api_tokens UNION ALL SELECT token_hash FROM sessions").all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored.count == 2 && !stored.contains(token) && !stored.contains(session))
            #expect(try await SessionRepository(database: store.database).findWithUser(token: session)?.user.roles == [.secretary, .viewer])

            for _ in 1..<UserRepository.lockAfterFailures {
                #expect(try await users.beginPasswordCheck(id: account.id, now: testNow))
                _ = try await users.finishPasswordCheck(id: account.id, matched: false, now: testNow)
            }
            #expect(try await users.find(id: account.id)?.isLocked(at: testNow) == false)
            #expect(try await users.beginPasswordCheck(id: account.id, now: testNow))
            let locked = try await users.finishPasswordCheck(id: account.id, matched: false, now: testNow)
            #expect(locked?.isLocked(at: testNow.addingTimeInterval(14 * 60)) == true)
            #expect(locked?.isLocked(at: testNow.addingTimeInterval(15 * 60 + 1)) == false)
            #expect(try await users.beginPasswordCheck(id: account.id, now: testNow.addingTimeInterval(60)) == false, "no check while locked")
            #expect(try await users.beginPasswordCheck(id: account.id, now: testNow.addingTimeInterval(15 * 60 + 1)), "the lock runs out")
            #expect(try await users.finishPasswordCheck(id: account.id, matched: true, now: testNow)?.failedAttempts == 0)

            // Checks begun at once: only as many as would lock pass up front, whatever the engine.
            let claims = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 { group.addTask { try await users.beginPasswordCheck(id: account.id, now: testNow) } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(claims == UserRepository.lockAfterFailures)
            try await users.setLock(id: account.id, until: nil, actor: testActor, now: testNow)

            for index in 2...7 {
                try await users.setPassword(id: account.id, hash: "hash-\(index)", mustChange: false, keepSession: nil, action: "password-change", actor: testActor, now: testNow)
            }
            #expect(try await users.recentPasswordHashes(id: account.id) == ["hash-7", "hash-6", "hash-5", "hash-4", "hash-3"])
            #expect(try await SessionRepository(database: store.database).find(token: session) == nil, "a password change ends other sessions")
        }
    }
}
