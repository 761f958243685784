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
}
