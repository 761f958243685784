import ArgumentParser
import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakWeb
import Logging
#if canImport(Glibc)
import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "用户管理", subcommands: [Add.self, Reset.self, Lock.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增用户")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "用户名（字母、数字、._-，3–64位）")
        var username: String

        @Option(name: .long, help: "姓名")
        var name: String

        @Option(name: .long, help: "角色，可重复：\(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        var role: [String] = []

        @Flag(name: .long, help: "管理员（等同 --role admin）")
        var admin = false

        @Option(name: .long, help: "所属单位：department:部门代码 或 region:区划代码")
        var unit: String?

        @Option(name: .long, help: "所任职务编号（项目秘书、包保领导）")
        var position: Int64?

        @Flag(name: .long, help: "首次登录须修改密码")
        var mustChange = false

        @Option(name: .long, help: "密码；省略时在终端提示输入（不回显）。也可从环境变量 GROUNDBREAK_NEW_PASSWORD 读取")
        var password: String?

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            var roles = Set<Role>()
            for raw in role {
                guard let parsed = Role(rawValue: raw) else { throw Work.Failure(message: "未知角色 \(raw)") }
                roles.insert(parsed)
            }
            if admin { roles.insert(.admin) }
            var orgUnit: OrgUnit?
            if let unit {
                guard let parsed = OrgUnit.parse(unit) else { throw Work.Failure(message: "单位应写作 department:代码 或 region:代码") }
                orgUnit = parsed
            }
            guard let secret = password ?? ProcessInfo.processInfo.environment["GROUNDBREAK_NEW_PASSWORD"] ?? UserCommand.prompt() else {
                throw Work.Failure(message: "未提供密码")
            }
            let logger = Logger(label: "groundbreak.user")
            let account = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.addUser(database, settings: settings, username: username,
                                              account: AccountSettings(displayName: name, roles: roles, unit: orgUnit, positionId: position),
                                              password: secret, mustChange: mustChange)
            }
            print("已新增用户 \(account.username)（\(account.displayName)），角色：\(account.roles.sorted().map(\.label).joined(separator: "、"))。")
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "重置密码：生成一次性密码，用户登录后须修改")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "用户名")
        var username: String

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.user")
            let password = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.resetPassword(database, settings: settings, username: username)
            }
            print("已重置 \(username) 的密码。一次性密码：\(password)（仅显示一次，登录后须修改）")
        }
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lock", abstract: "锁定账号（--unlock 解除锁定）")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "用户名")
        var username: String

        @Flag(name: .long, help: "解除锁定")
        var unlock = false

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.user")
            try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                try await Work.setLock(database, username: username, locked: !unlock)
            }
            print(unlock ? "已解除 \(username) 的锁定。" : "已锁定 \(username)，其登录会话已结束。")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "token", abstract: "为用户签发 API 令牌（令牌仅显示一次）")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "用户名")
        var username: String

        @Option(name: .long, help: "令牌用途，如「对接省平台」")
        var name: String

        func run() async throws {
            let settings = try await ConfigurationLoader.load(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.user")
            let token = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.issueToken(database, username: username, name: name)
            }
            print(token)
        }
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
