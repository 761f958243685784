import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("The account lookup every signed-in request starts with")
struct AccountLookupTests {
    @Test("a session and a live token find their account, roles and counters; a revoked, unknown or swapped one finds nothing", arguments: allEngines)
    func findsOnlyLiveCredentials(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let users = UserRepository(database: database)
            let account = try await users.create(
                username: "lookup", settings: AccountSettings(displayName: "查找", roles: [.statistics, .viewer], unit: nil, positionId: nil),
                passwordHash: "hash", mustChangePassword: false, actor: testActor, now: testNow)
            let sessions = SessionRepository(database: database), tokens = TokenRepository(database: database)
            let (session, _) = try await sessions.create(userId: account.id, now: testNow, expiresAt: testNow.addingTimeInterval(600), sourceIP: "", userAgent: "")
            let (token, issued) = try await tokens.issue(userId: account.id, name: "对接", actor: testActor, now: testNow)

            // More lookups than a pool has connections: each connection prepares once, then executes.
            for _ in 0..<12 {
                let found = try #require(try await sessions.findWithUser(token: session))
                #expect(found.user.id == account.id && found.user.roles == [.statistics, .viewer] && found.session.userId == account.id)
                let byToken = try #require(try await tokens.find(token: token))
                #expect(byToken.token.id == issued.id && byToken.user.username == "lookup")
            }
            #expect(try await sessions.findWithUser(token: token) == nil)
            #expect(try await tokens.find(token: TokenRepository.prefix + "unknown") == nil)
            #expect(try await sessions.findWithUser(token: "unknown") == nil)

            try await tokens.revoke(id: issued.id, actor: testActor, now: testNow)
            #expect(try await tokens.find(token: token) == nil)
            #expect(try await sessions.findWithUser(token: session) != nil)
        }
    }

    @Test("on PostgreSQL both lookups are prepared once on a connection and kept there")
    func preparedOncePerConnection() async throws {
        try await withTestStore(.postgres) { store in
            let (account, session) = try await Self.signedIn("kept", store)
            let (token, _) = try await TokenRepository(database: store.database).issue(userId: account.id, name: "对接", actor: testActor, now: testNow)

            try await store.elsewhere { single in
                for _ in 0..<3 {
                    #expect(try await SessionRepository(database: single).findWithUser(token: session)?.user.id == account.id)
                    #expect(try await TokenRepository(database: single).find(token: token)?.user.id == account.id)
                }
                let kept = try await single.reader.raw("SELECT name FROM pg_prepared_statements ORDER BY name").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                #expect(kept == [SessionLookup.name, TokenLookup.name])
            }
        }
    }

    @Test("on PostgreSQL a lookup that could not be prepared, or whose plan went stale under a migration, does not stay broken on its connection")
    func failedPreparationHeals() async throws {
        try await withTestStore(.postgres) { store in
            let (account, session) = try await Self.signedIn("heal", store)

            try await store.elsewhere { single in
                let sessions = SessionRepository(database: single)
                // The table it reads is away when the connection first prepares it: that request fails…
                try await store.database.write("ALTER TABLE sessions RENAME TO sessions_away")
                await #expect(throws: (any Error).self) { _ = try await sessions.findWithUser(token: session) }
                try await store.database.write("ALTER TABLE sessions_away RENAME TO sessions")
                // …and the next ones do not (PostgresNIO would otherwise answer every later one on
                // that connection with the first failure).
                #expect(try await sessions.findWithUser(token: session)?.user.id == account.id)
                #expect(try await sessions.findWithUser(token: session)?.user.id == account.id)

                // A column the prepared plan returns changes type: PostgreSQL refuses the plan from then on.
                try await store.database.write("ALTER TABLE users ALTER COLUMN display_name TYPE varchar(200)")
                #expect(try await sessions.findWithUser(token: session)?.user.id == account.id)
                #expect(try await sessions.findWithUser(token: session)?.user.id == account.id)
                let kept = try await single.reader.raw("SELECT name FROM pg_prepared_statements").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                #expect(kept == [SessionLookup.name], "prepared again on the connection that replaced the failed one")
            }
        }
    }

    /// An administrator with a session.
    static func signedIn(_ username: String, _ store: TestStore) async throws -> (account: UserAccount, session: String) {
        let account = try await UserRepository(database: store.database).create(
            username: username, settings: AccountSettings(displayName: "查找", roles: [.admin], unit: nil, positionId: nil),
            passwordHash: "hash", mustChangePassword: false, actor: testActor, now: testNow)
        let (session, _) = try await SessionRepository(database: store.database).create(
            userId: account.id, now: testNow, expiresAt: testNow.addingTimeInterval(600), sourceIP: "", userAgent: "")
        return (account, session)
    }
}
