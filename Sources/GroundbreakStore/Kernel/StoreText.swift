import Foundation

/// The Store target's string catalogue (zh-CN): what the store says to operators and users.
enum StoreText {
    static func invalidDatabaseURL(_ text: String) -> String {
        "无法识别的数据库地址：\(text)（应为 sqlite:文件路径 或 postgres://用户:密码@主机:端口/库名）"
    }

    static func editedMigration(_ version: Int) -> String {
        "迁移 \(String(format: "%04d", version)) 在执行后被修改过；已执行的迁移只能追加、不能修改"
    }

    static func badReferenceFile(_ file: String, _ reason: String) -> String {
        "参考数据文件 \(file) 有误：\(reason)"
    }

    static let referenceFileMissing = "未随程序发布"
    static let evidenceDefaultName = "佐证材料"
    static let referenceFileNotCSV = "CSV 格式错误"
    static let referenceRowWithoutCode = "缺少 code"

    static func referenceNotInteger(_ column: String, _ value: String) -> String {
        "\(column) 应为整数：\(value)"
    }

    static func usernameTaken(_ name: String) -> String {
        "用户名 \(name) 已存在"
    }

    static let invalidUsername = "用户名只能包含字母、数字、点、下划线和连字符，长度3至64"
    static let demoReason = "演示数据"
    static let demoTransitionNote = "主体工程开工"

    /// Backups and restores: what an operator reads when one cannot be made or trusted.
    static let replicaNeedsPostgres = "只读副本（第二个数据库地址）只用于 PostgreSQL：主库是 SQLite 时不能配置"

    enum Backup {
        static func rowsDiffer(_ table: String, expected: Int, found: Int) -> String { "表 \(table) 应有 \(expected) 行，实际 \(found) 行" }
        static func sumDiffers(_ column: String) -> String { "\(column) 的合计与备份时不一致" }
        static func notEmpty(_ folder: String) -> String { "备份目录 \(folder) 已有内容：请指定一个新的空目录" }
        static func noManifest(_ folder: String) -> String { "\(folder) 中没有 manifest.json：不是完整的备份（可能在备份过程中中断）" }
        static func checksum(_ file: String) -> String { "备份文件 \(file) 的校验值与清单不符：文件已损坏或被改动，未恢复任何内容" }
        static func engineMismatch(_ backup: String, _ target: String) -> String { "这是 \(backup) 的备份，不能恢复到 \(target) 数据库" }
        static func targetNotEmpty(_ target: String) -> String { "目标数据库 \(target) 不是空的：恢复只写入新的、空的数据库，以免覆盖现有数据" }
        static func staleLog(_ log: String) -> String { "目标数据库旁已有预写日志文件 \(log)，可能是另一个数据库留下的，其中或有未并入的数据：请确认后移走它再恢复；未写入任何内容" }
        static func attachmentClash(_ file: String) -> String { "目标附件目录中已有同名而内容不同的文件 \(file)，未覆盖" }
        static func toolMissing(_ tool: String) -> String { "找不到 \(tool)：请安装 PostgreSQL 客户端程序，或把它所在目录加入 PATH" }
        static func toolFailed(_ tool: String, _ output: String) -> String { "\(tool) 执行失败：\(output)" }
        static func verifyFailed(_ details: [String]) -> String { "恢复后的数据与备份时的数字不一致：" + details.joined(separator: "；") }
    }
}
