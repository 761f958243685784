import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore

/// A unit's 签约项目台账 through to a preview, and a preview through to the leads, by the same
/// reading, preview and all-or-nothing commit as the project ledger (`LedgerImporter`).
extension LedgerImporter {
    /// Reads and plans the file; writes nothing. Rows match the leads the importer works.
    public func previewSignings(_ bytes: [UInt8], fileName: String, principal: Principal, leads catalog: LeadCatalog, today: Day) async throws
        -> ImportRun<LeadSigningWrite> {
        var run = ImportRun<LeadSigningWrite>(kind: .leads, fileName: Self.cleanName(fileName), sha256: Hex.encode(SHA256.hash(data: bytes)),
                                              size: bytes.count, preview: ImportPreview())
        guard let sheet = try await read(bytes, problems: &run.preview.fileProblems) else { return run }
        let reach = Policy.leadReach(.manageLeads, of: principal, catalog: self.catalog)
        let importer = SigningLedgerImport(columns: columns, reference: self.catalog, leads: catalog, today: today, reach: reach,
                                           defaultUnit: Self.ownUnit(of: principal, catalog: self.catalog))
        switch importer.cut(sheet) {
        case .failure(let problem):
            run.preview.fileProblems = [problem]
        case .success(let rows):
            run.preview = importer.plan(rows, stored: try await LeadRepository(database: database).leads(reach: reach))
        }
        return run
    }

    /// Writes a clean preview in one transaction; a lead changed meanwhile fails it whole.
    public func commit(_ run: ImportRun<LeadSigningWrite>, leads catalog: LeadCatalog, actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        try Self.requireClean(run)
        return try await LeadRepository(database: database).importSignings(run.preview.planned, record: run.record, catalog: catalog, reference: self.catalog,
                                                                           actor: actor, today: today, now: now)
    }

    /// The importer's own district or zone: the unit of a row that names none.
    static func ownUnit(of principal: Principal, catalog: ReferenceCatalog) -> OrgUnit? {
        guard let unit = principal.unit else { return nil }
        switch unit.kind {
        case .region: return catalog.region(unit.code).map { _ in unit }
        case .zone: return catalog.zone(unit.code).map { _ in unit }
        case .department: return nil
        }
    }
}
