import GroundbreakStore

/// The accounts feature's repositories, as handlers reach them.
extension AppServices {
    public var users: UserRepository { UserRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
    public var audit: AuditLog { AuditLog(database: database) }
    public var tokens: TokenRepository { TokenRepository(database: database) }
    public var signInAttempts: SignInAttempts { SignInAttempts(database: database) }
    public var positions: PositionRepository { PositionRepository(database: database) }
}
