import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// A session's last request and a token's last use are noted once a minute however many requests
/// arrive together, on one instance or several: the write is conditional on the stored time.
@Suite("Noting a credential in use")
struct CredentialTouchTests {
    @Test("of many touches at once one moves the token's last use and writes the audit row; the next only after the interval", arguments: allEngines)
    func tokenOncePerInterval(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let (account, _) = try await AccountLookupTests.signedIn("toucher", store)
            let tokens = TokenRepository(database: store.database)
            let (_, issued) = try await tokens.issue(userId: account.id, name: "对接", actor: testActor, now: testNow)
            func uses() async throws -> Int {
                try await store.database.reader.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'token-use'").first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let moved = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await tokens.touch(id: issued.id, now: testNow, interval: 60, path: "/api/v1/projects", actor: testActor) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(moved == 1)
            #expect(try await uses() == 1)
            #expect(try await tokens.find(id: issued.id)?.lastUsedAt == testNow)

            #expect(try await !tokens.touch(id: issued.id, now: testNow.addingTimeInterval(59), interval: 60, path: "/", actor: testActor))
            #expect(try await uses() == 1)
            #expect(try await tokens.touch(id: issued.id, now: testNow.addingTimeInterval(60), interval: 60, path: "/", actor: testActor))
            #expect(try await uses() == 2)
            #expect(try await tokens.find(id: issued.id)?.lastUsedAt == testNow.addingTimeInterval(60))
        }
    }

    @Test("a session's last request moves only when the stored one is the interval old", arguments: allEngines)
    func sessionOncePerInterval(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let (_, token) = try await AccountLookupTests.signedIn("seer", store)
            let sessions = SessionRepository(database: store.database)
            func lastSeen() async throws -> Date? { try await sessions.findWithUser(token: token)?.session.lastSeenAt }
            try await sessions.touch(tokenHash: SessionRepository.hash(token), now: testNow.addingTimeInterval(30), interval: 60)
            #expect(try await lastSeen() == testNow)
            try await sessions.touch(tokenHash: SessionRepository.hash(token), now: testNow.addingTimeInterval(61), interval: 60)
            #expect(try await lastSeen() == testNow.addingTimeInterval(61))
        }
    }
}
