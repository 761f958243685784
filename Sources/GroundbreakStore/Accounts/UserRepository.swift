import Foundation
import GroundbreakDomain
import SQLKit

public struct UserRepository: Sendable {
    public let database: Database

    /// Consecutive failures that lock an account, and for how long.
    public static let lockAfterFailures = 5
    public static let lockDuration: TimeInterval = 15 * 60
    /// A new password may not repeat one of this many previous ones.
    public static let passwordHistoryDepth = 5

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
        username: String, settings: AccountSettings, passwordHash: String, mustChangePassword: Bool, actor: AuditActor, now: Date = Date()
    ) async throws -> UserAccount {
        let name = username.lowercased()
        guard Self.isValidUsername(name) else { throw Problem.invalidUsername }
        return try await database.transaction { db in
            if try await db.raw("SELECT id FROM users WHERE username = \(bind: name)").first() != nil {
                throw Problem.usernameTaken(name)
            }
            let stamp = StoredTime.text(now)
            let id = try await db.raw("""
                INSERT INTO users (username, display_name, password_hash, is_admin, must_change_password, disabled, created_at, updated_at,
                                   unit_kind, unit_code, position_id, password_changed_at)
                VALUES (\(bind: name), \(bind: settings.displayName), \(bind: passwordHash), 0, \(bind: mustChangePassword ? 1 : 0),
                        \(bind: settings.disabled ? 1 : 0), \(bind: stamp), \(bind: stamp), \(bind: settings.unit?.kind.rawValue),
                        \(bind: settings.unit?.code), \(bind: settings.positionId), \(bind: stamp))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await Self.writeRoles(id, settings.roles, db: db)
            try await db.raw("""
                INSERT INTO password_history (user_id, password_hash, created_at) VALUES (\(bind: id), \(bind: passwordHash), \(bind: stamp))
                """).run()
            try await AuditLog.write(
                entity: "user", entityId: String(id), action: "create", before: nil, after: AuditLog.json(Self.snapshot(name, settings)),
                actor: actor, now: now, db: db
            )
            guard let account = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            return account
        }
    }

    /// Changes roles, unit, seat, name or the disabled flag.
    public func update(id: Int64, settings: AccountSettings, actor: AuditActor, now: Date = Date()) async throws -> UserAccount {
        try await database.transaction { db in
            guard let before = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            try await db.raw("""
                UPDATE users SET display_name = \(bind: settings.displayName), unit_kind = \(bind: settings.unit?.kind.rawValue),
                    unit_code = \(bind: settings.unit?.code), position_id = \(bind: settings.positionId),
                    disabled = \(bind: settings.disabled ? 1 : 0), updated_at = \(bind: StoredTime.text(now))
                WHERE id = \(bind: id)
                """).run()
            try await db.raw("DELETE FROM user_roles WHERE user_id = \(bind: id)").run()
            try await Self.writeRoles(id, settings.roles, db: db)
            if settings.disabled { try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run() }
            let old = AccountSettings(displayName: before.displayName, roles: before.roles, unit: before.unit, positionId: before.positionId, disabled: before.disabled)
            try await AuditLog.write(
                entity: "user", entityId: String(id), action: "update", before: AuditLog.json(Self.snapshot(before.username, old)),
                after: AuditLog.json(Self.snapshot(before.username, settings)), actor: actor, now: now, db: db
            )
            guard let account = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            return account
        }
    }

    /// Sets a new password (already checked against the rules and history), clears any lock,
    /// and ends the account's other sessions; `keepSession` is the one to keep, if any.
    public func setPassword(
        id: Int64, hash: String, mustChange: Bool, keepSession: String?, action: String, actor: AuditActor, now: Date = Date()
    ) async throws {
        try await database.transaction { db in
            let stamp = StoredTime.text(now)
            try await db.raw("""
                UPDATE users SET password_hash = \(bind: hash), must_change_password = \(bind: mustChange ? 1 : 0),
                    password_changed_at = \(bind: stamp), failed_attempts = 0, locked_until = NULL, updated_at = \(bind: stamp)
                WHERE id = \(bind: id)
                """).run()
            try await db.raw("INSERT INTO password_history (user_id, password_hash, created_at) VALUES (\(bind: id), \(bind: hash), \(bind: stamp))").run()
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id) AND token_hash <> \(bind: keepSession ?? "")").run()
            try await AuditLog.write(entity: "user", entityId: String(id), action: action, before: nil, after: nil, actor: actor, now: now, db: db)
        }
    }

    /// The most recent password hashes, newest first (the current one included).
    public func recentPasswordHashes(id: Int64) async throws -> [String] {
        try await database.reader.raw("""
            SELECT password_hash FROM password_history WHERE user_id = \(bind: id) ORDER BY id DESC LIMIT \(literal: Self.passwordHistoryDepth)
            """).all().map { try $0.decode(column: "password_hash", as: String.self) }
    }

    /// Claims one password check for the account before the (slow) hash comparison runs: the
    /// check is counted as a failure up front, in one statement, so parallel guesses cannot all
    /// pass the lock check. False when the account is locked, or as many checks as would lock it
    /// are already counted.
    public func beginPasswordCheck(id: Int64, now: Date) async throws -> Bool {
        try await database.transaction { db in
            try await db.raw("""
                UPDATE users SET failed_attempts = failed_attempts + 1
                WHERE id = \(bind: id) AND failed_attempts < \(bind: Self.lockAfterFailures)
                  AND (locked_until IS NULL OR locked_until <= \(bind: StoredTime.text(now)))
                RETURNING id
                """).first() != nil
        }
    }

    /// Settles a check begun with `beginPasswordCheck`: a match clears the count; a mismatch
    /// leaves it counted and locks the account when the count has reached the limit. Returns
    /// the account after.
    public func finishPasswordCheck(id: Int64, matched: Bool, now: Date) async throws -> UserAccount? {
        try await database.transaction { db in
            if matched {
                try await db.raw("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = \(bind: id)").run()
            } else {
                let lock = StoredTime.text(now.addingTimeInterval(Self.lockDuration))
                try await db.raw("""
                    UPDATE users SET failed_attempts = 0, locked_until = \(bind: lock)
                    WHERE id = \(bind: id) AND failed_attempts >= \(bind: Self.lockAfterFailures)
                    """).run()
            }
            return try await Self.load(id: id, db: db)
        }
    }

    /// Locks until `until` (or unlocks with `nil`), as an administrator's action.
    public func setLock(id: Int64, until: Date?, actor: AuditActor, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await Self.load(id: id, db: db) != nil else { throw StoreError.notFound }
            try await db.raw("""
                UPDATE users SET locked_until = \(bind: until.map(StoredTime.text)), failed_attempts = 0 WHERE id = \(bind: id)
                """).run()
            if until != nil { try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run() }
            let detail = try until.flatMap { try AuditLog.json(["lockedUntil": StoredTime.text($0)]) }
            try await AuditLog.write(entity: "user", entityId: String(id), action: until == nil ? "unlock" : "lock", before: nil,
                                     after: detail, actor: actor, now: now, db: db)
        }
    }

    public func find(username: String) async throws -> UserAccount? {
        guard let row = try await database.reader.raw("SELECT id FROM users WHERE username = \(bind: username.lowercased())").first() else { return nil }
        return try await Self.load(id: try row.decode(column: "id", as: Int64.self), db: database.reader)
    }

    public func find(id: Int64) async throws -> UserAccount? {
        try await Self.load(id: id, db: database.reader)
    }

    public func all() async throws -> [UserAccount] {
        let rows = try await database.reader.raw("SELECT * FROM users ORDER BY username").all()
        let roles = try await Self.roles(db: database.reader)
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return try Self.account(row, roles: roles[id] ?? [])
        }
    }

    public func count() async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM users").first()!.decode(column: "n", as: Int.self)
    }

    // MARK: Rows

    static func load(id: Int64, db: any SQLDatabase) async throws -> UserAccount? {
        guard let row = try await db.raw("SELECT * FROM users WHERE id = \(bind: id)").first() else { return nil }
        let roles = try await db.raw("SELECT role FROM user_roles WHERE user_id = \(bind: id)").all()
            .compactMap { Role(rawValue: try $0.decode(column: "role", as: String.self)) }
        return try account(row, roles: Set(roles))
    }

    static func roles(db: any SQLDatabase) async throws -> [Int64: Set<Role>] {
        var result: [Int64: Set<Role>] = [:]
        for row in try await db.raw("SELECT user_id, role FROM user_roles").all() {
            if let role = Role(rawValue: try row.decode(column: "role", as: String.self)) {
                result[try row.decode(column: "user_id", as: Int64.self), default: []].insert(role)
            }
        }
        return result
    }

    static func writeRoles(_ id: Int64, _ roles: Set<Role>, db: any SQLDatabase) async throws {
        for role in roles.sorted() {
            try await db.raw("INSERT INTO user_roles (user_id, role) VALUES (\(bind: id), \(bind: role.rawValue))").run()
        }
    }

    /// The columns of `users u` that `account` reads, for statements that join an account to
    /// other rows (a session's lookup names only these: SQLite prepares it on every request).
    static let accountColumns = """
        u.id, u.username, u.display_name, u.password_hash, u.unit_kind, u.unit_code, u.position_id,
        u.must_change_password, u.disabled, u.failed_attempts, u.locked_until
        """

    static func account(_ row: any SQLRow, roles: Set<Role>) throws -> UserAccount {
        let unitKind = try row.decode(column: "unit_kind", as: String?.self).flatMap(OrgUnit.Kind.init(rawValue:))
        let unitCode = try row.decode(column: "unit_code", as: String?.self)
        return UserAccount(
            id: try row.decode(column: "id", as: Int64.self),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            roles: roles,
            unit: unitKind.flatMap { kind in unitCode.map { OrgUnit(kind: kind, code: $0) } },
            positionId: try row.decode(column: "position_id", as: Int64?.self),
            mustChangePassword: try row.decode(column: "must_change_password", as: Int.self) != 0,
            disabled: try row.decode(column: "disabled", as: Int.self) != 0,
            failedAttempts: try row.decode(column: "failed_attempts", as: Int.self),
            lockedUntil: try StoredTime.decodeOptional(row, "locked_until")
        )
    }

    static func snapshot(_ username: String, _ settings: AccountSettings) -> [String: String] {
        [
            "username": username, "displayName": settings.displayName,
            "roles": settings.roles.sorted().map(\.rawValue).joined(separator: ","),
            "unit": settings.unit?.text ?? "", "positionId": settings.positionId.map(String.init) ?? "",
            "disabled": String(settings.disabled),
        ]
    }
}
