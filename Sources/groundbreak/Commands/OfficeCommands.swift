import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakWeb
import Logging

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: CLIText.Office.importAbstract,
        discussion: CLIText.Office.importDiscussion
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(CLIText.Office.commitHelp))
    var commit = false

    @Flag(name: .long, help: ArgumentHelp(CLIText.Office.monthlyHelp))
    var monthly = false

    @Option(name: .long, help: ArgumentHelp(CLIText.Office.yearHelp))
    var year: Int?

    @Argument(help: ArgumentHelp(CLIText.Office.fileHelp))
    var file: String

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.import")
        let summary = try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            return try await Work.importFile(database, file: file, monthly: monthly, commit: commit, year: year, today: SystemWallClock().today())
        }
        let count = { summary.counts[$0] ?? 0 }
        print(CLIText.Office.summary(summary.fileName, create: count(.create), update: count(.update), unchanged: count(.unchanged), skipped: count(.skipped), refused: count(.refused)))
        for line in summary.summary { print(CLIText.Office.note(line)) }
        for note in summary.columnNotes { print(CLIText.Office.note(note)) }
        for problem in summary.problems { print(CLIText.Office.problem(problem.sentence)) }
        if !summary.problems.isEmpty { throw ExitCode(1) }
        if let record = summary.record {
            print(CLIText.Office.written(record.id))
        } else if commit {
            print(CLIText.Office.nothingToWrite)
        } else {
            print(CLIText.Office.previewOnly)
        }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: CLIText.Office.exportAbstract)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(CLIText.Office.outputHelp))
    var out: String

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.export")
        try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            try await Work.exportLedger(database, to: out, csv: out.lowercased().hasSuffix(".csv"), today: SystemWallClock().today())
        }
        print(CLIText.Office.exported(out))
    }
}
