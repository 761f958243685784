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
    static let configuration = CommandConfiguration(commandName: "user", abstract: CLIText.User.abstract, subcommands: [Add.self, Reset.self, Lock.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: CLIText.User.addAbstract)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp(CLIText.User.usernameHelp))
        var username: String

        @Option(name: .long, help: ArgumentHelp(CLIText.User.nameHelp))
        var name: String

        @Option(name: .long, help: ArgumentHelp(CLIText.User.roleHelp(Role.allCases.map(\.rawValue).joined(separator: ", "))))
        var role: [String] = []

        @Flag(name: .long, help: ArgumentHelp(CLIText.User.adminHelp))
        var admin = false

        @Option(name: .long, help: ArgumentHelp(CLIText.User.unitHelp))
        var unit: String?

        @Option(name: .long, help: ArgumentHelp(CLIText.User.positionHelp))
        var position: Int64?

        @Flag(name: .long, help: ArgumentHelp(CLIText.User.mustChangeHelp))
        var mustChange = false

        @Option(name: .long, help: ArgumentHelp(CLIText.User.passwordHelp))
        var password: String?

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            var roles = Set<Role>()
            for raw in role {
                guard let parsed = Role(rawValue: raw) else { throw Work.Failure(message: CLIText.User.unknownRole(raw)) }
                roles.insert(parsed)
            }
            if admin { roles.insert(.admin) }
            var orgUnit: OrgUnit?
            if let unit {
                guard let parsed = OrgUnit.parse(unit) else { throw Work.Failure(message: CLIText.User.badUnit) }
                orgUnit = parsed
            }
            guard let secret = password ?? ProcessInfo.processInfo.environment["GROUNDBREAK_NEW_PASSWORD"] ?? UserCommand.prompt() else {
                throw Work.Failure(message: CLIText.User.noPassword)
            }
            let logger = Logger(label: "groundbreak.user")
            let account = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.addUser(database, settings: settings, username: username,
                                              account: AccountSettings(displayName: name, roles: roles, unit: orgUnit, positionId: position),
                                              password: secret, mustChange: mustChange)
            }
            print(CLIText.User.added(account.username, account.displayName, account.roles.sorted().map(\.label).joined(separator: CLIText.User.roleSeparator)))
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: CLIText.User.resetAbstract)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp(CLIText.User.usernameOnlyHelp))
        var username: String

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.user")
            let password = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.resetPassword(database, settings: settings, username: username)
            }
            print(CLIText.User.reset(username, password))
        }
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lock", abstract: CLIText.User.lockAbstract)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp(CLIText.User.usernameOnlyHelp))
        var username: String

        @Flag(name: .long, help: ArgumentHelp(CLIText.User.unlockHelp))
        var unlock = false

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.user")
            try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                try await Work.setLock(database, username: username, locked: !unlock)
            }
            print(unlock ? CLIText.User.unlocked(username) : CLIText.User.locked(username))
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "token", abstract: CLIText.User.tokenAbstract)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: ArgumentHelp(CLIText.User.usernameOnlyHelp))
        var username: String

        @Option(name: .long, help: ArgumentHelp(CLIText.User.tokenNameHelp))
        var name: String

        func run() async throws {
            let settings = try await ConfigurationLoader.start(overrides: common.overrides, envFile: common.envFile)
            let logger = Logger(label: "groundbreak.user")
            let token = try await Work.withDatabase(settings, logger: logger) { database in
                _ = try await Work.migrate(database, logger: logger)
                return try await Work.issueToken(database, username: username, name: name)
            }
            print(token)
        }
    }

    static func prompt() -> String? {
        guard let first = getpass(CLIText.User.passwordPrompt).map({ String(cString: $0) }), !first.isEmpty else { return nil }
        guard let second = getpass(CLIText.User.passwordAgain).map({ String(cString: $0) }), second == first else {
            FileHandle.standardError.write(Data(CLIText.User.passwordsDiffer.utf8))
            return nil
        }
        return first
    }
}
