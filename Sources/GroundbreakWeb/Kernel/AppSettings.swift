import Foundation
import GroundbreakStore
import Logging

/// Everything the server needs to know, resolved once at start (CLI > environment > .env >
/// defaults; see the executable's configuration loader).
public struct AppSettings: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case development
        case production
    }

    public var mode: Mode = .development
    public var host = "127.0.0.1"
    public var port = 8080
    public var database: DatabaseLocation = .sqlite(path: DatabaseLocation.defaultSQLitePath)
    /// A PostgreSQL streaming replica of `database` for reads that tolerate lag (see `ReadRouting`).
    public var readDatabase: DatabaseLocation?
    /// How old, in seconds, what the replica last replayed may be before those reads go to the primary.
    public var readMaxLag: Double = 5
    /// For how many seconds the figures a dashboard, ranking, big screen or export shows may have
    /// missed changes while the newest are computed for the next reader (see `FiguresLag`); 0
    /// waits for the newest.
    public var figuresMaxLag: Double = 30
    /// The most `figuresMaxLag` may be.
    static let figuresMaxLagLimit: Int64 = 60
    var figuresMaxLagDuration: Duration { Self.duration(seconds: figuresMaxLag) }
    /// The longer of the two lags a read may be allowed (the replica's, the figures'): for so long
    /// a caller's own write must be remembered (`RecentWrites`, the `gb_seen` cookie).
    var longestReadLag: Duration { max(Self.duration(seconds: readMaxLag), figuresMaxLagDuration) }
    private static func duration(seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }
    /// Signs the sign-in form's CSRF token (and, later, other server-issued values); required in production.
    public var secretKey: String?
    /// bcrypt cost for new password hashes (4…31); 12 in production.
    public var bcryptCost = 12
    /// Mark cookies `Secure`. Also set automatically for requests that arrived over TLS at a proxy.
    public var secureCookies = false
    /// Idle and absolute session lifetimes.
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    public var sessionAbsoluteTimeout: TimeInterval = 12 * 3600
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes = 1 << 20
    /// Largest photo upload accepted, in bytes.
    public var maxUploadBytes = 10 << 20
    /// Where attachment files are kept (local disk storage).
    public var attachmentsDirectory = "./attachments"
    /// Connections per event loop in the database pool.
    public var databasePoolSize = 8
    /// Whether this instance takes part in running timed jobs (one instance runs them at a time).
    public var schedulerEnabled = true
    /// Read the figures' snapshot and the ledger's index as the server starts (`FiguresWarmer`)
    /// instead of at the first figure page and ledger list.
    public var warmFigures = false
    /// Seconds between the scheduler's ticks.
    public var schedulerInterval: Double = 30
    /// Reverse proxies whose `X-Forwarded-For` is believed (addresses and IPv4 networks, comma
    /// separated). Empty: the TCP peer is the client.
    public var trustedProxies = ""
    /// The lowest level the log writes (`GROUNDBREAK_LOG_LEVEL`): `debug` adds each move of the
    /// ledger index and the database pool's waits, `warning` keeps only what needs an operator.
    public var logLevel: Logger.Level = .info

    public struct InvalidSetting: Error, CustomStringConvertible {
        public let description: String
    }

    public init() {}

    public struct MissingSecret: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            WebText.Server.missingSecret(name)
        }
    }

    /// Production refuses to start with a missing or weak secret instead of falling back to one.
    public func validated() throws -> AppSettings {
        if case .failure(let bad) = TrustedProxies.parse(trustedProxies) {
            throw InvalidSetting(description: WebText.Server.badTrustedProxy(bad.text))
        }
        if readDatabase != nil, database.engine != .postgres {
            throw InvalidSetting(description: WebText.Server.replicaNeedsPostgres)
        }
        guard readMaxLag >= 0, readMaxLag <= 3600 else { throw InvalidSetting(description: WebText.Server.badReadMaxLag) }
        guard figuresMaxLag >= 0, figuresMaxLag <= Double(Self.figuresMaxLagLimit) else {
            throw InvalidSetting(description: WebText.Server.badFiguresMaxLag(Self.figuresMaxLagLimit))
        }
        guard mode == .production else { return self }
        guard let secretKey, secretKey.utf8.count >= 32 else {
            throw MissingSecret(name: WebText.Server.secretKeySetting)
        }
        return self
    }
}
