import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// The ledger and project pages: read, create, edit, move.
enum ProjectPages {
    static func ledger(_ input: EndpointRequest) async throws -> Response {
        var query = ProjectQuery()
        var queryErrors: [FieldError] = []
        switch ProjectQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure):
            // Show the page without the bad parameters, and say which were dropped.
            queryErrors = failure.errors
            let bad = Set(failure.errors.map(\.field))
            query = (try? ProjectQuery.parse(input.queryItems.filter { !bad.contains($0.0) }).get()) ?? ProjectQuery()
        }
        let catalog = input.catalog
        let page = try await input.services.projects.list(query, scope: input.scope(.viewProjects), catalog: catalog, today: input.today)
        let model = LedgerPage(context: PageContext(input), query: query, page: page, catalog: catalog, queryErrors: queryErrors)
        return Responses.html(model.document, status: queryErrors.isEmpty ? .ok : .badRequest)
    }

    static let csvHeader = [
        "序号", "项目名称", "投资项目统一代码", "项目单位", "统一社会信用代码", "所在属地", "所属开发区", "项目类别", "行业门类", "行业大类",
        "投资类型", "总投资（万元）", "阶段", "计划开工", "计划竣工", "实际开工", "实际竣工", "牵头部门", "包保领导", "项目秘书", "提示",
    ]

    /// The filtered ledger as CSV, fetched and written page by page.
    static func ledgerCSV(_ input: EndpointRequest) async throws -> Response {
        let parsed: ProjectQuery
        switch ProjectQuery.parse(input.queryItems) {
        case .success(let query): parsed = query
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let catalog = input.catalog
        let today = input.today
        let projects = input.services.projects
        let scope = input.scope(.viewProjects)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        let name = "项目台账-\(today.iso).csv"
        headers[.contentDisposition] = "attachment; filename=\"ledger.csv\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "ledger.csv")"
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: CSVDocument.byteOrderMark + CSVDocument.row(csvHeader)))
            var query = parsed
            query.perPage = ProjectQuery.maxPerPage
            var number = 0
            var pageNumber = 1
            while true {
                query.page = pageNumber
                let page = try await projects.list(query, scope: scope, catalog: catalog, today: today)
                var bytes: [UInt8] = []
                for project in page.projects {
                    number += 1
                    bytes += CSVDocument.row(csvRow(project, number: number, catalog: catalog, today: today))
                }
                if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
                if pageNumber >= page.pageCount { break }
                pageNumber += 1
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func csvRow(_ project: Project, number: Int, catalog: ReferenceCatalog, today: Day) -> [String] {
        let fields = project.fields
        let division = fields.industryDivision.flatMap { catalog.division($0) }
        func seat(_ id: Int64?) -> String { id.flatMap { catalog.position($0)?.display } ?? "" }
        return [
            String(number), fields.name, fields.code?.value ?? "", fields.ownerName, fields.ownerCreditCode?.value ?? "",
            catalog.region(fields.regionCode)?.name ?? fields.regionCode, fields.zoneCode.flatMap { catalog.zone($0)?.name } ?? "",
            catalog.category(fields.categoryCode)?.name ?? fields.categoryCode,
            division.flatMap { catalog.section($0.sectionCode)?.name } ?? "", division?.name ?? "",
            fields.investmentType.label, fields.totalInvestment.formatted(in: .wan, decimals: 2), project.stage.label,
            fields.plannedStart?.iso ?? "", fields.plannedCompletion?.iso ?? "", fields.actualStart?.iso ?? "", fields.actualCompletion?.iso ?? "",
            fields.leadDepartmentCode.flatMap { catalog.department($0)?.name } ?? "", seat(fields.sponsorPositionId), seat(fields.secretaryPositionId),
            project.flags(rules: catalog.flagRules, today: today).map(\.label).joined(separator: "；"),
        ]
    }

    static func newForm(_ input: EndpointRequest) async throws -> Response {
        let page = ProjectFormPage(context: PageContext(input), mode: .create(stage: Stage.reserve.rawValue), input: ProjectInput(), catalog: input.catalog)
        return Responses.html(page.document)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let projectInput = ProjectFormPage.input(from: form)
        let stageText = form["stage"]
        let catalog = input.catalog
        func refuse(_ errors: [FieldError]) -> Response {
            let page = ProjectFormPage(context: PageContext(input), mode: .create(stage: stageText), input: projectInput, catalog: catalog, errors: errors)
            return Responses.html(page.document, status: .unprocessableContent)
        }
        guard let stage = Stage(rawValue: stageText.isEmpty ? Stage.reserve.rawValue : stageText) else {
            return refuse([FieldError("stage", .unknownCode(field: "stage", code: stageText))])
        }
        do {
            let project = try await input.services.projects.create(
                projectInput, stage: stage, allowed: input.scope(.createProject), actor: input.actor, catalog: catalog, today: input.today, now: input.now
            )
            return Responses.redirect(to: Route.project(project.id).path + "?notice=created")
        } catch StoreError.invalid(let failure) {
            return refuse(failure.errors)
        }
    }

    static func show(_ input: EndpointRequest, transitionErrors: [FieldError] = [], transitionForm: FormData? = nil) async throws -> Response {
        let project = try input.targetProject()
        let id = project.id
        let notices = ["created": WebText.Project.created, "saved": WebText.Project.saved, "moved": WebText.Project.moved]
        let approvals = try await ApprovalBoard.load(input, project: project, withEvents: false)
        var page = ProjectShowPage(
            context: PageContext(input), project: project, catalog: input.catalog,
            transitions: try await input.services.projects.transitions(projectId: id),
            audit: try await input.services.audit.entries(entity: "project", entityId: String(id)),
            notice: input.queryItems.first { $0.0 == "notice" }.flatMap { notices[$0.1] },
            transitionErrors: transitionErrors, transitionForm: transitionForm ?? FormData(pairs: []),
            canEdit: Policy.decide(.editProject, on: project, for: input.principal, catalog: input.catalog) == .allow,
            canTransition: Policy.decide(.transitionProject, on: project, for: input.principal, catalog: input.catalog) == .allow
        )
        page.approvalsOverdue = approvals.rows.filter { $0.reading.state == .overdue }.count
        page.approvalsSlipped = approvals.slipped
        return Responses.html(page.document, status: transitionErrors.isEmpty ? .ok : .unprocessableContent)
    }

    static func editForm(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let page = ProjectFormPage(context: PageContext(input), mode: .edit(project: project), input: ProjectInput(fields: project.fields), catalog: input.catalog)
        return Responses.html(page.document)
    }

    static func update(_ input: EndpointRequest) async throws -> Response {
        let id = try input.id()
        let form = input.form ?? FormData(pairs: [])
        let projectInput = ProjectFormPage.input(from: form)
        let current = try input.targetProject()
        let catalog = input.catalog
        func refuse(_ errors: [FieldError], conflict: Int? = nil) -> Response {
            var page = ProjectFormPage(context: PageContext(input), mode: .edit(project: current), input: projectInput, catalog: catalog, errors: errors)
            page.conflictVersion = conflict
            return Responses.html(page.document, status: conflict == nil ? .unprocessableContent : .conflict)
        }
        guard let version = Int(form["version"]) else {
            return refuse([FieldError("version", .required(field: "version"))])
        }
        do {
            _ = try await input.services.projects.update(
                id: id, expectedVersion: version, projectInput, allowed: input.scope(.editProject), actor: input.actor, catalog: catalog, today: input.today, now: input.now
            )
            return Responses.redirect(to: Route.project(id).path + "?notice=saved")
        } catch StoreError.invalid(let failure) {
            return refuse(failure.errors)
        } catch StoreError.conflict(let currentVersion) {
            return refuse([], conflict: currentVersion)
        }
    }

    static func transition(_ input: EndpointRequest) async throws -> Response {
        let id = try input.id()
        let form = input.form ?? FormData(pairs: [])
        do {
            guard let version = Int(form["version"]) else { throw AppError.validation(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            let target = form["target"]
            let request = try ProjectsAPI.transitionRequest(
                target: target, note: form["note"],
                actualStart: target == Stage.construction.rawValue ? form["actualStart"] : nil,
                actualCompletion: target == Stage.operation.rawValue ? form["actualCompletion"] : nil
            )
            _ = try await input.services.projects.transition(
                id: id, expectedVersion: version, request, allowed: input.scope(.transitionProject), actor: input.actor, catalog: input.catalog, today: input.today, now: input.now
            )
            return Responses.redirect(to: Route.project(id).path + "?notice=moved")
        } catch let error as AppError where !error.fieldErrors.isEmpty {
            return try await show(input, transitionErrors: error.fieldErrors, transitionForm: form)
        } catch StoreError.invalid(let failure) {
            return try await show(input, transitionErrors: failure.errors, transitionForm: form)
        } catch StoreError.conflict(let current) {
            let error = FieldError("target", .field("该项目已被他人修改（当前版本 \(current)），请核对后重新提交"))
            return try await show(input, transitionErrors: [error], transitionForm: form)
        }
    }
}
