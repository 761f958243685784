import ArgumentParser
import Configuration
import Foundation
import GroundbreakStore
import GroundbreakWeb
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: CLIText.Serve.abstract)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(CLIText.Serve.hostHelp))
    var host: String?

    @Option(name: .long, help: ArgumentHelp(CLIText.Serve.portHelp))
    var port: Int?

    @Flag(name: .long, help: ArgumentHelp(CLIText.Serve.demoHelp))
    var demo = false

    func run() async throws {
        var overrides = common.overrides
        if let host { overrides["groundbreak.http.host"] = .string(host) }
        if let port { overrides["groundbreak.http.port"] = .int(port) }
        let settings = try await ConfigurationLoader.start(overrides: overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak")
        try await Work.serve(settings: settings, demo: demo, logger: logger)
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: CLIText.Serve.migrateAbstract)

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.migrate")
        let report = try await Work.withDatabase(settings, logger: logger) { try await Work.migrate($0, logger: logger) }
        print(report.migrations.isEmpty ? CLIText.Serve.upToDate : CLIText.Serve.migrated(report.migrations.map { String(format: "%04d", $0) }.joined(separator: ", ")))
        if !report.referenceFiles.isEmpty { print(CLIText.Serve.referenceLoaded(report.referenceFiles.joined(separator: ", "))) }
    }
}
