import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Ledger and monthly-figures import: upload, preview every row, commit all or nothing.
enum ImportPages {
    static func page(_ input: EndpointRequest) async throws -> Response {
        let notice = input.queryItems.first { $0.0 == "notice" }?.1 == "committed" ? WebText.Imports.done : nil
        var page = ImportPage(context: PageContext(input), history: try await history(input), notice: notice)
        page.owed = try await input.services.projects.owedByRegion(scope: input.scope(.viewProjects), catalog: input.catalog, today: input.today)
            .map { ($0.regionCode, input.catalog.region($0.regionCode)?.name ?? $0.regionCode, $0.count) }
        return Responses.html(page.document)
    }

    /// The uploaded file is kept (by its SHA-256) so the commit reads exactly what was previewed.
    static func upload(_ input: EndpointRequest) async throws -> Response {
        let kind = ledgerKind(input.form?["kind"])
        guard let file = input.files.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            let page = ImportPage(context: PageContext(input), history: try await history(input), notice: nil,
                                  errors: [FieldError("file", .field(WebText.Imports.chooseFile))], kind: kind)
            return Responses.html(page.document, status: .unprocessableContent)
        }
        if kind == .monthly { return try await uploaded(input, file.bytes, try await previewMonthly(input, file.bytes, fileName: file.filename)) }
        return try await uploaded(input, file.bytes, try await previewProjects(input, file.bytes, fileName: file.filename))
    }

    /// The kinds this page imports; a 签约项目台账 belongs to the leads pages (`LeadImportPages`).
    static func ledgerKind(_ text: String?) -> ImportRecord.Kind {
        ImportRecord.Kind(rawValue: text ?? "") == .monthly ? .monthly : .projects
    }

    static func uploaded<P>(_ input: EndpointRequest, _ bytes: [UInt8], _ run: ImportRun<P>, routes: PreviewRoutes = PreviewRoutes()) async throws -> Response {
        if run.preview.canCommit { try input.services.importFiles.save(bytes, key: run.sha256) }
        return preview(input, run, status: run.preview.problems.isEmpty ? .ok : .unprocessableContent, routes: routes)
    }

    /// Where a preview commits, where it goes back and after, and which menu item it sits under.
    struct PreviewRoutes {
        var commit: Route = .importCommit
        var back: Route = .imports
        var done: Route = Route.imports
        var nav: NavItem = .ledger
    }

    static func previewProjects(_ input: EndpointRequest, _ bytes: [UInt8], fileName: String) async throws -> ImportRun<LedgerWrite> {
        try await input.services.importer.preview(bytes, fileName: fileName, principal: try input.requirePrincipal(), today: input.today,
                                                  year: try chosenYear(input))
    }

    /// The year a user chose for a file that names none: the form's or the query's `year`.
    static func chosenYear(_ input: EndpointRequest) throws -> Int? {
        let text = input.form?["year"] ?? FormData(pairs: input.queryItems)["year"]
        guard !text.isEmpty else { return nil }
        guard let year = Int(text), Day.plausibleYears.contains(year) else {
            throw AppError.badQuery(ValidationFailure([FieldError("year", .unknownCode(field: "year", code: String(text.prefix(20))))]))
        }
        return year
    }

    static func previewMonthly(_ input: EndpointRequest, _ bytes: [UInt8], fileName: String) async throws -> ImportRun<MonthlyWrite> {
        try await input.services.importer.previewMonthly(bytes, fileName: fileName, principal: try input.requirePrincipal(),
                                                         rules: input.services.reportRules, today: input.today)
    }

    static func commitMonthly(_ input: EndpointRequest, _ run: ImportRun<MonthlyWrite>) async throws -> ImportRecord {
        try await input.services.importer.commit(run, rules: input.services.reportRules, actor: input.actor, today: input.today, now: input.now)
    }

    static func commit(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        guard let bytes = try input.services.importFiles.load(key: form["sha256"]) else {
            let page = ImportPage(context: PageContext(input), history: try await history(input), notice: nil,
                                  errors: [FieldError("file", .field(WebText.Imports.previewMissing))])
            return Responses.html(page.document, status: .unprocessableContent)
        }
        if ledgerKind(form["kind"]) == .monthly {
            return try await commit(input, form: form) { try await previewMonthly(input, bytes, fileName: form["fileName"]) } write: {
                try await commitMonthly(input, $0)
            }
        }
        return try await commit(input, form: form) { try await previewProjects(input, bytes, fileName: form["fileName"]) } write: {
            try await input.services.importer.commit($0, actor: input.actor, now: input.now)
        }
    }

    /// Plans the kept file again: a plan that differs from the one signed, or a write that meets a
    /// change made meanwhile, shows the fresh preview and writes nothing.
    static func commit<P>(_ input: EndpointRequest, form: FormData, routes: PreviewRoutes = PreviewRoutes(), plan: () async throws -> ImportRun<P>,
                          write: (ImportRun<P>) async throws -> ImportRecord) async throws -> Response {
        let run = try await plan()
        guard form["signature"] == signature(run, principal: input.principal, services: input.services) else {
            return preview(input, run, status: .conflict, notice: WebText.Imports.changedSincePreview, routes: routes)
        }
        do {
            _ = try await write(run)
            input.services.responses.clear()
            return Responses.redirect(to: routes.done.path(notice: "committed"))
        } catch StoreError.conflict, StoreError.invalid {
            return preview(input, try await plan(), status: .conflict, notice: WebText.Imports.changedDuringCommit, routes: routes)
        }
    }

    static func preview<P>(_ input: EndpointRequest, _ run: ImportRun<P>, status: HTTPResponse.Status, notice: String? = nil,
                           routes: PreviewRoutes = PreviewRoutes()) -> Response {
        let page = ImportPreviewPage(context: PageContext(input), run: run, signature: signature(run, principal: input.principal, services: input.services),
                                     notice: notice, commitRoute: routes.commit, backRoute: routes.back, nav: routes.nav)
        return Responses.html(page.document, status: status)
    }

    /// Binds a commit to the user and to the plan they saw.
    static func signature<P>(_ run: ImportRun<P>, principal: Principal?, services: AppServices) -> String {
        services.sign("import|\(principal?.userId ?? 0)|\(run.fileName)|\(run.digest)")
    }

    /// The file as the body; `fileName` in the query; `commit=true` writes when the file is clean.
    static func apiProjects(_ input: EndpointRequest) async throws -> Response {
        try await api(input) { try await previewProjects(input, $0, fileName: $1) } write: {
            try await input.services.importer.commit($0, actor: input.actor, now: input.now)
        }
    }

    static func apiMonthly(_ input: EndpointRequest) async throws -> Response {
        try await api(input) { try await previewMonthly(input, $0, fileName: $1) } write: { try await commitMonthly(input, $0) }
    }

    static func api<P>(_ input: EndpointRequest, plan: ([UInt8], String) async throws -> ImportRun<P>,
                       write: (ImportRun<P>) async throws -> ImportRecord) async throws -> Response {
        let query = FormData(pairs: input.queryItems)
        let run = try await plan(input.body.map { Array($0.readableBytesView) } ?? [], query["fileName"])
        guard query["commit"] == "true" else { return try Responses.json(ImportResultDTO(run, record: nil)) }
        guard run.preview.canCommit else {
            let problems = run.preview.problems
            throw AppError(.unprocessableContent, kind: "import-refused",
                           title: problems.isEmpty ? WebText.Imports.nothingToImport : WebText.Imports.notImported(problems.count),
                           fieldErrors: problems.prefix(200).map { FieldError($0.cell, .field($0.sentence)) })
        }
        let record = try await write(run)
        input.services.responses.clear()
        return try Responses.json(ImportResultDTO(run, record: record), status: .created)
    }

    /// Earlier imports the caller may see (see `Policy.seesAllImports`).
    static func history(_ input: EndpointRequest) async throws -> [ImportRecord] {
        let principal = try input.requirePrincipal()
        let reach: ImportRepository.HistoryReach = Policy.seesAllImports(principal)
            ? .everything : .unitAndUser(unit: principal.unit?.text, userId: principal.userId)
        return try await input.services.imports.recent(reach: reach)
    }
}
