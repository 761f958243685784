import ArgumentParser
import Foundation
import GroundbreakStore
import GroundbreakWeb
import Logging
#if canImport(Glibc)
import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "用户管理", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增用户")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "用户名（字母、数字、._-，3–64位）")
        var username: String

        @Option(name: .long, help: "姓名")
        var name: String

        @Flag(name: .long, help: "管理员")
        var admin = false

        @Option(name: .long, help: "密码；省略时在终端提示输入（不回显）。也可从环境变量 GROUNDBREAK_NEW_PASSWORD 读取")
        var password: String?

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            guard let secret = password ?? ProcessInfo.processInfo.environment["GROUNDBREAK_NEW_PASSWORD"] ?? Self.prompt() else {
                throw Work.Failure(message: "未提供密码")
            }
            let logger = Logger(label: "groundbreak.user")
            let account = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.addUser(database, settings: settings, username: username, displayName: name, password: secret, admin: admin, mustChange: false)
            }
            print("已新增用户 \(account.username)（\(account.displayName)）\(account.isAdmin ? "，管理员" : "")。")
        }

        static func prompt() -> String? {
            guard let first = getpass("密码：").map({ String(cString: $0) }), !first.isEmpty else { return nil }
            guard let second = getpass("再次输入：").map({ String(cString: $0) }), second == first else {
                FileHandle.standardError.write(Data("两次输入不一致\n".utf8))
                return nil
            }
            return first
        }
    }
}
