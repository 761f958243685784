import ArgumentParser
import Configuration

@main
struct Groundbreak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groundbreak",
        abstract: CLIText.Root.abstract,
        discussion: CLIText.Root.discussion,
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, UserCommand.self, CalendarCommand.self, ImportCommand.self, ExportCommand.self, ProblemsCommand.self, ReportCommand.self, BackupCommand.self, RestoreCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CLIText.Root.databaseHelp))
    var database: String?

    @Option(name: .long, help: ArgumentHelp(CLIText.Root.modeHelp))
    var mode: String?

    @Option(name: .long, help: ArgumentHelp(CLIText.Root.envFileHelp))
    var envFile: String = ".env"

    /// Command-line values, keyed like the configuration.
    var overrides: [String: ConfigContent] {
        var values: [String: ConfigContent] = [:]
        if let database { values["groundbreak.database.url"] = .string(database) }
        if let mode { values["groundbreak.mode"] = .string(mode) }
        return values
    }
}
