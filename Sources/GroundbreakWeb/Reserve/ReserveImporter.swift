import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore

/// A unit's 储备项目库 list through to a preview, and a preview through to the library, by the same
/// reading, preview and all-or-nothing commit as the project ledger.
extension LedgerImporter {
    /// Reads and plans the file; writes nothing. Rows match the projects the importer edits.
    public func previewReserve(_ bytes: [UInt8], fileName: String, principal: Principal, rules: ReserveRules, today: Day) async throws -> ImportRun<ReserveImportWrite> {
        var run = ImportRun<ReserveImportWrite>(kind: .reserve, fileName: Self.cleanName(fileName), sha256: Hex.encode(SHA256.hash(data: bytes)),
                                                size: bytes.count, preview: ImportPreview())
        guard let sheet = try await read(bytes, problems: &run.preview.fileProblems) else { return run }
        let scope = Policy.scope(for: .editProject, of: principal, catalog: catalog)
        let catalog = self.catalog
        let importer = ReserveListImport(columns: columns, reference: catalog, rules: rules, today: today,
                                         allows: { unit in scope.covers(TargetUnit(kind: unit.kind == .zone ? .zone : .region, code: unit.code), catalog: catalog) },
                                         defaultUnit: Self.ownUnit(of: principal, catalog: catalog),
                                         mayPromote: Policy.decide(.organiseReserve, for: principal, catalog: catalog) == .allow)
        switch importer.cut(sheet) {
        case .failure(let problem):
            run.preview.fileProblems = [problem]
        case .success(let rows):
            run.preview = importer.plan(rows, stored: .init(projects: try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: scope),
                                                            entries: try await ReserveRepository(database: database).entries()))
        }
        return run
    }

    /// Writes a clean preview in one transaction; an entry changed meanwhile fails it whole.
    public func commit(_ run: ImportRun<ReserveImportWrite>, rules: ReserveRules, principal: Principal, actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        try Self.requireClean(run)
        return try await ReserveRepository(database: database).importEntries(run.preview.planned, record: run.record, rules: rules, reference: catalog,
                                                                             visible: Policy.scope(for: .viewProjects, of: principal, catalog: catalog),
                                                                             actor: actor, today: today, now: now)
    }
}

extension ReserveImportWrite: PlannedWrite {
    /// What the preview promised for the row: a commit that would write anything else is refused.
    public var digestKey: String {
        target.digestKey(row: row) + "|\(entry.source)/\(entry.grade)/\(entry.enteredOn.iso)/\(entry.version)/\(promote)|\(entry.note)"
    }
}

/// The 储备项目库 list imported: upload, preview every row, commit all or nothing.
enum ReserveImportPages {
    typealias T = WebText.Reserve

    // Computed, and named by the endpoints only inside their handlers: its routes come from those
    // endpoints' declarations, so building it while they are declared would never end.
    static var list: ListImportPages<ReserveImportWrite> {
        ListImportPages<ReserveImportWrite>(
            kind: .reserve, routes: ImportPages.PreviewRoutes(commit: .reserveImportCommit, back: .reserveImport, done: .reserveImport, nav: .reserve),
            title: T.importTitle, back: .reserve(), backLabel: T.title, action: .reserveImport, hints: [T.importHint, T.importRules],
            plan: { input, bytes, fileName in
                try await input.services.importer.previewReserve(bytes, fileName: fileName, principal: try input.requirePrincipal(), rules: input.services.reserveRules,
                                                                 today: input.today)
            },
            write: { input, run in
                try await input.services.importer.commit(run, rules: input.services.reserveRules, principal: try input.requirePrincipal(), actor: input.actor,
                                                         today: input.today, now: input.now)
            })
    }
}
