import Crypto
import Foundation
import GroundbreakDomain
import SQLKit

/// Sessions live in the database so that several server instances share them.
public struct SessionRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    /// 32 random bytes, URL-safe.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Starts a session; returns the token for the cookie.
    public func create(userId: Int64, now: Date, expiresAt: Date, sourceIP: String, userAgent: String) async throws -> (token: String, record: SessionRecord) {
        let token = Self.randomToken()
        let record = SessionRecord(
            tokenHash: Self.hash(token), userId: userId, csrfToken: Self.randomToken(),
            createdAt: now, lastSeenAt: now, expiresAt: expiresAt
        )
        try await database.write("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, source_ip, user_agent)
            VALUES (\(bind: record.tokenHash), \(bind: userId), \(bind: record.csrfToken), \(bind: StoredTime.text(now)),
                    \(bind: StoredTime.text(now)), \(bind: StoredTime.text(expiresAt)), \(bind: sourceIP), \(bind: String(userAgent.prefix(300))))
            """)
        return (token, record)
    }

    public func find(token: String) async throws -> SessionRecord? {
        guard let row = try await database.reader.raw("SELECT * FROM sessions WHERE token_hash = \(bind: Self.hash(token))").first() else {
            return nil
        }
        return try Self.record(row)
    }

    /// The session, its account and the request's counters in one query: this runs on every
    /// signed-in request, and the reads after it answer at those counters (`RequestCounters`).
    /// Or as kept from an earlier request, when `reusable` accepts the kept session and nothing
    /// about any credential or account has changed since (`Database.credential`).
    public func findWithUser(token: String, reusable: (SessionRecord, UserAccount) -> Bool = { _, _ in false }) async throws -> (session: SessionRecord, user: UserAccount, counters: RequestCounters)? {
        let hash = Self.hash(token)
        return try await database.credential(hash, in: database.sessionsKept, reusable: reusable) {
            guard let row = try await database.keptFirst(SessionLookup.self, hash) else { return nil }
            let record = SessionRecord(
                tokenHash: try row.decode(column: "s_token_hash", as: String.self),
                userId: try row.decode(column: "id", as: Int64.self),
                csrfToken: try row.decode(column: "s_csrf_token", as: String.self),
                createdAt: try StoredTime.decode(row, "s_created_at"),
                lastSeenAt: try StoredTime.decode(row, "s_last_seen_at"),
                expiresAt: try StoredTime.decode(row, "s_expires_at")
            )
            return (record, try UserRepository.account(row, roles: Self.roles(row)), try RequestCounters.read(row))
        }
    }

    static func roles(_ row: any SQLRow) throws -> Set<Role> {
        let list = try row.decode(column: "role_list", as: String?.self) ?? ""
        return Set(list.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }

    /// Sessions of one account, newest first.
    public func sessions(userId: Int64) async throws -> [SessionRecord] {
        try await database.reader.raw("SELECT * FROM sessions WHERE user_id = \(bind: userId) ORDER BY created_at DESC").all().map(Self.record)
    }

    static func record(_ row: any SQLRow) throws -> SessionRecord {
        SessionRecord(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            userId: try row.decode(column: "user_id", as: Int64.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try StoredTime.decode(row, "created_at"),
            lastSeenAt: try StoredTime.decode(row, "last_seen_at"),
            expiresAt: try StoredTime.decode(row, "expires_at")
        )
    }

    /// Moves `last_seen_at` to `now` unless another request moved it within `interval`.
    public func touch(tokenHash: String, now: Date, interval: TimeInterval = 0) async throws {
        try await database.write("""
            UPDATE sessions SET last_seen_at = \(bind: StoredTime.text(now))
            WHERE token_hash = \(bind: tokenHash) AND last_seen_at <= \(bind: StoredTime.text(now.addingTimeInterval(-interval)))
            """)
    }

    public func delete(tokenHash: String) async throws {
        try await database.write("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)")
    }

    public func deleteAll(userId: Int64) async throws {
        try await database.write("DELETE FROM sessions WHERE user_id = \(bind: userId)")
    }

    /// Removes sessions past their absolute expiry or idle for longer than `idle`.
    public func purge(now: Date, idle: TimeInterval) async throws {
        try await database.write("""
            DELETE FROM sessions WHERE expires_at < \(bind: StoredTime.text(now)) OR last_seen_at < \(bind: StoredTime.text(now.addingTimeInterval(-idle)))
            """)
    }
}
