import GroundbreakStore
import Logging
import ServiceLifecycle

/// With `GROUNDBREAK_FIGURES_WARM=true`, reads the figures' snapshot and the ledger's index as the
/// server starts, so that the first leader after a restart does not wait for them (at 100,000
/// projects 16 s on SQLite and 28 s on PostgreSQL, `docs/performance.md`) — paying their memory
/// from the start (about 1.3 GiB there) instead of from the first figure page.
public struct FiguresWarmer: Service {
    let services: AppServices

    public init(services: AppServices) {
        self.services = services
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown { await warm() }
        // A service that returns would stop the server; this one waits for the others.
        try? await gracefulShutdown()
    }

    func warm() async {
        let started = ContinuousClock.now
        do {
            try await services.database.warm()
            services.logger.info("figures read at start", metadata: ["took": "\(ContinuousClock.now - started)"])
        } catch {
            services.logger.warning("figures not read at start; the first figure page reads them", metadata: ["error": "\(error)"])
        }
    }
}
