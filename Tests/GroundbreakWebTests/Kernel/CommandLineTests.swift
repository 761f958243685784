import ArgumentParser
import Configuration
import Foundation
@testable import groundbreak
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import Logging
import Testing

@Suite("Command line and configuration")
struct CommandLineTests {
    func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gb-env-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("command line beats environment beats .env beats defaults")
    func precedence() async throws {
        let envFile = try temporaryFile("GROUNDBREAK_HTTP_PORT=9001\nGROUNDBREAK_HTTP_HOST=0.0.0.0\nGROUNDBREAK_BCRYPT_COST=6\n")
        defer { try? FileManager.default.removeItem(atPath: envFile) }
        let defaults = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent/.env", environment: [:])
        #expect(defaults.port == 8080 && defaults.host == "127.0.0.1")
        #expect(defaults.database == .sqlite(path: "./groundbreak.sqlite"))

        let fromFile = try await ConfigurationLoader.load(overrides: [:], envFile: envFile, environment: [:])
        #expect(fromFile.port == 9001 && fromFile.host == "0.0.0.0" && fromFile.bcryptCost == 6)

        let fromEnvironment = try await ConfigurationLoader.load(
            overrides: [:], envFile: envFile,
            environment: ["GROUNDBREAK_HTTP_PORT": "9002", "GROUNDBREAK_DATABASE_URL": "postgres://gb:secret@db.internal:5432/groundbreak"]
        )
        #expect(fromEnvironment.port == 9002 && fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.database == .postgres(url: "postgres://gb:secret@db.internal:5432/groundbreak"))
        #expect(fromEnvironment.database.description == "postgres://gb:***@db.internal:5432/groundbreak", "the password never reaches a log")
        #expect(fromEnvironment.readDatabase == nil && fromEnvironment.readMaxLag == 5)

        let withReplica = try await ConfigurationLoader.load(overrides: [:], envFile: envFile, environment: [
            "GROUNDBREAK_DATABASE_URL": "postgres://gb:secret@db.internal:5432/groundbreak",
            "GROUNDBREAK_DATABASE_READ_URL": "postgres://gb:secret@replica.internal:5432/groundbreak", "GROUNDBREAK_DATABASE_READ_MAX_LAG": "2.5",
        ])
        #expect(withReplica.readDatabase == .postgres(url: "postgres://gb:secret@replica.internal:5432/groundbreak") && withReplica.readMaxLag == 2.5)
        await #expect(throws: AppSettings.InvalidSetting.self, "a replica beside SQLite is refused") {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent",
                                                  environment: ["GROUNDBREAK_DATABASE_READ_URL": "postgres://gb@replica.internal/groundbreak"])
        }

        let fromCommandLine = try await ConfigurationLoader.load(
            overrides: ["groundbreak.http.port": .int(9003), "groundbreak.database.url": .string("sqlite:/tmp/x.sqlite")],
            envFile: envFile, environment: ["GROUNDBREAK_HTTP_PORT": "9002"]
        )
        #expect(fromCommandLine.port == 9003)
        #expect(fromCommandLine.database == .sqlite(path: "/tmp/x.sqlite"))
    }

    @Test("production refuses to start without its secret; bad values are named")
    func production() async throws {
        await #expect(throws: AppSettings.MissingSecret.self) {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: ["GROUNDBREAK_MODE": "production"])
        }
        await #expect(throws: AppSettings.MissingSecret.self) {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent",
                                                  environment: ["GROUNDBREAK_MODE": "production", "GROUNDBREAK_SECRET_KEY": "short"])
        }
        let settings = try await ConfigurationLoader.load(
            overrides: [:], envFile: "/nonexistent",
            environment: ["GROUNDBREAK_MODE": "production", "GROUNDBREAK_SECRET_KEY": String(repeating: "k", count: 40)]
        )
        #expect(settings.mode == .production && settings.secureCookies)
        await #expect(throws: ConfigurationLoader.Invalid.self) {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: ["GROUNDBREAK_MODE": "staging"])
        }
        await #expect(throws: DatabaseLocation.InvalidURL.self) {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: ["GROUNDBREAK_DATABASE_URL": "mysql://x"])
        }
        let quiet = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent",
                                                      environment: ["GROUNDBREAK_SCHEDULER_ENABLED": "false", "GROUNDBREAK_SCHEDULER_INTERVAL": "5",
                                                                    "GROUNDBREAK_FIGURES_WARM": "true"])
        let defaults = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent")
        #expect(!quiet.schedulerEnabled && quiet.schedulerInterval == 5 && defaults.schedulerEnabled && defaults.schedulerInterval == 30)
        #expect(quiet.warmFigures && !defaults.warmFigures)
        await #expect(throws: ConfigurationLoader.Invalid.self) {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: ["GROUNDBREAK_SCHEDULER_INTERVAL": "0"])
        }
    }

    @Test("the log level is a setting; a level that does not exist is named and refused")
    func logLevel() async throws {
        let defaults = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: [:])
        #expect(defaults.logLevel == .info)
        let debug = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: ["GROUNDBREAK_LOG_LEVEL": "DEBUG"])
        #expect(debug.logLevel == .debug)
        let envFile = try temporaryFile("GROUNDBREAK_LOG_LEVEL=warning\n")
        defer { try? FileManager.default.removeItem(atPath: envFile) }
        #expect(try await ConfigurationLoader.load(overrides: [:], envFile: envFile, environment: [:]).logLevel == .warning)
        do {
            _ = try await ConfigurationLoader.load(overrides: [:], envFile: "/nonexistent", environment: ["GROUNDBREAK_LOG_LEVEL": "verbose"])
            Issue.record("an unknown level must be refused")
        } catch let invalid as ConfigurationLoader.Invalid {
            #expect(invalid.message.contains("verbose") && invalid.message.contains("GROUNDBREAK_LOG_LEVEL"))
        }
        // What every logger of the process is made with once a command has loaded its settings.
        let warning = Logger(label: "test", factory: { LogOutput.handler(label: $0, level: .warning) })
        #expect(warning.logLevel == .warning && !(warning.logLevel <= .info), "an info line is not written at warning")
        #expect(Logger(label: "test", factory: { LogOutput.handler(label: $0, level: .debug) }).logLevel == .debug)
    }

    @Test("migrate, demo and user add work on a new SQLite file")
    func workOnSQLite() async throws {
        let path = TestStore.emptySQLitePath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var settings = AppSettings()
        settings.database = .sqlite(path: path)
        settings.bcryptCost = 4
        let logger = Logger(label: "test")
        try await Work.withDatabase(settings, logger: logger) { database in
            let report = try await Work.migrate(database, logger: logger)
            #expect(report.migrations == Array(1...(try Migrator.bundledFiles().count)))
            #expect(Set(report.referenceFiles) == Set(ReferenceDataLoader.bundledFileNames))
            #expect(report.referenceFiles.contains("calendar.csv") && report.referenceFiles.contains("approval_items.csv"))
            let again = try await Work.migrate(database, logger: logger)
            #expect(again.migrations.isEmpty && again.referenceFiles.isEmpty)

            let summary = try await Work.loadDemo(database, settings: settings, count: 50, today: Day(year: 2026, month: 11, day: 23)!)
            #expect(summary.projects == 50)
            #expect(try await ProjectRepository(database: database).count() == 50)

            // The ranking of each set, as the page gives it; a task force that is not there is named.
            let october = Month(year: 2026, month: 10)!
            let departments = try await Work.ranking(database, month: october, set: .departments)
            #expect(departments.first?.contains("市直部门考核排名") == true && departments.last?.contains("市直部门第一") == true)
            let force = try #require(try await TaskForceRepository(database: database).taskForces().first)
            let groups = try await Work.ranking(database, month: october, set: .groups(taskForceId: force.id))
            #expect(groups.first?.contains("专班工作组考核排名") == true && groups.count >= 3, "title, header and the sentence at least")
            await #expect(throws: Work.Failure.self) { _ = try await Work.ranking(database, month: october, set: .groups(taskForceId: 999_999)) }

            await #expect(throws: Work.Failure.self) {
                _ = try await Work.addUser(database, settings: settings, username: "weak", account: AccountSettings(displayName: "弱口令", roles: [.admin], unit: nil, positionId: nil),
                                           password: "12345678", mustChange: true)
            }
            let account = try await Work.addUser(database, settings: settings, username: "Zhang.San",
                                                 account: AccountSettings(displayName: "张三", roles: [.admin], unit: nil, positionId: nil),
                                                 password: "Strong#2026", mustChange: false)
            #expect(account.username == "zhang.san")
            #expect(try await Passwords.verify("Strong#2026", hash: account.passwordHash))
            await #expect(throws: Work.Failure.self) {
                _ = try await Work.addUser(database, settings: settings, username: "zhang.san",
                                           account: AccountSettings(displayName: "重复", roles: [.viewer], unit: .init(kind: .region, code: "220104"), positionId: nil),
                                           password: "Strong#2026", mustChange: false)
            }
            // Next year's holiday notice from a file: a bad file names its lines and changes nothing.
            let csv = path + ".calendar.csv"
            defer { try? FileManager.default.removeItem(atPath: csv) }
            try "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n2027-02-10,workday,春节,0\n".write(toFile: csv, atomically: true, encoding: .utf8)
            do {
                _ = try await Work.importCalendar(database, year: 2027, file: csv, source: "国务院办公厅通知")
                Issue.record("a make-up working day on a Wednesday must be refused")
            } catch let failure as Work.Failure {
                #expect(failure.message.contains("第3行"))
            }
            #expect(try await CalendarRepository(database: database).calendar().years == [2024, 2025, 2026])
            try "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n2027-02-06,workday,春节,0\n".write(toFile: csv, atomically: true, encoding: .utf8)
            #expect(try await Work.importCalendar(database, year: 2027, file: csv, source: "国务院办公厅通知") == 2)
            #expect(try await CalendarRepository(database: database).calendar().years.contains(2027))

            await #expect(throws: Work.Failure.self, "a region role needs a unit") {
                _ = try await Work.addUser(database, settings: settings, username: "nounit",
                                           account: AccountSettings(displayName: "无单位", roles: [.region], unit: nil, positionId: nil),
                                           password: "Strong#2026", mustChange: false)
            }
        }
        var production = settings
        production.mode = .production
        await #expect(throws: Work.Failure.self) {
            try await Work.withDatabase(production, logger: logger) { database in
                _ = try await Work.loadDemo(database, settings: production, count: 10, today: Day(year: 2026, month: 11, day: 23)!)
            }
        }
    }

    @Test("backup and restore from the command line: a snapshot of a served database, restored into a new file with the same figures; a used target refused")
    func backupAndRestore() async throws {
        let path = TestStore.emptySQLitePath(), copy = TestStore.emptySQLitePath()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gb-cli-backup-\(UUID().uuidString)").path
        defer {
            for file in [path, copy] { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
            try? FileManager.default.removeItem(atPath: folder)
        }
        var settings = AppSettings()
        settings.database = .sqlite(path: path)
        let logger = Logger(label: "test")
        try await Work.withDatabase(settings, logger: logger) { database in
            _ = try await Work.migrate(database, logger: logger)
            _ = try await Work.loadDemo(database, settings: settings, count: 30, today: Day(year: 2026, month: 11, day: 23)!)
        }
        var backup = try BackupCommand.parse(["--to", folder, "--database", "sqlite:\(path)"])
        try await backup.run()
        let manifest = try Backup.read(URL(fileURLWithPath: folder))
        #expect(manifest.figures.rows["projects"] == 30)
        let restore = try RestoreCommand.parse(["--from", folder, "--database", "sqlite:\(copy)"])
        try await restore.run()
        settings.database = .sqlite(path: copy)
        let restored = try await Work.withDatabase(settings, logger: logger) { database in try await Backup.figures(database.reader) }
        #expect(restored == manifest.figures)
        let again = try RestoreCommand.parse(["--from", folder, "--database", "sqlite:\(copy)"])
        do {
            try await again.run()
            Issue.record("a restore over a database in use must be refused")
        } catch let failure as Work.Failure {
            #expect(failure.message.contains("不是空的"))
        }
    }

    @Test("a SQLite path in a missing folder is a clear error")
    func missingFolder() async {
        var settings = AppSettings()
        settings.database = .sqlite(path: "/nonexistent-folder/groundbreak.sqlite")
        await #expect(throws: Work.Failure.self) {
            try await Work.withDatabase(settings, logger: Logger(label: "test")) { _ in }
        }
    }

    @Test("database addresses")
    func locations() throws {
        #expect(try DatabaseLocation.parse("sqlite:./data/g.sqlite") == .sqlite(path: "./data/g.sqlite"))
        #expect(try DatabaseLocation.parse("/var/lib/groundbreak/g.sqlite") == .sqlite(path: "/var/lib/groundbreak/g.sqlite"))
        #expect(try DatabaseLocation.parse("postgresql://u@h/db").engine == .postgres)
        #expect(throws: DatabaseLocation.InvalidURL.self) { try DatabaseLocation.parse("") }
    }
}
