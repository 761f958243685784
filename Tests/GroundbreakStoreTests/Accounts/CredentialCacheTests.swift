import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// Sessions and tokens kept in memory between requests (`CredentialCache`, migration 0043): a
/// kept one answers while nothing about any credential or account has changed, and any change,
/// made through another instance, the CLI or plain SQL, is seen by the next request.
@Suite("Credentials kept between requests")
struct CredentialCacheTests {
    /// Any kept credential may be reused (the web layer also asks that it be neither expired nor due a touch).
    static func always(_: Any, _: UserAccount) -> Bool { true }

    @Test("a kept session or token answers until a change to a credential or an account, made anywhere, moves the accounts' counter", arguments: allEngines)
    func keptUntilAnyChange(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let here = store.database
            let users = UserRepository(database: here)
            let account = try await users.create(
                username: "kept", settings: AccountSettings(displayName: "缓存", roles: [.viewer], unit: nil, positionId: nil),
                passwordHash: "hash", mustChangePassword: false, actor: testActor, now: testNow)
            let sessions = SessionRepository(database: here), tokens = TokenRepository(database: here)
            let (session, _) = try await sessions.create(userId: account.id, now: testNow, expiresAt: testNow.addingTimeInterval(3600), sourceIP: "", userAgent: "")
            let (token, issued) = try await tokens.issue(userId: account.id, name: "对接", actor: testActor, now: testNow)
            func bySession() async throws -> UserAccount? { try await sessions.findWithUser(token: session, reusable: Self.always)?.user }
            func byToken() async throws -> UserAccount? { try await tokens.find(token: token, reusable: Self.always)?.user }
            #expect(try await bySession()?.roles == [.viewer])
            #expect(try await byToken()?.roles == [.viewer])

            try await store.elsewhere { other in
                func accounts() async throws -> Int64 {
                    try await other.reader.raw("SELECT generation FROM accounts_state WHERE id = 1").first()!.decode(column: "generation", as: Int64.self)
                }
                let before = try await accounts()
                // What the request checks by time, or never reads, does not move the counter: the kept rows answer.
                try await other.write("UPDATE sessions SET last_seen_at = '2026-12-01T00:00:00Z'")
                try await other.write("UPDATE api_tokens SET last_used_at = '2026-12-01T00:00:00Z'")
                try await other.write("UPDATE users SET failed_attempts = 3 WHERE id = \(bind: account.id)")
                #expect(try await accounts() == before)
                #expect(try await sessions.findWithUser(token: session, reusable: Self.always)?.session.lastSeenAt == testNow, "the kept session")
                #expect(try await byToken()?.failedAttempts == 0, "the kept account")
                let fresh = try await sessions.findWithUser(token: session)
                #expect(fresh?.session.lastSeenAt != testNow, "refused for reuse, the session is read again")

                // Each change below, made on the other instance, is seen here by the next lookup.
                _ = try await UserRepository(database: other).update(
                    id: account.id, settings: AccountSettings(displayName: "缓存", roles: [.viewer, .statistics], unit: nil, positionId: nil),
                    actor: testActor, now: testNow)
                #expect(try await bySession()?.roles == [.viewer, .statistics])
                #expect(try await byToken()?.roles == [.viewer, .statistics])

                try await other.write("UPDATE users SET disabled = 1 WHERE id = \(bind: account.id)")
                #expect(try await bySession()?.disabled == true)
                #expect(try await byToken()?.disabled == true)
                try await other.write("UPDATE users SET disabled = 0 WHERE id = \(bind: account.id)")
                #expect(try await byToken()?.disabled == false)

                try await other.write("UPDATE users SET locked_until = '2099-01-01T00:00:00Z' WHERE id = \(bind: account.id)")
                #expect(try await byToken()?.isLocked(at: testNow) == true)
                try await other.write("UPDATE users SET locked_until = NULL WHERE id = \(bind: account.id)")
                #expect(try await byToken()?.isLocked(at: testNow) == false)

                try await other.write("DELETE FROM user_roles WHERE user_id = \(bind: account.id) AND role = 'statistics'")
                #expect(try await bySession()?.roles == [.viewer])

                try await TokenRepository(database: other).revoke(id: issued.id, actor: testActor, now: testNow)
                #expect(try await byToken() == nil, "a token revoked elsewhere")
                #expect(try await bySession() != nil)

                try await other.write("DELETE FROM sessions")
                #expect(try await bySession() == nil, "a session ended elsewhere")
                #expect(try await accounts() > before)
            }
        }
    }

    @Test("the counters a request is answered at count every write committed before it asked, however many ask at once", arguments: allEngines)
    func countersAreNeverOlderThanTheRequest(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let here = store.database
            try await store.elsewhere { other in
                // Many requests asking all the time, so that a read is nearly always under way
                // when the one checked below asks.
                let busy = Task.detached {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<16 {
                            group.addTask { while !Task.isCancelled { _ = try await here.countersNow() } }
                        }
                        try await group.waitForAll()
                    }
                }
                for round in 0..<100 {
                    // A write committed on the other instance, then at once a request here: only
                    // this test writes, so the counters read after the request are the write's.
                    try await other.write("UPDATE ledger_state SET generation = generation + 1 WHERE id = 1")
                    try await other.write("UPDATE data_state SET generation = generation + 1 WHERE id = 1")
                    let seen = try await here.countersNow()
                    let ledger = try await LedgerGeneration.current(other.reader)
                    let figures = try await FiguresGeneration.read(other.reader)
                    #expect(seen.ledger == ledger && seen.figures == figures, "round \(round)")
                }
                busy.cancel()
                _ = await busy.result
            }
        }
    }

    @Test("a kept credential's request reads the counters alone, prepared once on a PostgreSQL connection")
    func countersPreparedOnce() async throws {
        try await withTestStore(.postgres) { store in
            let (account, session) = try await AccountLookupTests.signedIn("counters", store)
            try await store.elsewhere { single in
                let sessions = SessionRepository(database: single)
                for _ in 0..<4 {
                    #expect(try await sessions.findWithUser(token: session, reusable: Self.always)?.user.id == account.id)
                }
                let kept = try await single.reader.raw("SELECT name FROM pg_prepared_statements ORDER BY name").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                #expect(kept == [CountersRead.name, SessionLookup.name])
            }
        }
    }
}
