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

    public init(database: Database, catalog: ReferenceCatalog, columns: ColumnCatalog, limits: SpreadsheetLimits = SpreadsheetLimits()) {
        self.database = database
        self.catalog = catalog
        self.columns = columns
        self.limits = limits
    }

    public struct Result: Sendable {
        public var fileName: String
        public var sha256: String
        public var size: Int
        public var preview: ImportPreview<ProjectWrite>

        /// What commit will do, in a form that changes when anything the user saw changes.
        public var digest: String {
            let plan = preview.planned.map { write -> String in
                switch write {
                case .create(_, let stage, let row): "c\(row):\(stage.rawValue)"
                case .update(let id, let version, _, let row): "u\(row):\(id)@\(version)"
                }
            }
            return Self.hex(SHA256.hash(data: Data((sha256 + "|" + plan.joined(separator: ",")).utf8)))
        }

        public var record: ImportRecord {
            ImportRecord(kind: .projects, fileName: fileName, sha256: sha256, size: size, created: preview.count(.create),
                         updated: preview.count(.update), unchanged: preview.count(.unchanged), skipped: preview.count(.skipped))
        }

        static func hex(_ digest: some Sequence<UInt8>) -> String { digest.map { String(format: "%02x", $0) }.joined() }
    }

    /// Reads and plans; writes nothing. `principal` decides which rows may be created or changed.
    public func preview(_ bytes: [UInt8], fileName: String, principal: Principal, today: Day) async throws -> Result {
        let name = Self.cleanName(fileName)
        var result = Result(fileName: name, sha256: Result.hex(SHA256.hash(data: bytes)), size: bytes.count, preview: ImportPreview())
        let sheet: Sheet
        do {
            sheet = try SpreadsheetReader.read(bytes, limits: limits)
        } catch let error as SpreadsheetError {
            result.preview.fileProblems = [ImportProblem(row: nil, message: error.message)]
            return result
        }
        let importer = LedgerImport(
            columns: columns, catalog: catalog, today: today,
            createScope: Policy.scope(for: .createProject, of: principal, catalog: catalog),
            editScope: Policy.scope(for: .editProject, of: principal, catalog: catalog)
        )
        switch importer.cut(sheet) {
        case .failure(let problem):
            result.preview.fileProblems = [problem]
        case .success(let rows):
            let keys = importer.lookupKeys(rows)
            let stored = try await ImportRepository(database: database).candidates(codes: keys.codes, names: keys.names)
            // Rows may only match projects the importer can see; others are "new" and then fail
            // on their code or the create scope, without disclosing what exists elsewhere.
            let visible = Policy.scope(for: .viewProjects, of: principal, catalog: catalog)
            result.preview = importer.plan(rows, existing: ExistingProjects(stored.filter(visible.contains)))
        }
        return result
    }

    /// Writes a clean preview in one transaction; a project changed meanwhile fails it whole.
    public func commit(_ result: Result, actor: AuditActor, now: Date) async throws -> ImportRecord {
        guard result.preview.canCommit else {
            throw StoreError.invalid(ValidationFailure(result.preview.problems.prefix(50).map { FieldError($0.cell, .field($0.sentence)) }))
        }
        return try await ImportRepository(database: database).commitProjects(result.preview.planned, record: result.record, actor: actor, catalog: catalog, now: now)
    }

    /// The name as shown and recorded: no directories, no control characters, not too long.
    static func cleanName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).prefix(120)
        return clean.isEmpty ? "未命名文件" : String(clean)
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
