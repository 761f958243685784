import Crypto
import Foundation
import GroundbreakDomain
import SQLKit

/// Tokens are shown once, at creation; the table keeps only their SHA-256.
public struct TokenRepository: Sendable {
    public let database: Database
    public static let prefix = "gbt_"

    public init(database: Database) {
        self.database = database
    }

    /// Issues a token for `userId`; returns the secret, which is never stored or shown again.
    public func issue(userId: Int64, name: String, actor: AuditActor, now: Date = Date()) async throws -> (token: String, record: APIToken) {
        let token = Self.prefix + SessionRepository.randomToken()
        let stamp = StoredTime.text(now)
        let id = try await database.transaction { db in
            guard try await db.raw("SELECT id FROM users WHERE id = \(bind: userId)").first() != nil else { throw StoreError.notFound }
            let id = try await db.raw("""
                INSERT INTO api_tokens (user_id, name, token_hash, created_at, created_by)
                VALUES (\(bind: userId), \(bind: name), \(bind: SessionRepository.hash(token)), \(bind: stamp), \(bind: actor.userId)) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "api_token", entityId: String(id), action: "issue", before: nil,
                                     after: AuditLog.json(["userId": String(userId), "name": name]), actor: actor, now: now, db: db)
            return id
        }
        return (token, APIToken(id: id, userId: userId, name: name, createdAt: now, lastUsedAt: nil, revokedAt: nil))
    }

    /// The live token (it exists and is not revoked), its account and the request's counters, in
    /// one query (`RequestCounters`), or as kept from an earlier request when `reusable` accepts
    /// the kept token and nothing about any credential or account has changed since
    /// (`Database.credential`).
    public func find(token: String, reusable: (APIToken, UserAccount) -> Bool = { _, _ in false }) async throws -> (token: APIToken, user: UserAccount, counters: RequestCounters)? {
        guard token.hasPrefix(Self.prefix) else { return nil }
        let hash = SessionRepository.hash(token)
        return try await database.credential(hash, in: database.tokensKept, reusable: reusable) {
            guard let row = try await database.keptFirst(TokenLookup.self, hash) else { return nil }
            let record = APIToken(
                id: try row.decode(column: "t_id", as: Int64.self),
                userId: try row.decode(column: "id", as: Int64.self),
                name: try row.decode(column: "t_name", as: String.self),
                createdAt: try StoredTime.decode(row, "t_created_at"),
                lastUsedAt: try StoredTime.decodeOptional(row, "t_last_used_at"),
                revokedAt: nil
            )
            return (record, try UserRepository.account(row, roles: SessionRepository.roles(row)), try RequestCounters.read(row))
        }
    }

    public func find(id: Int64) async throws -> APIToken? {
        try await database.reader.raw("SELECT * FROM api_tokens WHERE id = \(bind: id)").first().map(Self.record)
    }

    /// Notes the token's use (and the path it was used on) when it was last noted `interval` or
    /// more before `now`: of the requests one token sends at once, on however many instances, one
    /// moves `last_used_at` and writes the audit row. True when this call was that one.
    @discardableResult
    public func touch(id: Int64, now: Date, interval: TimeInterval, path: String, actor: AuditActor) async throws -> Bool {
        try await database.transaction { db in
            let moved = try await db.raw("""
                UPDATE api_tokens SET last_used_at = \(bind: StoredTime.text(now))
                WHERE id = \(bind: id) AND (last_used_at IS NULL OR last_used_at <= \(bind: StoredTime.text(now.addingTimeInterval(-interval))))
                RETURNING id
                """).first() != nil
            if moved {
                try await AuditLog.write(entity: "api_token", entityId: String(id), action: "token-use", before: nil, after: nil,
                                         reason: path, actor: actor, now: now, db: db)
            }
            return moved
        }
    }

    public func revoke(id: Int64, actor: AuditActor, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM api_tokens WHERE id = \(bind: id)").first() != nil else { throw StoreError.notFound }
            try await db.raw("UPDATE api_tokens SET revoked_at = \(bind: StoredTime.text(now)) WHERE id = \(bind: id) AND revoked_at IS NULL").run()
            try await AuditLog.write(entity: "api_token", entityId: String(id), action: "revoke", before: nil, after: nil, actor: actor, now: now, db: db)
        }
    }

    public func tokens(userId: Int64) async throws -> [APIToken] {
        try await database.reader.raw("SELECT * FROM api_tokens WHERE user_id = \(bind: userId) ORDER BY id DESC").all().map(Self.record)
    }

    static func record(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.decode(column: "id", as: Int64.self),
            userId: try row.decode(column: "user_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            createdAt: try StoredTime.decode(row, "created_at"),
            lastUsedAt: try StoredTime.decodeOptional(row, "last_used_at"),
            revokedAt: try StoredTime.decodeOptional(row, "revoked_at")
        )
    }
}

/// Sign-in attempts by source address, for slowing down an address that keeps failing.
public struct SignInAttempts: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func record(username: String, sourceIP: String, succeeded: Bool, now: Date) async throws {
        try await database.write("""
            INSERT INTO sign_in_attempts (username, source_ip, at, succeeded)
            VALUES (\(bind: Self.storedName(username)), \(bind: sourceIP), \(bind: StoredTime.text(now)), \(bind: succeeded ? 1 : 0))
            """)
    }

    /// Failures from `sourceIP` since `since`.
    /// Failures from `sourceIP` since `since`: as `username`, and as anyone.
    public func failures(from sourceIP: String, username: String, since: Date) async throws -> (name: Int, address: Int) {
        let row = try await database.reader.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN username = \(bind: Self.storedName(username)) THEN 1 ELSE 0 END), 0) AS named
            FROM sign_in_attempts WHERE source_ip = \(bind: sourceIP) AND at >= \(bind: StoredTime.text(since)) AND succeeded = 0
            """).first()
        return (try row?.decode(column: "named", as: Int.self) ?? 0, try row?.decode(column: "n", as: Int.self) ?? 0)
    }

    static func storedName(_ username: String) -> String { String(username.lowercased().prefix(64)) }
}
