import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakWeb
import Logging

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "导入项目台账（.xlsx 或 .csv）：默认只预览，--commit 时整批写入",
        discussion: "文件有任何一处问题都不写入；问题按行、列列出。退出码：0 成功，1 文件有问题，2 无法读取。"
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "预览无误时写入数据库（一次事务）")
    var commit = false

    @Argument(help: "台账文件")
    var file: String

    func run() async throws {
        let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
        let logger = Logger(label: "groundbreak.import")
        let summary = try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            return try await Work.importLedger(database, file: file, commit: commit, today: SystemWallClock().today())
        }
        let preview = summary.result.preview
        print("\(summary.result.fileName)：新增 \(preview.count(.create))，更新 \(preview.count(.update))，无变化 \(preview.count(.unchanged))，跳过 \(preview.count(.skipped))，有错误 \(preview.count(.refused))")
        for note in preview.columnNotes { print("  说明：\(note)") }
        for problem in preview.problems { print("  问题：\(problem.sentence)") }
        if !preview.problems.isEmpty { throw ExitCode(1) }
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
