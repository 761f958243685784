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

    public var projects: ProjectRepository { ProjectRepository(database: database) }
    public var users: UserRepository { UserRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
    public var audit: AuditLog { AuditLog(database: database) }

    public init(
        settings: AppSettings, database: Database, clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "groundbreak")
    ) async throws {
        self.settings = settings
        self.database = database
        self.clock = clock
        self.logger = logger
        self.reference = ReferenceCache(catalog: try await ReferenceRepository(database: database).catalog())
    }

    public func catalog() -> ReferenceCatalog {
        reference.current
    }

    /// Reads reference data again, after an administrator or a loader changed it.
    public func reloadCatalog() async throws {
        reference.replace(with: try await ReferenceRepository(database: database).catalog())
    }
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
