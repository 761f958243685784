import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Hummingbird

/// A unit's 向上资金 application list through to a preview, and a preview through to the
/// applications, by the same reading, preview and all-or-nothing commit as the project ledger.
extension LedgerImporter {
    /// Reads and plans the file; writes nothing. Projects are those the importer sees.
    public func previewFunding(_ bytes: [UInt8], fileName: String, principal: Principal, funding catalog: FundingCatalog, today: Day) async throws
        -> ImportRun<FundingImportWrite> {
        var run = ImportRun<FundingImportWrite>(kind: .funding, fileName: Self.cleanName(fileName), sha256: Hex.encode(SHA256.hash(data: bytes)),
                                                size: bytes.count, preview: ImportPreview())
        guard let sheet = try await read(bytes, problems: &run.preview.fileProblems) else { return run }
        let reach = Policy.fundingReach(.manageFunding, of: principal, catalog: self.catalog, channels: catalog)
        let importer = FundingListImport(columns: columns, reference: self.catalog, funding: catalog, today: today, reach: reach,
                                         defaultUnit: Self.ownUnit(of: principal, catalog: self.catalog))
        switch importer.cut(sheet) {
        case .failure(let problem):
            run.preview.fileProblems = [problem]
        case .success(let rows):
            let scope = Policy.scope(for: .viewProjects, of: principal, catalog: self.catalog)
            let projects = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: scope)
            run.preview = importer.plan(rows, stored: .init(projects: projects, applications: try await FundingRepository(database: database).applications(reach: reach),
                                                            windows: try await FundingWindowRepository(database: database).windows()))
        }
        return run
    }

    /// Writes a clean preview in one transaction.
    public func commit(_ run: ImportRun<FundingImportWrite>, funding catalog: FundingCatalog, principal: Principal, actor: AuditActor, today: Day,
                       now: Date) async throws -> ImportRecord {
        try Self.requireClean(run)
        return try await FundingRepository(database: database).importApplications(run.preview.planned, record: run.record, catalog: catalog, reference: self.catalog,
                                                                                  visible: Policy.scope(for: .viewProjects, of: principal, catalog: self.catalog),
                                                                                  actor: actor, today: today, now: now)
    }
}

extension FundingImportWrite: PlannedWrite {
    /// What the preview promised for the row: a commit that would write anything else is refused.
    public var digestKey: String {
        let a = application
        return target.digestKey(row: row) + "|\(a.channelCode)/\(a.programme)/\(a.windowId.map(String.init) ?? "-")/\(a.unit.text)/\(a.asked.yuan)|\(submittedOn.iso)"
            + "|\(issued.map { "\($0.on.iso)/\($0.amount.yuan)" } ?? "-")|\(arrived.map { "\($0.on.iso)/\($0.amount.yuan)" } ?? "-")"
    }
}

/// The 向上资金 application list imported: upload, preview every row, commit all or nothing.
enum FundingImportPages {
    typealias T = WebText.Funding

    // Computed, and named by the endpoints only inside their handlers: its routes come from those
    // endpoints' declarations, so building it while they are declared would never end.
    static var list: ListImportPages<FundingImportWrite> {
        ListImportPages<FundingImportWrite>(
            kind: .funding, routes: ImportPages.PreviewRoutes(commit: .fundingImportCommit, back: .fundingImport, done: .fundingImport, nav: .funding),
            title: T.importTitle, back: .funding(), backLabel: T.title, action: .fundingImport, hints: [T.importHint, T.importRules],
            plan: { input, bytes, fileName in
                try await input.services.importer.previewFunding(bytes, fileName: fileName, principal: try input.requirePrincipal(), funding: input.services.fundingCatalog,
                                                                 today: input.today)
            },
            write: { input, run in
                try await input.services.importer.commit(run, funding: input.services.fundingCatalog, principal: try input.requirePrincipal(), actor: input.actor,
                                                         today: input.today, now: input.now)
            })
    }
}
