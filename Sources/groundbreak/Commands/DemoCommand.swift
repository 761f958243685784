import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakWeb
import Logging

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "载入演示数据：长春的真实区划与开发区、约50个部门、按规模/阶段/类别/行业分布的项目、包保领导与项目秘书"
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "项目数量（默认 1500）")
    var projects = 1500

    func run() async throws {
        let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.demo")
        let started = Date()
        let summary = try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            return try await Work.loadDemo(database, settings: settings, count: projects, today: SystemWallClock().today())
        }
        print("已载入 \(summary.projects) 个演示项目、\(summary.seats) 个职务、\(summary.approvals) 个审批事项、\(summary.reports) 份月报、\(summary.problems) 个问题，用时 \(String(format: "%.1f", Date().timeIntervalSince(started))) 秒。")
    }
}
