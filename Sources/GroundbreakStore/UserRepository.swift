import Foundation
import GroundbreakDomain
import SQLKit

/// A person who signs in.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var isAdmin: Bool
    public var mustChangePassword: Bool
    public var disabled: Bool
}

public struct UserRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case usernameTaken(String)
        case invalidUsername

        public var description: String {
            switch self {
            case .usernameTaken(let name): StoreText.usernameTaken(name)
            case .invalidUsername: StoreText.invalidUsername
            }
        }
    }

    static func isValidUsername(_ name: String) -> Bool {
        (3...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    public func create(
        username: String, displayName: String, passwordHash: String, isAdmin: Bool, mustChangePassword: Bool,
        actor: AuditActor, now: Date = Date()
    ) async throws -> UserAccount {
        let name = username.lowercased()
        guard Self.isValidUsername(name) else { throw Problem.invalidUsername }
        return try await database.transaction { db in
            if try await db.raw("SELECT id FROM users WHERE username = \(bind: name)").first() != nil {
                throw Problem.usernameTaken(name)
            }
            let stamp = StoredTime.text(now)
            let id = try await db.raw("""
                INSERT INTO users (username, display_name, password_hash, is_admin, must_change_password, disabled, created_at, updated_at)
                VALUES (\(bind: name), \(bind: displayName), \(bind: passwordHash), \(bind: isAdmin ? 1 : 0),
                        \(bind: mustChangePassword ? 1 : 0), 0, \(bind: stamp), \(bind: stamp))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            let account = UserAccount(
                id: id, username: name, displayName: displayName, passwordHash: passwordHash, isAdmin: isAdmin,
                mustChangePassword: mustChangePassword, disabled: false
            )
            try await AuditLog.write(
                entity: "user", entityId: String(id), action: "create", before: nil,
                after: AuditLog.json(["username": name, "displayName": displayName, "isAdmin": String(isAdmin)]),
                actor: actor, now: now, db: db
            )
            return account
        }
    }

    public func find(username: String) async throws -> UserAccount? {
        try await database.sql.raw("SELECT * FROM users WHERE username = \(bind: username.lowercased())").first().map(Self.account)
    }

    public func find(id: Int64) async throws -> UserAccount? {
        try await database.sql.raw("SELECT * FROM users WHERE id = \(bind: id)").first().map(Self.account)
    }

    public func count() async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM users").first()!.decode(column: "n", as: Int.self)
    }

    static func account(_ row: any SQLRow) throws -> UserAccount {
        UserAccount(
            id: try row.decode(column: "id", as: Int64.self),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            isAdmin: try row.decode(column: "is_admin", as: Int.self) != 0,
            mustChangePassword: try row.decode(column: "must_change_password", as: Int.self) != 0,
            disabled: try row.decode(column: "disabled", as: Int.self) != 0
        )
    }
}
