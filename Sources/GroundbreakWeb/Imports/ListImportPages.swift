import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// A unit's list imported into a feature (签约项目台账, 向上资金申报清单, 储备项目库): the upload page,
/// the preview of every row, the all-or-nothing commit and the API, as the project ledger has
/// them. What differs between lists is said here once per feature: the kind, the page's words and
/// routes, how a file is planned and how a clean preview is written.
struct ListImportPages<Write: PlannedWrite>: Sendable {
    var kind: ImportRecord.Kind
    var routes: ImportPages.PreviewRoutes
    var title: String
    var back: Route
    var backLabel: String
    var action: Route
    var hints: [String]
    var plan: @Sendable (EndpointRequest, [UInt8], String) async throws -> ImportRun<Write>
    var write: @Sendable (EndpointRequest, ImportRun<Write>) async throws -> ImportRecord

    func page(_ input: EndpointRequest) async throws -> Response {
        let notice = input.queryItems.first { $0.0 == "notice" }?.1 == "committed" ? WebText.Imports.done : nil
        return Responses.html(importPage(input, history: try await history(input), notice: notice).document)
    }

    func upload(_ input: EndpointRequest) async throws -> Response {
        guard let file = input.files.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            let page = importPage(input, history: try await history(input), notice: nil, errors: [FieldError("file", .field(WebText.Imports.chooseFile))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        return try await ImportPages.uploaded(input, file.bytes, try await plan(input, file.bytes, file.filename), routes: routes)
    }

    func commit(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        guard let bytes = try input.services.importFiles.load(key: form["sha256"]) else {
            let page = importPage(input, history: try await history(input), notice: nil, errors: [FieldError("file", .field(WebText.Imports.previewMissing))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        return try await ImportPages.commit(input, form: form, routes: routes) { try await plan(input, bytes, form["fileName"]) } write: { try await write(input, $0) }
    }

    /// The file as the body; `fileName` in the query; `commit=true` writes when the file is clean.
    func api(_ input: EndpointRequest) async throws -> Response {
        try await ImportPages.api(input) { try await plan(input, $0, $1) } write: { try await write(input, $0) }
    }

    /// The imports of this kind the caller may see.
    func history(_ input: EndpointRequest) async throws -> [ImportRecord] {
        try await ImportPages.history(input).filter { $0.kind == kind }
    }

    func importPage(_ input: EndpointRequest, history: [ImportRecord], notice: String?, errors: [FieldError] = []) -> ListImportPage {
        ListImportPage(context: PageContext(input), title: title, nav: routes.nav, back: (back, backLabel), action: action, hints: hints, history: history,
                       notice: notice, errors: errors)
    }
}
