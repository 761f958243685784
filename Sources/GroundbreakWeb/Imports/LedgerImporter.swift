import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore

/// A ledger file through to a preview, and a preview through to the database. The page, the API
/// and the command line all come here; none of it knows about HTTP.
public struct LedgerImporter: Sendable {
    public let database: Database
    public let catalog: ReferenceCatalog
    public let columns: ColumnCatalog
    public let limits: SpreadsheetLimits
    /// Where files are read: off the request path, a few at a time.
    let workers = OfficeWorkers.shared

    public init(database: Database, catalog: ReferenceCatalog, columns: ColumnCatalog, limits: SpreadsheetLimits = SpreadsheetLimits()) {
        self.database = database
        self.catalog = catalog
        self.columns = columns
        self.limits = limits
    }

    /// Reads and plans a project ledger; writes nothing. `principal` decides which rows may be
    /// created or changed; `year` is the one the user chose for a file that names none.
    public func preview(_ bytes: [UInt8], fileName: String, principal: Principal, today: Day, year: Int? = nil) async throws -> ImportRun<LedgerWrite> {
        var run = ImportRun<LedgerWrite>(kind: .projects, fileName: Self.cleanName(fileName), sha256: Hex.encode(SHA256.hash(data: bytes)),
                                         size: bytes.count, preview: ImportPreview())
        guard let sheet = try await read(bytes, problems: &run.preview.fileProblems) else { return run }
        let importer = LedgerImport(
            columns: columns, catalog: catalog, today: today,
            createScope: Policy.scope(for: .createProject, of: principal, catalog: catalog),
            editScope: Policy.scope(for: .editProject, of: principal, catalog: catalog),
            defaultRegion: Self.ownRegion(of: principal, catalog: catalog), chosenYear: year
        )
        switch importer.cut(sheet) {
        case .failure(let problem):
            run.preview.fileProblems = [problem]
        case .success(let rows):
            // Rows may only match projects the importer can see; others are "new" and then fail
            // on their code or the create scope, without disclosing what exists elsewhere.
            let (visible, hiddenCodes) = try await candidates(rows, principal: principal)
            let schemes = try await SchemeRepository(database: database).schemes()
            var existing = ExistingProjects(visible, hiddenCodes: hiddenCodes)
            (existing.statements, existing.classes) = try await ImportRepository(database: database).ledgerState(projectIds: visible.map(\.id))
            run.preview = importer.plan(rows, existing: existing, schemes: schemes)
        }
        return run
    }

    /// Reads and plans a sheet of monthly figures; writes nothing.
    public func previewMonthly(_ bytes: [UInt8], fileName: String, principal: Principal, rules: ReportRules, today: Day) async throws -> ImportRun<MonthlyWrite> {
        var run = ImportRun<MonthlyWrite>(kind: .monthly, fileName: Self.cleanName(fileName), sha256: Hex.encode(SHA256.hash(data: bytes)),
                                          size: bytes.count, preview: ImportPreview())
        guard let sheet = try await read(bytes, problems: &run.preview.fileProblems) else { return run }
        let importer = MonthlyImport(columns: columns, catalog: catalog, rules: rules, today: today,
                                     editScope: Policy.scope(for: .editProject, of: principal, catalog: catalog))
        switch importer.cut(sheet) {
        case .failure(let problem):
            run.preview.fileProblems = [problem]
        case .success(let rows):
            let repository = ImportRepository(database: database)
            let generation = try await repository.generationBeforeReads()
            let projects = try await visibleCandidates(rows, principal: principal)
            let reads = MonthlyReads(generation: generation, projects: projects,
                                     history: try await repository.history(of: projects.map(\.id), months: importer.months(in: rows)),
                                     closed: try await repository.closedMonths())
            run.preview = importer.plan(rows, stored: StoredMonthly(projects: ExistingProjects(projects), history: reads.history, closedMonths: reads.closed))
            run.monthlyReads = reads
        }
        return run
    }

    /// The sheet, or nil with the file's problem in Chinese.
    func read(_ bytes: [UInt8], problems: inout [ImportProblem]) async throws -> Sheet? {
        let limits = limits
        do {
            return try await workers.run { try SpreadsheetReader.read(bytes, limits: limits) }
        } catch let error as SpreadsheetError {
            problems = [ImportProblem(row: nil, message: error.message)]
            return nil
        }
    }

    /// The stored projects a file's rows name, among those the importer may see.
    func visibleCandidates(_ rows: TableRows, principal: Principal) async throws -> [Project] {
        try await candidates(rows, principal: principal).visible
    }

    /// The stored projects a file's rows name that the importer may see, and the codes named that
    /// belong to projects it may not.
    func candidates(_ rows: TableRows, principal: Principal) async throws -> (visible: [Project], hiddenCodes: Set<String>) {
        let keys = rows.lookupKeys
        let scope = Policy.scope(for: .viewProjects, of: principal, catalog: catalog)
        let all = try await ImportRepository(database: database).candidates(codes: keys.codes, names: keys.names)
        let hidden = Set(all.filter { !scope.contains($0) }.compactMap(\.fields.code?.value))
        return (all.filter(scope.contains), hidden)
    }

    /// Writes a clean preview in one transaction; a project changed meanwhile fails it whole.
    public func commit(_ run: ImportRun<LedgerWrite>, actor: AuditActor, now: Date) async throws -> ImportRecord {
        try Self.requireClean(run)
        return try await ImportRepository(database: database).commitProjects(run.preview.planned, ledger: run.preview.ledger, record: run.record,
                                                                             actor: actor, catalog: catalog, now: now)
    }

    /// A ledger without a title naming its unit is the importer's region's, or the city's.
    static func ownRegion(of principal: Principal, catalog: ReferenceCatalog) -> String? {
        if let unit = principal.unit, unit.kind == .region, catalog.region(unit.code) != nil { return unit.code }
        return catalog.regions.first { $0.kind == .city }?.code
    }

    /// Sends every planned report in one transaction, month by month; a report changed meanwhile fails it whole.
    public func commit(_ run: ImportRun<MonthlyWrite>, rules: ReportRules, actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        try Self.requireClean(run)
        return try await ImportRepository(database: database).commitMonthly(run.preview.planned, reads: run.monthlyReads, record: run.record, rules: rules, actor: actor, today: today, now: now)
    }

    static func requireClean<P>(_ run: ImportRun<P>) throws {
        guard run.preview.canCommit else {
            throw StoreError.invalid(ValidationFailure(run.preview.problems.prefix(50).map { FieldError($0.cell, .field($0.sentence)) }))
        }
    }

    /// The name as shown and recorded: no directories, no control characters, not too long.
    static func cleanName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).prefix(120)
        return clean.isEmpty ? WebText.Imports.unnamedFile : String(clean)
    }
}

extension ImportProblem {
    /// `F12`, `第12行`, or `file`: where the problem is, for machine readers.
    var cell: String {
        switch (row, column) {
        case (let row?, let column?): column + String(row)
        case (let row?, nil): "row" + String(row)
        default: "file"
        }
    }
}
