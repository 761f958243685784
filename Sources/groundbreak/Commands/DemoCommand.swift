import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakWeb
import Logging

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: CLIText.Demo.abstract
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(CLIText.Demo.countHelp))
    var projects = 1500

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.demo")
        let started = Date()
        let summary = try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            return try await Work.loadDemo(database, settings: settings, count: projects, today: SystemWallClock().today())
        }
        print(CLIText.Demo.loaded(projects: summary.projects, seats: summary.seats, approvals: summary.approvals, reports: summary.reports, problems: summary.problems,
                                  seconds: String(format: "%.1f", Date().timeIntervalSince(started))))
    }
}
