import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakWeb

/// The work behind `groundbreak import` and `groundbreak export`: the command line acts with the
/// whole city in scope, as the database's operator, and is recorded as such.
extension Work {
    static let operatorPrincipal = Principal(userId: 0, username: "cli", displayName: CLIText.Work.commandLine, roles: [.admin], unit: nil, positionId: nil)

    /// What an import did, whatever it imported.
    struct ImportSummary: Sendable {
        var fileName: String
        var counts: [RowAction: Int]
        var columnNotes: [String]
        var summary: [String]
        var problems: [ImportProblem]
        var record: ImportRecord?

        init<P>(_ run: ImportRun<P>, record: ImportRecord?) {
            fileName = run.fileName
            counts = Dictionary(uniqueKeysWithValues: [RowAction.create, .update, .unchanged, .skipped, .refused].map { ($0, run.preview.count($0)) })
            columnNotes = run.preview.columnNotes
            summary = run.preview.summary
            problems = run.preview.problems
            self.record = record
        }
    }

    static func importFile(_ database: Database, file: String, monthly: Bool, commit: Bool, year: Int? = nil, today: Day, now: Date = Date()) async throws -> ImportSummary {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(message: CLIText.Work.cannotRead(file)) }
        let catalog = try await ReferenceRepository(database: database).catalog()
        let importer = LedgerImporter(database: database, catalog: catalog, columns: try ColumnCatalog.shipped())
        let name = (file as NSString).lastPathComponent
        let actor = AuditActor.system(CLIText.Work.commandLineImport)
        do {
            if monthly {
                let rules = try MonthlyReportRepository.rules()
                let run = try await importer.previewMonthly(Array(data), fileName: name, principal: operatorPrincipal, rules: rules, today: today)
                guard commit, run.preview.canCommit else { return ImportSummary(run, record: nil) }
                return ImportSummary(run, record: try await importer.commit(run, rules: rules, actor: actor, today: today, now: now))
            }
            if let year, !Day.plausibleYears.contains(year) { throw Failure(message: CLIText.Work.badYear(year)) }
            let run = try await importer.preview(Array(data), fileName: name, principal: operatorPrincipal, today: today, year: year)
            guard commit, run.preview.canCommit else { return ImportSummary(run, record: nil) }
            return ImportSummary(run, record: try await importer.commit(run, actor: actor, now: now))
        } catch StoreError.conflict {
            throw Failure(message: CLIText.Work.changedDuringImport)
        }
    }

    static func exportLedger(_ database: Database, to path: String, csv: Bool, today: Day, now: Date = Date()) async throws {
        let catalog = try await ReferenceRepository(database: database).catalog()
        let exporter = LedgerExporter(projects: ProjectRepository(database: database), catalog: catalog, scope: .everything, today: today)
        let url = URL(fileURLWithPath: path)
        if csv {
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try await exporter.writeCSV(ProjectQuery()) { try handle.write(contentsOf: $0) }
        } else {
            try? FileManager.default.removeItem(at: url)
            try await exporter.writeXLSX(ProjectQuery(), to: url, now: now)
        }
    }
}
