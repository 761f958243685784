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
                throw Failure(message: CLIText.Work.noDirectory(directory))
            }
        }
        let database: Database
        do {
            database = try await Database.connect(settings.database, replica: settings.readDatabase, maxConnectionsPerEventLoop: settings.databasePoolSize, logger: logger)
        } catch {
            throw Failure(message: CLIText.Work.cannotConnect("\(settings.database)", String(reflecting: error)))
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
        guard settings.mode != .production else { throw Failure(message: CLIText.Work.noDemoInProduction) }
        guard count > 0, count <= 1_000_000 else { throw Failure(message: CLIText.Work.demoCountRange) }
        return try await DemoLoader(database: database).load(count: count, today: today, actor: .system(CLIText.Work.demoLoader))
    }

    static let demoPassword = "Demo@2026"

    /// One account per kind of seat, so the demo shows what each one sees.
    static let demoAccounts: [(username: String, label: String, roles: Set<Role>, unit: OrgUnit?, seat: Position.Duty?)] = [
        ("admin", CLIText.Work.demoAdmin, [.admin], OrgUnit(kind: .department, code: "CC-XMZX"), nil),
        ("center", CLIText.Work.demoCentre, [.center], OrgUnit(kind: .department, code: "CC-XMZX"), nil),
        ("chaoyang", CLIText.Work.demoRegion, [.region], OrgUnit(kind: .region, code: "220104"), nil),
        ("gongxin", CLIText.Work.demoDepartment, [.department], OrgUnit(kind: .department, code: "CC-GXJ"), nil),
        ("secretary", CLIText.Work.demoSecretary, [.secretary], nil, .secretary),
        ("leader", CLIText.Work.demoSponsor, [.sponsor], nil, .sponsor),
        ("duban", CLIText.Work.demoSupervision, [.supervision], OrgUnit(kind: .department, code: "CC-DCS"), nil),
        ("zhaoshang", CLIText.Work.demoAttraction, [.attraction], OrgUnit(kind: .region, code: "220104"), nil),
        ("shangwu", CLIText.Work.demoAttractionOffice, [.attraction], OrgUnit(kind: .department, code: "CC-SWJ"), nil),
        ("fagai", CLIText.Work.demoFunding, [.department], OrgUnit(kind: .department, code: "CC-FGW"), nil),
    ]

    static func addDemoAccounts(_ database: Database, settings: AppSettings) async throws {
        let users = UserRepository(database: database)
        let seats = try await PositionRepository(database: database).all()
        for account in demoAccounts where try await users.find(username: account.username) == nil {
            let seat = account.seat.flatMap { duty in seats.first { $0.duty == duty }?.id }
            _ = try await addUser(database, settings: settings, username: account.username,
                                  account: AccountSettings(displayName: CLIText.Work.demoPrefix + account.label, roles: account.roles, unit: account.unit, positionId: seat),
                                  password: demoPassword, mustChange: false)
        }
    }

    /// Adds an account after checking the password rules.
    /// Loads a year's holiday notice from a CSV file; every problem is reported, nothing is changed on any.
    static func importCalendar(_ database: Database, year: Int, file: String, source: String) async throws -> Int {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(message: CLIText.Work.cannotRead(file)) }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(message: CLIText.Work.notUTF8CSV(file)) }
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { throw Failure(message: CLIText.Work.sourceRequired) }
        do {
            return try await CalendarRepository(database: database).importYear(year, csv: text, source: source, actor: .system(CLIText.Work.commandLine))
        } catch StoreError.invalid(let failure) {
            throw Failure(message: failure.errors.map(\.message).joined(separator: "\n"))
        }
    }

    static func addUser(
        _ database: Database, settings: AppSettings, username: String, account: AccountSettings, password: String, mustChange: Bool
    ) async throws -> UserAccount {
        let problems = PasswordPolicy.check(password, username: username)
        guard problems.isEmpty else { throw Failure(message: problems.map(\.description).joined(separator: "；")) }
        try await checkAccount(account, database: database)
        let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
        do {
            return try await UserRepository(database: database).create(
                username: username, settings: account, passwordHash: hash, mustChangePassword: mustChange, actor: .system(CLIText.Work.commandLine)
            )
        } catch let problem as UserRepository.Problem {
            throw Failure(message: problem.description)
        }
    }

    static func checkAccount(_ account: AccountSettings, database: Database) async throws {
        guard !account.roles.isEmpty else { throw Failure(message: CLIText.Work.roleRequired) }
        // An unknown unit is refused: a user in a unit the catalogue lacks would see nothing.
        if let unit = account.unit, !(try await ReferenceRepository(database: database).catalog()).knows(unit) {
            throw Failure(message: CLIText.Work.unknownUnit(unit.text))
        }
        if account.unit == nil && !account.roles.isSubset(of: [.admin, .secretary, .sponsor]) {
            throw Failure(message: CLIText.Work.unitRequired)
        }
        if account.positionId == nil && !account.roles.isDisjoint(with: [.secretary, .sponsor]) {
            throw Failure(message: CLIText.Work.seatRequired)
        }
    }

    /// A fresh one-time password; the user must change it at the next sign-in.
    static func resetPassword(_ database: Database, settings: AppSettings, username: String) async throws -> String {
        let users = UserRepository(database: database)
        guard let account = try await users.find(username: username) else { throw Failure(message: CLIText.Work.noUser(username)) }
        var generator = SystemRandomNumberGenerator()
        let password = PasswordPolicy.temporaryPassword(using: &generator)
        let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
        try await users.setPassword(id: account.id, hash: hash, mustChange: true, keepSession: nil, action: "password-reset", actor: .system(CLIText.Work.commandLine))
        return password
    }

    /// A new API token for the account, printed once; kept only as its hash.
    static func issueToken(_ database: Database, username: String, name: String) async throws -> String {
        guard let account = try await UserRepository(database: database).find(username: username) else { throw Failure(message: CLIText.Work.noUser(username)) }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw Failure(message: CLIText.Work.tokenNameLength) }
        return try await TokenRepository(database: database).issue(userId: account.id, name: name, actor: .system(CLIText.Work.commandLine)).token
    }

    static func setLock(_ database: Database, username: String, locked: Bool) async throws {
        let users = UserRepository(database: database)
        guard let account = try await users.find(username: username) else { throw Failure(message: CLIText.Work.noUser(username)) }
        try await users.setLock(id: account.id, until: locked ? .distantFuture : nil, actor: .system(CLIText.Work.commandLine))
    }

    /// Migrates, optionally fills an empty store with demo data and a demo administrator, then
    /// serves until stopped.
    static func serve(settings: AppSettings, demo: Bool, logger: Logger) async throws {
        if demo && settings.mode == .production { throw Failure(message: CLIText.Work.noDemoFlagInProduction) }
        try await withDatabase(settings, logger: logger) { database in
            let report = try await migrate(database, logger: logger)
            if !report.migrations.isEmpty { logger.info("\(CLIText.Work.migrated)", metadata: ["versions": "\(report.migrations)"]) }
            if demo {
                if try await ProjectRepository(database: database).count() == 0 {
                    let summary = try await loadDemo(database, settings: settings, count: DemoDataset.defaultProjectCount, today: SystemWallClock().today())
                    logger.info("\(CLIText.Work.demoLoaded)", metadata: ["projects": "\(summary.projects)", "seats": "\(summary.seats)"])
                }
                try await addDemoAccounts(database, settings: settings)
                logger.notice("\(CLIText.Work.demoAccounts(demoPassword, demoAccounts.map { CLIText.Work.demoAccount($0.username, $0.label) }.joined(separator: CLIText.Work.accountSeparator)))")
            } else if try await UserRepository(database: database).count() == 0 {
                logger.warning("\(CLIText.Work.noUsersYet)")
            }
            let services = try await AppServices(settings: settings, database: database, logger: logger)
            let app = GroundbreakApplication.build(services: services)
            logger.notice("\(CLIText.Work.started(settings.host, settings.port, "\(settings.database)"))")
            try await app.runService()
        }
    }
}
