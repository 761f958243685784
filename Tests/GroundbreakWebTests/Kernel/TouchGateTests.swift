import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import HummingbirdTesting
@testable import GroundbreakWeb
import Testing

/// Of the requests one token or session sends at once when its minute is up, one notes it in use:
/// the others neither queue a write behind it nor add an audit row.
@Suite("Noting a credential in use, once a minute")
struct TouchGateTests {
    @Test("the first claim of a key in an interval is granted, the rest refused until the interval passes or the claim is given back")
    func claims() {
        let gate = TouchGate(limit: 3)
        let now = Date(timeIntervalSince1970: 1_764_500_000)
        #expect(gate.claim("token:1", now: now, interval: 60))
        #expect(!gate.claim("token:1", now: now.addingTimeInterval(59), interval: 60))
        #expect(gate.claim("session:a", now: now, interval: 60), "another credential is its own")
        #expect(gate.claim("token:1", now: now.addingTimeInterval(60), interval: 60))
        gate.release("token:1")
        #expect(gate.claim("token:1", now: now.addingTimeInterval(61), interval: 60), "a claim whose write failed is given back")
        #expect(gate.claim("token:1", now: now.addingTimeInterval(-10), interval: 60), "a clock set back does not hold the credential for longer")
        // Full: what is past its interval is dropped before another is noted.
        #expect(gate.claim("token:2", now: now.addingTimeInterval(200), interval: 60) && gate.claim("token:3", now: now.addingTimeInterval(200), interval: 60))
        #expect(gate.claim("token:4", now: now.addingTimeInterval(200), interval: 60))
        #expect(gate.count == 3)
    }

    @Test("sixteen requests at once with one token: one audit row of its use, its last use moved; a minute later one more")
    func tokenHerd() async throws {
        try await withWeb { fixture, client in
            let (token, issued) = try await fixture.services.tokens.issue(userId: fixture.userId, name: "省平台对接", actor: .system("test"), now: webNow)
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            func herd() async throws {
                try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for _ in 0..<16 {
                        group.addTask { try await client.send(.get, "/api/v1/me", as: fixture, signedIn: false, headers: headers).status }
                    }
                    for try await status in group { #expect(status == .ok) }
                }
            }
            func uses() async throws -> Int {
                var query = AuditQuery()
                query.entity = "api_token"
                query.action = "token-use"
                return try await fixture.services.audit.search(query).entries.count
            }
            try await herd()
            #expect(try await uses() == 1)
            #expect(try await fixture.services.tokens.tokens(userId: fixture.userId).first { $0.id == issued.id }?.lastUsedAt == webNow)
            fixture.clock.advance(by: 30)
            try await herd()
            #expect(try await uses() == 1, "within the minute nothing more is written")
            fixture.clock.advance(by: 31)
            try await herd()
            #expect(try await uses() == 2)
            fixture.clock.set(webNow)
        }
    }
}
