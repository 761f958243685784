import Foundation
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Builds the Groundbreak HTTP application around its services.
public enum GroundbreakApplication {
    public static func router(services: AppServices) -> Router<AppContext> {
        let router = Router(context: AppContext.self)
        router.add(middleware: ClientAddressMiddleware(proxies: (try? TrustedProxies.parse(services.settings.trustedProxies).get()) ?? .none))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthenticationMiddleware(services: services))
        EndpointRegistry.register(on: router, services: services)
        return router
    }

    public static func build(services: AppServices) -> some ApplicationProtocol {
        bootstrapMetrics()
        let settings = services.settings
        let scheduler = Scheduler(services: services, settings: Scheduler.Settings(interval: settings.schedulerInterval,
                                                                                 lease: max(120, settings.schedulerInterval * 4)))
        var background: [any Service] = [SharedDataFollower(services: services)]
        if settings.schedulerEnabled { background.append(scheduler) }
        if settings.warmFigures { background.append(FiguresWarmer(services: services)) }
        return Application(
            router: router(services: services),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Groundbreak"),
            services: background,
            logger: services.logger
        )
    }

    /// The process's metrics, served at `/metrics`.
    public static let metricsRegistry = PrometheusCollectorRegistry()
    nonisolated(unsafe) private static var metricsBootstrapped = false
    private static let metricsLock = NSLock()

    /// swift-metrics can be bootstrapped once per process.
    static func bootstrapMetrics() {
        metricsLock.withLock {
            guard !metricsBootstrapped else { return }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metricsRegistry))
            metricsBootstrapped = true
        }
    }
}
