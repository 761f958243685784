import ArgumentParser
import Configuration
import Foundation
import GroundbreakStore
import GroundbreakWeb
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "启动服务（启动时自动迁移数据库）")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "监听地址（默认 127.0.0.1）")
    var host: String?

    @Option(name: .long, help: "监听端口（默认 8080）")
    var port: Int?

    @Flag(name: .long, help: "数据库为空时载入演示数据，并创建演示管理员账号")
    var demo = false

    func run() async throws {
        var overrides = common.overrides
        if let host { overrides["groundbreak.http.host"] = .string(host) }
        if let port { overrides["groundbreak.http.port"] = .int(port) }
        let settings = try await ConfigurationLoader.load(overrides: overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak")
        try await Work.serve(settings: settings, demo: demo, logger: logger)
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "执行数据库迁移并载入参考数据")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.migrate")
        let report = try await Work.withDatabase(settings, logger: logger) { try await Work.migrate($0, logger: logger) }
        print(report.migrations.isEmpty ? "数据库已是最新。" : "已执行迁移：\(report.migrations.map { String(format: "%04d", $0) }.joined(separator: ", "))")
        if !report.referenceFiles.isEmpty { print("已载入参考数据：\(report.referenceFiles.joined(separator: ", "))") }
    }
}
