import ArgumentParser
import Foundation
import GroundbreakStore
import GroundbreakWeb
import Logging

/// `groundbreak backup --to DIR` while the server runs; `groundbreak restore --from DIR` into a
/// fresh database and attachments folder (`docs/reliability.md`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: CLIText.Backup.abstract, discussion: CLIText.Backup.discussion)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(CLIText.Backup.toHelp))
    var to: String

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.backup")
        let manifest = try await Work.withDatabase(settings, logger: logger) { database in
            do {
                return try await Backup.create(database, attachments: URL(fileURLWithPath: settings.attachmentsDirectory), into: URL(fileURLWithPath: to), now: Date())
            } catch let error as BackupError {
                throw Work.Failure(message: error.description)
            }
        }
        print(CLIText.Backup.done(to, projects: manifest.figures.rows["projects"] ?? 0, tables: manifest.figures.rows.count, files: manifest.attachments.count))
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: CLIText.Backup.restoreAbstract, discussion: CLIText.Backup.restoreDiscussion)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(CLIText.Backup.fromHelp))
    var from: String

    func run() async throws {
        let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
        do {
            let figures = try await Backup.restore(from: URL(fileURLWithPath: from), to: settings.database,
                                                   attachments: URL(fileURLWithPath: settings.attachmentsDirectory))
            print(CLIText.Backup.restored("\(settings.database)", projects: figures.rows["projects"] ?? 0, tables: figures.rows.count))
        } catch let error as BackupError {
            throw Work.Failure(message: error.description)
        }
    }
}
