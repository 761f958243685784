import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakStore
import Logging
import Synchronization

/// What request handlers share: the store, the reference catalog, the clock and the settings.
public final class AppServices: Sendable {
    public let settings: AppSettings
    public let database: Database
    public let clock: any WallClock
    public let logger: Logger
    let reference: ReferenceCache
    /// Signs values the server hands out and must recognise later. In development without a
    /// configured secret, a random key per process (production refuses to start without one).
    private let signingKey: Data

    public var projects: ProjectRepository { ProjectRepository(database: database) }
    public var users: UserRepository { UserRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
    public var audit: AuditLog { AuditLog(database: database) }
    public var tokens: TokenRepository { TokenRepository(database: database) }
    public var signInAttempts: SignInAttempts { SignInAttempts(database: database) }
    public var positions: PositionRepository { PositionRepository(database: database) }

    /// Waits; sign-in throttling holds failing addresses with it. Tests replace it.
    let pause: @Sendable (Duration) async -> Void

    public init(
        settings: AppSettings, database: Database, clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "groundbreak"),
        pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) async throws {
        self.pause = pause
        self.settings = settings
        self.database = database
        self.clock = clock
        self.logger = logger
        self.signingKey = settings.secretKey.map { Data($0.utf8) } ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        self.reference = ReferenceCache(catalog: try await ReferenceRepository(database: database).catalog())
    }

    /// HMAC-SHA256 of `value` under the signing key, hex.
    func sign(_ value: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: signingKey)).map { String(format: "%02x", $0) }.joined()
    }

    public func catalog() -> ReferenceCatalog {
        reference.current
    }

    /// Reads reference data again, after an administrator or a loader changed it.
    public func reloadCatalog() async throws {
        reference.replace(with: try await ReferenceRepository(database: database).catalog())
        responses.clear()
    }

    /// Encoded answers to repeated identical reads; see `ResponseCache`.
    let responses = ResponseCache()
}

/// The current reference catalog, swapped whole when it changes.
final class ReferenceCache: Sendable {
    private let value: Mutex<ReferenceCatalog>

    init(catalog: ReferenceCatalog) {
        value = Mutex(catalog)
    }

    var current: ReferenceCatalog {
        value.withLock { $0 }
    }

    func replace(with catalog: ReferenceCatalog) {
        value.withLock { $0 = catalog }
    }
}
