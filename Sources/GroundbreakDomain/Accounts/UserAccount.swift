import Foundation

/// A person who signs in.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var roles: Set<Role>
    public var unit: OrgUnit?
    public var positionId: Int64?
    public var mustChangePassword: Bool
    public var disabled: Bool
    public var failedAttempts: Int
    public var lockedUntil: Date?

    public var isAdmin: Bool { roles.contains(.admin) }

    public func isLocked(at now: Date) -> Bool {
        lockedUntil.map { $0 > now } ?? false
    }

    public var principal: Principal {
        Principal(userId: id, username: username, displayName: displayName, roles: roles, unit: unit,
                  positionId: positionId, mustChangePassword: mustChangePassword)
    }

    public init(id: Int64, username: String, displayName: String, passwordHash: String, roles: Set<Role>, unit: OrgUnit? = nil, positionId: Int64? = nil, mustChangePassword: Bool, disabled: Bool, failedAttempts: Int, lockedUntil: Date? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roles = roles
        self.unit = unit
        self.positionId = positionId
        self.mustChangePassword = mustChangePassword
        self.disabled = disabled
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }
}

/// What an administrator sets on an account.
public struct AccountSettings: Sendable, Equatable {
    public var displayName: String
    public var roles: Set<Role>
    public var unit: OrgUnit?
    public var positionId: Int64?
    public var disabled: Bool

    public init(displayName: String, roles: Set<Role>, unit: OrgUnit?, positionId: Int64?, disabled: Bool = false) {
        self.displayName = displayName
        self.roles = roles
        self.unit = unit
        self.positionId = positionId
        self.disabled = disabled
    }
}
