import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakStore
import Logging

struct ProblemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "problems", abstract: "问题清单", subcommands: [Escalate.self])

    struct Escalate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate", abstract: "把逾期未解决的问题按提级链条提升一级（新的责任单位和办理时限）",
            discussion: "可每天由计划任务运行；已在最高层级的问题不再提级。"
        )

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.problems")
            let escalated = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.escalateOverdueProblems(database, today: SystemWallClock().today())
            }
            print("已提级 \(escalated.count) 个逾期问题。")
            for problem in escalated {
                print("  #\(problem.id) → \(problem.level.label)，时限 \(problem.deadline?.iso ?? "—")")
            }
        }
    }
}

extension Work {
    static func escalateOverdueProblems(_ database: Database, today: Day, now: Date = Date()) async throws -> [Problem] {
        let calendar = try await CalendarRepository(database: database).calendar()
        return try await ProblemRepository(database: database).escalateOverdue(settings: try ProblemRepository.settings(), calendar: calendar,
                                                                               actor: .system("问题提级任务"), today: today, now: now)
    }
}
