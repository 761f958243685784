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
        var run = ImportRun<FundingImportWrite>(kind: .funding, fileName: Self.cleanName(fileName), sha256: ImportRun<FundingImportWrite>.hex(SHA256.hash(data: bytes)),
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
        let project: String = switch target {
        case .project(let id): "p\(row):\(id)"
        case .reserve(let input): "r\(row):\(input.regionCode)/\(input.zoneCode)/\(input.name)/\(input.code)"
        }
        let a = application
        return project + "|\(a.channelCode)/\(a.programme)/\(a.windowId.map(String.init) ?? "-")/\(a.unit.text)/\(a.asked.yuan)|\(submittedOn.iso)"
            + "|\(issued.map { "\($0.on.iso)/\($0.amount.yuan)" } ?? "-")|\(arrived.map { "\($0.on.iso)/\($0.amount.yuan)" } ?? "-")"
    }
}

/// The 向上资金 application list imported: upload, preview every row, commit all or nothing.
enum FundingImportPages {
    typealias T = WebText.Funding

    static let routes = ImportPages.PreviewRoutes(commit: .fundingImportCommit, back: .fundingImport, done: .fundingImport, nav: .funding)

    static func page(_ input: EndpointRequest) async throws -> Response {
        let notice = input.queryItems.first { $0.0 == "notice" }?.1 == "committed" ? WebText.Imports.done : nil
        return Responses.html(importPage(input, history: try await history(input), notice: notice).document)
    }

    static func upload(_ input: EndpointRequest) async throws -> Response {
        guard let file = input.files.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            let page = importPage(input, history: try await history(input), notice: nil, errors: [FieldError("file", .field(WebText.Imports.chooseFile))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        return try await ImportPages.uploaded(input, file.bytes, try await plan(input, file.bytes, fileName: file.filename), routes: routes)
    }

    static func plan(_ input: EndpointRequest, _ bytes: [UInt8], fileName: String) async throws -> ImportRun<FundingImportWrite> {
        try await input.services.importer.previewFunding(bytes, fileName: fileName, principal: try input.requirePrincipal(), funding: input.services.fundingCatalog,
                                                         today: input.today)
    }

    static func write(_ input: EndpointRequest, _ run: ImportRun<FundingImportWrite>) async throws -> ImportRecord {
        try await input.services.importer.commit(run, funding: input.services.fundingCatalog, principal: try input.requirePrincipal(), actor: input.actor,
                                                 today: input.today, now: input.now)
    }

    static func commit(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        guard let bytes = try input.services.importFiles.load(key: form["sha256"]) else {
            let page = importPage(input, history: try await history(input), notice: nil, errors: [FieldError("file", .field(WebText.Imports.previewMissing))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        return try await ImportPages.commit(input, form: form, routes: routes) { try await plan(input, bytes, fileName: form["fileName"]) } write: {
            try await write(input, $0)
        }
    }

    /// The file as the body; `fileName` in the query; `commit=true` writes when the file is clean.
    static func api(_ input: EndpointRequest) async throws -> Response {
        try await ImportPages.api(input) { try await plan(input, $0, fileName: $1) } write: { try await write(input, $0) }
    }

    static func history(_ input: EndpointRequest) async throws -> [ImportRecord] {
        try await ImportPages.history(input).filter { $0.kind == .funding }
    }

    static func importPage(_ input: EndpointRequest, history: [ImportRecord], notice: String?, errors: [FieldError] = []) -> ListImportPage {
        ListImportPage(context: PageContext(input), title: T.importTitle, nav: .funding, back: (.funding(), T.title), action: .fundingImport,
                       hints: [T.importHint, T.importRules], history: history, notice: notice, errors: errors)
    }
}
