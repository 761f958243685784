import ArgumentParser
import Foundation
import GroundbreakStore
import Logging

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: CLIText.Calendar.abstract, subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: CLIText.Calendar.importAbstract,
            discussion: CLIText.Calendar.importDiscussion
        )

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp(CLIText.Calendar.yearHelp))
        var year: Int

        @Option(name: .long, help: ArgumentHelp(CLIText.Calendar.sourceHelp))
        var source: String

        @Argument(help: ArgumentHelp(CLIText.Calendar.fileHelp))
        var file: String

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.calendar")
            let rows = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.importCalendar(database, year: year, file: file, source: source)
            }
            print(CLIText.Calendar.loaded(year, rows))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CLIText.Calendar.listAbstract)

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.calendar")
            let years = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await CalendarRepository(database: database).years()
            }
            for year in years {
                print(CLIText.Calendar.year(year.year, year.workdays, year.source))
            }
        }
    }
}
