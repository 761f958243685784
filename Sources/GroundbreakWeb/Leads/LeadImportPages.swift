import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import Hummingbird

/// A unit's 签约项目台账 imported into its leads: upload, preview every row, commit all or nothing.
enum LeadImportPages {
    typealias T = WebText.Leads

    static let routes = ImportPages.PreviewRoutes(commit: .leadImportCommit, back: .leadImport, done: .leadImport, nav: .leads)

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

    static func plan(_ input: EndpointRequest, _ bytes: [UInt8], fileName: String) async throws -> ImportRun<LeadSigningWrite> {
        try await input.services.importer.previewSignings(bytes, fileName: fileName, principal: try input.requirePrincipal(), leads: input.services.leadCatalog,
                                                          today: input.today)
    }

    static func write(_ input: EndpointRequest, _ run: ImportRun<LeadSigningWrite>) async throws -> ImportRecord {
        try await input.services.importer.commit(run, leads: input.services.leadCatalog, actor: input.actor, today: input.today, now: input.now)
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

    /// The 签约项目台账 imports the caller may see.
    static func history(_ input: EndpointRequest) async throws -> [ImportRecord] {
        try await ImportPages.history(input).filter { $0.kind == .leads }
    }

    static func importPage(_ input: EndpointRequest, history: [ImportRecord], notice: String?, errors: [FieldError] = []) -> ListImportPage {
        ListImportPage(context: PageContext(input), title: T.importTitle, nav: .leads, back: (.leads(), T.title), action: .leadImport,
                       hints: [T.importHint, T.importRules], history: history, notice: notice, errors: errors)
    }
}
