import Configuration
import Foundation
import GroundbreakStore
import GroundbreakWeb
import Logging
import SystemPackage

/// The one place configuration is read: command line, then environment, then `.env`, then the
/// defaults in `AppSettings`. Keys are `groundbreak.*`; the environment spells them
/// `GROUNDBREAK_*` (e.g. `groundbreak.database.url` ↔ `GROUNDBREAK_DATABASE_URL`).
enum ConfigurationLoader {
    struct Invalid: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static let secretKeys: Set<String> = ["GROUNDBREAK_SECRET_KEY", "GROUNDBREAK_DATABASE_URL", "GROUNDBREAK_DATABASE_READ_URL"]

    static func load(overrides: [String: ConfigContent], envFile: String, environment: [String: String]? = nil) async throws -> AppSettings {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in overrides {
            values[AbsoluteConfigKey(key.split(separator: ".").map(String.init))] = ConfigValue(value, isSecret: key.contains("secret") || key.contains("database"))
        }
        let environmentProvider = environment.map {
            EnvironmentVariablesProvider(environmentVariables: $0, secretsSpecifier: .specific(secretKeys))
        } ?? EnvironmentVariablesProvider(secretsSpecifier: .specific(secretKeys))
        let fileProvider = try await EnvironmentVariablesProvider(
            environmentFilePath: FilePath(envFile), allowMissing: true, secretsSpecifier: .specific(secretKeys)
        )
        let reader = ConfigReader(providers: [InMemoryProvider(name: "command line", values: values), environmentProvider, fileProvider])
        return try settings(from: reader)
    }

    /// `load` for a command: the settings, with the process's log written from their level on.
    static func start(overrides: [String: ConfigContent], envFile: String) async throws -> AppSettings {
        let settings = try await load(overrides: overrides, envFile: envFile)
        LogOutput.start(level: settings.logLevel)
        return settings
    }

    static func settings(from config: ConfigReader) throws -> AppSettings {
        var settings = AppSettings()
        if let mode = config.string(forKey: "groundbreak.mode") {
            guard let parsed = AppSettings.Mode(rawValue: mode) else {
                throw Invalid(message: CLIText.Settings.badMode(mode))
            }
            settings.mode = parsed
        }
        settings.host = config.string(forKey: "groundbreak.http.host", default: settings.host)
        settings.port = config.int(forKey: "groundbreak.http.port", default: settings.port)
        if let url = config.string(forKey: "groundbreak.database.url", isSecret: true) {
            settings.database = try DatabaseLocation.parse(url)
        }
        if let url = config.string(forKey: "groundbreak.database.read.url", isSecret: true), !url.isEmpty {
            settings.readDatabase = try DatabaseLocation.parse(url)
        }
        settings.readMaxLag = config.double(forKey: "groundbreak.database.read.max.lag", default: settings.readMaxLag)
        settings.secretKey = config.string(forKey: "groundbreak.secret.key", isSecret: true)
        settings.bcryptCost = config.int(forKey: "groundbreak.bcrypt.cost", default: settings.bcryptCost)
        settings.secureCookies = config.bool(forKey: "groundbreak.cookies.secure", default: settings.mode == .production)
        settings.databasePoolSize = config.int(forKey: "groundbreak.database.pool.size", default: settings.databasePoolSize)
        settings.attachmentsDirectory = config.string(forKey: "groundbreak.attachments.dir", default: settings.attachmentsDirectory)
        settings.maxUploadBytes = config.int(forKey: "groundbreak.upload.max.bytes", default: settings.maxUploadBytes)
        settings.schedulerEnabled = config.bool(forKey: "groundbreak.scheduler.enabled", default: settings.schedulerEnabled)
        settings.warmFigures = config.bool(forKey: "groundbreak.figures.warm", default: settings.warmFigures)
        settings.figuresMaxLag = config.double(forKey: "groundbreak.figures.max.lag", default: settings.figuresMaxLag)
        settings.trustedProxies = config.string(forKey: "groundbreak.trusted.proxies", default: settings.trustedProxies)
        if let level = config.string(forKey: "groundbreak.log.level") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else { throw Invalid(message: CLIText.Settings.badLogLevel(level)) }
            settings.logLevel = parsed
        }
        settings.schedulerInterval = config.double(forKey: "groundbreak.scheduler.interval", default: settings.schedulerInterval)
        guard settings.schedulerInterval >= 1 && settings.schedulerInterval <= 3600 else { throw Invalid(message: CLIText.Settings.badSchedulerInterval) }
        guard (1...65535).contains(settings.port) else { throw Invalid(message: CLIText.Settings.badPort(settings.port)) }
        guard (4...31).contains(settings.bcryptCost) else { throw Invalid(message: CLIText.Settings.badBcryptCost) }
        return try settings.validated()
    }
}
