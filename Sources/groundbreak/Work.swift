import Foundation
import GroundbreakDomain
import GroundbreakDomain
import GroundbreakStore
import GroundbreakWeb
import Hummingbird
import Logging

/// What the commands do, as plain async functions the tests call directly.
enum Work {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Opens the store, runs `body`, closes it whatever happens.
    static func withDatabase<T: Sendable>(_ settings: AppSettings, logger: Logger, _ body: (Database) async throws -> T) async throws -> T {
        if case .sqlite(let path) = settings.database {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: directory) else {
                throw Failure(message: "SQLite 文件所在目录不存在：\(directory)")
            }
        }
        let database: Database
        do {
            database = try await Database.connect(settings.database, maxConnectionsPerEventLoop: settings.databasePoolSize, logger: logger)
        } catch {
            throw Failure(message: "无法连接数据库 \(settings.database)：\(String(reflecting: error))")
        }
        do {
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            // PostgreSQL errors describe themselves only when reflected; operators need the detail.
            if "\(error)".hasPrefix("PSQLError") { throw Failure(message: String(reflecting: error)) }
            throw error
        }
    }

    struct MigrationReport: Sendable {
        var migrations: [Int]
        var referenceFiles: [String]
    }

    static func migrate(_ database: Database, logger: Logger) async throws -> MigrationReport {
        let migrations = try await Migrator(database: database, logger: logger).migrate()
        let files = try await ReferenceDataLoader(database: database, logger: logger).load()
        return MigrationReport(migrations: migrations, referenceFiles: files)
    }

    /// Adds `count` demo projects; refuses in production.
    static func loadDemo(_ database: Database, settings: AppSettings, count: Int, today: Day) async throws -> DemoLoader.Summary {
        guard settings.mode != .production else { throw Failure(message: "生产模式不能加载演示数据") }
        guard count > 0, count <= 1_000_000 else { throw Failure(message: "项目数量应在 1–1000000 之间") }
        return try await DemoLoader(database: database).load(count: count, today: today, actor: .system("演示数据加载"))
    }

    static let demoPassword = "Demo@2026"

    /// One account per kind of seat, so the demo shows what each one sees.
    static let demoAccounts: [(username: String, label: String, roles: Set<Role>, unit: OrgUnit?, seat: Position.Duty?)] = [
        ("admin", "管理员", [.admin], OrgUnit(kind: .department, code: "CC-XMZX"), nil),
        ("center", "市大项目办", [.center], OrgUnit(kind: .department, code: "CC-XMZX"), nil),
        ("chaoyang", "朝阳区属地", [.region], OrgUnit(kind: .region, code: "220104"), nil),
        ("gongxin", "市工信局", [.department], OrgUnit(kind: .department, code: "CC-GXJ"), nil),
        ("secretary", "项目秘书", [.secretary], nil, .secretary),
        ("leader", "包保领导", [.sponsor], nil, .sponsor),
        ("duban", "市政府督查室", [.supervision], OrgUnit(kind: .department, code: "CC-DCS"), nil),
    ]

    static func addDemoAccounts(_ database: Database, settings: AppSettings) async throws {
        let users = UserRepository(database: database)
        let seats = try await PositionRepository(database: database).all()
        for account in demoAccounts where try await users.find(username: account.username) == nil {
            let seat = account.seat.flatMap { duty in seats.first { $0.duty == duty }?.id }
            _ = try await addUser(database, settings: settings, username: account.username,
                                  account: AccountSettings(displayName: "演示·" + account.label, roles: account.roles, unit: account.unit, positionId: seat),
                                  password: demoPassword, mustChange: false)
        }
    }

    /// Adds an account after checking the password rules.
    /// Loads a year's holiday notice from a CSV file; every problem is reported, nothing is changed on any.
    static func importCalendar(_ database: Database, year: Int, file: String, source: String) async throws -> Int {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(message: "无法读取文件：\(file)") }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(message: "文件不是 UTF-8 编码的 CSV：\(file)") }
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { throw Failure(message: "请写明依据（通知名称和文号）") }
        do {
            return try await CalendarRepository(database: database).importYear(year, csv: text, source: source, actor: .system("命令行"))
        } catch StoreError.invalid(let failure) {
            throw Failure(message: failure.errors.map(\.message).joined(separator: "\n"))
        }
    }

    static func addUser(
        _ database: Database, settings: AppSettings, username: String, account: AccountSettings, password: String, mustChange: Bool
    ) async throws -> UserAccount {
        let problems = PasswordPolicy.check(password, username: username)
        guard problems.isEmpty else { throw Failure(message: problems.map(\.description).joined(separator: "；")) }
        try checkAccount(account, database: database)
        let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
        do {
            return try await UserRepository(database: database).create(
                username: username, settings: account, passwordHash: hash, mustChangePassword: mustChange, actor: .system("命令行")
            )
        } catch let problem as UserRepository.Problem {
            throw Failure(message: problem.description)
        }
    }

    static func checkAccount(_ account: AccountSettings, database: Database) throws {
        guard !account.roles.isEmpty else { throw Failure(message: "至少指定一个角色（--role）") }
        if account.unit == nil && !account.roles.isSubset(of: [.admin, .secretary, .sponsor]) {
            throw Failure(message: "该角色须指定所属单位（--unit department:代码 或 region:代码）")
        }
        if account.positionId == nil && !account.roles.isDisjoint(with: [.secretary, .sponsor]) {
            throw Failure(message: "项目秘书、包保领导须指定职务（--position 职务编号）")
        }
    }

    /// A fresh one-time password; the user must change it at the next sign-in.
    static func resetPassword(_ database: Database, settings: AppSettings, username: String) async throws -> String {
        let users = UserRepository(database: database)
        guard let account = try await users.find(username: username) else { throw Failure(message: "没有用户 \(username)") }
        var generator = SystemRandomNumberGenerator()
        let password = PasswordPolicy.temporaryPassword(using: &generator)
        let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
        try await users.setPassword(id: account.id, hash: hash, mustChange: true, keepSession: nil, action: "password-reset", actor: .system("命令行"))
        return password
    }

    /// A new API token for the account, printed once; kept only as its hash.
    static func issueToken(_ database: Database, username: String, name: String) async throws -> String {
        guard let account = try await UserRepository(database: database).find(username: username) else { throw Failure(message: "没有用户 \(username)") }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw Failure(message: "令牌用途应为1–100个字") }
        return try await TokenRepository(database: database).issue(userId: account.id, name: name, actor: .system("命令行")).token
    }

    static func setLock(_ database: Database, username: String, locked: Bool) async throws {
        let users = UserRepository(database: database)
        guard let account = try await users.find(username: username) else { throw Failure(message: "没有用户 \(username)") }
        try await users.setLock(id: account.id, until: locked ? .distantFuture : nil, actor: .system("命令行"))
    }

    /// Migrates, optionally fills an empty store with demo data and a demo administrator, then
    /// serves until stopped.
    static func serve(settings: AppSettings, demo: Bool, logger: Logger) async throws {
        if demo && settings.mode == .production { throw Failure(message: "生产模式不能使用 --demo") }
        try await withDatabase(settings, logger: logger) { database in
            let report = try await migrate(database, logger: logger)
            if !report.migrations.isEmpty { logger.info("数据库已迁移", metadata: ["versions": "\(report.migrations)"]) }
            if demo {
                if try await ProjectRepository(database: database).count() == 0 {
                    let summary = try await loadDemo(database, settings: settings, count: DemoDataset.defaultProjectCount, today: SystemWallClock().today())
                    logger.info("已加载演示数据", metadata: ["projects": "\(summary.projects)", "seats": "\(summary.seats)"])
                }
                try await addDemoAccounts(database, settings: settings)
                logger.notice("演示账号（密码均为 \(demoPassword)）：\(demoAccounts.map { "\($0.username)（\($0.label)）" }.joined(separator: "、"))")
            } else if try await UserRepository(database: database).count() == 0 {
                logger.warning("尚无用户。请先运行：groundbreak user add --username 用户名 --name 姓名 --admin")
            }
            let services = try await AppServices(settings: settings, database: database, logger: logger)
            let app = GroundbreakApplication.build(services: services)
            logger.notice("Groundbreak 已启动：http://\(settings.host):\(settings.port)/  数据库：\(settings.database)")
            try await app.runService()
        }
    }
}
