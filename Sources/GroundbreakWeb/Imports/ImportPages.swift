import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Ledger import: upload, preview every row, commit all or nothing.
enum ImportPages {
    static func page(_ input: EndpointRequest) async throws -> Response {
        let notice = input.queryItems.first { $0.0 == "notice" }?.1 == "committed" ? "导入完成。" : nil
        return Responses.html(ImportPage(context: PageContext(input), history: try await input.services.imports.recent(), notice: notice).document)
    }

    /// The uploaded file is kept (by its SHA-256) so the commit reads exactly what was previewed.
    static func upload(_ input: EndpointRequest) async throws -> Response {
        guard let file = input.files.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            let page = ImportPage(context: PageContext(input), history: try await input.services.imports.recent(), notice: nil,
                                  errors: [FieldError("file", .field("请选择要导入的 .xlsx 或 .csv 文件"))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        let result = try await input.services.importer.preview(file.bytes, fileName: file.filename, principal: try input.requirePrincipal(), today: input.today)
        if result.preview.canCommit { try input.services.importFiles.save(file.bytes, key: result.sha256) }
        return preview(input, result, status: result.preview.problems.isEmpty ? .ok : .unprocessableContent)
    }

    static func commit(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let principal = try input.requirePrincipal()
        guard let bytes = try input.services.importFiles.load(key: form["sha256"]) else {
            let page = ImportPage(context: PageContext(input), history: try await input.services.imports.recent(), notice: nil,
                                  errors: [FieldError("file", .field("找不到预览过的文件，请重新上传"))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        let result = try await input.services.importer.preview(bytes, fileName: form["fileName"], principal: principal, today: input.today)
        guard form["signature"] == signature(result, principal: principal, services: input.services) else {
            return preview(input, result, status: .conflict, notice: "预览之后数据已有变化，下面是按最新数据重新生成的预览，请核对后再确认导入。")
        }
        do {
            _ = try await input.services.importer.commit(result, actor: input.actor, now: input.now)
            input.services.responses.clear()
            return Responses.redirect(to: Route.imports.path + "?notice=committed")
        } catch StoreError.conflict, StoreError.invalid {
            let fresh = try await input.services.importer.preview(bytes, fileName: form["fileName"], principal: principal, today: input.today)
            return preview(input, fresh, status: .conflict, notice: "导入时发现数据已被他人修改，未写入任何数据。请核对下面的最新预览后再确认。")
        }
    }

    static func preview(_ input: EndpointRequest, _ result: LedgerImporter.Result, status: HTTPResponse.Status, notice: String? = nil) -> Response {
        let page = ImportPreviewPage(context: PageContext(input), result: result, signature: signature(result, principal: input.principal, services: input.services),
                                     notice: notice)
        return Responses.html(page.document, status: status)
    }

    /// Binds a commit to the user and to the plan they saw.
    static func signature(_ result: LedgerImporter.Result, principal: Principal?, services: AppServices) -> String {
        services.sign("import|\(principal?.userId ?? 0)|\(result.fileName)|\(result.digest)")
    }

    /// The file as the body; `fileName` in the query; `commit=true` writes when the file is clean.
    static func api(_ input: EndpointRequest) async throws -> Response {
        let query = FormData(pairs: input.queryItems)
        let bytes = input.body.map { Array($0.readableBytesView) } ?? []
        let result = try await input.services.importer.preview(bytes, fileName: query["fileName"], principal: try input.requirePrincipal(), today: input.today)
        guard query["commit"] == "true" else { return try Responses.json(ImportResultDTO(result, record: nil)) }
        guard result.preview.canCommit else {
            let problems = result.preview.problems
            throw AppError(.unprocessableContent, kind: "import-refused",
                           title: problems.isEmpty ? "文件中没有需要导入的内容" : "导入未执行：文件有 \(problems.count) 处问题，未写入任何数据",
                           fieldErrors: problems.prefix(200).map { FieldError($0.cell, .field($0.sentence)) })
        }
        let record = try await input.services.importer.commit(result, actor: input.actor, now: input.now)
        input.services.responses.clear()
        return try Responses.json(ImportResultDTO(result, record: record), status: .created)
    }
}

struct ImportResultDTO: Codable, Sendable {
    struct Counts: Codable, Sendable {
        var create, update, unchanged, skipped, refused: Int
    }
    struct Problem: Codable, Sendable {
        @ExplicitNull var row: Int?
        @ExplicitNull var column: String?
        @ExplicitNull var header: String?
        var message: String
    }
    struct Row: Codable, Sendable {
        var row: Int
        var action: String
        var name: String
        @ExplicitNull var projectId: Int64?
        var changes: [String]
        var notes: [String]
        var problems: [Problem]
    }

    var fileName: String
    var sha256: String
    var canCommit: Bool
    @ExplicitNull var importId: Int64?
    var counts: Counts
    var problems: [Problem]
    var columnNotes: [String]
    var rows: [Row]

    init(_ result: LedgerImporter.Result, record: ImportRecord?) {
        let preview = result.preview
        fileName = result.fileName
        sha256 = result.sha256
        canCommit = preview.canCommit
        importId = record?.id
        counts = Counts(create: preview.count(.create), update: preview.count(.update), unchanged: preview.count(.unchanged),
                        skipped: preview.count(.skipped), refused: preview.count(.refused))
        func dto(_ problem: ImportProblem) -> Problem { Problem(row: problem.row, column: problem.column, header: problem.header, message: problem.message) }
        problems = preview.problems.map(dto)
        columnNotes = preview.columnNotes
        rows = preview.rows.map { Row(row: $0.row, action: $0.action.rawValue, name: $0.name, projectId: $0.projectId, changes: $0.changes, notes: $0.notes,
                                      problems: $0.problems.map(dto)) }
    }
}
