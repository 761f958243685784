import ArgumentParser
import Foundation
import GroundbreakStore
import Logging

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "工作日历（国务院节假日安排）", subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "载入某一年度的节假日安排（替换该年度原有安排）",
            discussion: "CSV 列：date,kind,festival,statutory；kind 为 holiday（放假）或 workday（调休上班）。"
        )

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "年度，如 2027")
        var year: Int

        @Option(name: .long, help: "依据：通知名称和文号")
        var source: String

        @Argument(help: "CSV 文件（UTF-8）")
        var file: String

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.calendar")
            let rows = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.importCalendar(database, year: year, file: file, source: source)
            }
            print("已载入 \(year) 年节假日安排 \(rows) 条。")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出已载入的年度")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.calendar")
            let years = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await CalendarRepository(database: database).years()
            }
            for year in years {
                print("\(year.year)\t工作日 \(year.workdays)\t\(year.source)")
            }
        }
    }
}
