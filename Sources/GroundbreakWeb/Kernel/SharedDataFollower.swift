import Foundation
import GroundbreakStore
import Logging
import ServiceLifecycle

/// Keeps what an instance holds in memory besides the ledger — the reference catalogue (with the
/// positions), the approval catalogue and the working-day calendar — in step with changes made
/// through another instance on the same database. Every such change bumps the ledger generation
/// in its transaction; when the generation has moved since the last look, the instance reads them
/// again. A change on this instance is read at once by the handler that made it; one made on
/// another instance within `interval`.
public struct SharedDataFollower: Service {
    let services: AppServices
    let interval: Duration

    public init(services: AppServices, interval: Duration = .seconds(2)) {
        self.services = services
        self.interval = interval
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var seen = try? await Self.generation(services)
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                seen = await follow(since: seen)
            }
        }
    }

    static func generation(_ services: AppServices) async throws -> Int64 {
        try await ReferenceRepository(database: services.database).sharedGeneration()
    }

    /// Reads the shared data again when the generation differs from `seen`; the generation now.
    func follow(since seen: Int64?) async -> Int64? {
        guard let now = try? await Self.generation(services) else { return seen }
        guard now != seen else { return seen }
        do {
            try await services.reloadCatalog()
            try await services.reloadApprovalData()
            return now
        } catch {
            services.logger.warning("shared data not read again", metadata: ["error": "\(error)"])
            return seen
        }
    }
}
