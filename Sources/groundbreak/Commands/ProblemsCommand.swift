import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakStore
import Logging

struct ProblemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "problems", abstract: CLIText.Problems.abstract, subcommands: [Escalate.self])

    struct Escalate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate", abstract: CLIText.Problems.escalateAbstract,
            discussion: CLIText.Problems.escalateDiscussion
        )

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.problems")
            let escalated = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.escalateOverdueProblems(database, today: SystemWallClock().today())
            }
            print(CLIText.Problems.escalated(escalated.count))
            for problem in escalated {
                print(CLIText.Problems.escalatedOne(problem.id, problem.level.label, problem.deadline?.iso ?? "—"))
            }
        }
    }
}

extension Work {
    static func escalateOverdueProblems(_ database: Database, today: Day, now: Date = Date()) async throws -> [Problem] {
        let calendar = try await CalendarRepository(database: database).calendar()
        return try await ProblemRepository(database: database).escalateOverdue(settings: try ProblemRepository.settings(), calendar: calendar,
                                                                               actor: .system(CLIText.Work.escalationJob), today: today, now: now)
    }
}
