import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakWeb
import Logging

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "导入项目台账或月度数据（.xlsx 或 .csv）：默认只预览，--commit 时整批写入",
        discussion: "文件有任何一处问题都不写入；问题按行、列列出。退出码：0 成功，1 文件有问题，2 无法读取。"
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "预览无误时写入数据库（一次事务）")
    var commit = false

    @Flag(name: .long, help: "文件是月度数据（项目代码或名称、月份、调度口径、统计口径……），不是项目台账")
    var monthly = false

    @Argument(help: "台账文件")
    var file: String

    func run() async throws {
        let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.import")
        let summary = try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            return try await Work.importFile(database, file: file, monthly: monthly, commit: commit, today: SystemWallClock().today())
        }
        let count = { summary.counts[$0] ?? 0 }
        print("\(summary.fileName)：新增 \(count(.create))，更新 \(count(.update))，无变化 \(count(.unchanged))，跳过 \(count(.skipped))，有错误 \(count(.refused))")
        for note in summary.columnNotes { print("  说明：\(note)") }
        for problem in summary.problems { print("  问题：\(problem.sentence)") }
        if !summary.problems.isEmpty { throw ExitCode(1) }
        if let record = summary.record {
            print("已写入（导入记录 \(record.id)）。")
        } else if commit {
            print("没有需要写入的内容。")
        } else {
            print("这是预览，未写入；确认无误后加 --commit 写入。")
        }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "导出全部项目台账（.xlsx 按报送领导的版式，或 .csv）")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "输出文件；以 .csv 结尾时导出 CSV，否则导出 .xlsx")
    var out: String

    func run() async throws {
        let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.export")
        try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            try await Work.exportLedger(database, to: out, csv: out.lowercased().hasSuffix(".csv"), today: SystemWallClock().today())
        }
        print("已导出：\(out)")
    }
}
