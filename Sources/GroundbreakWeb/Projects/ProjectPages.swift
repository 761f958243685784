import Foundation
import GroundbreakDomain
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
        var model = LedgerPage(context: PageContext(input), query: query, page: page, catalog: catalog,
                               schemes: try await input.services.schemes.schemes(), lists: try await input.services.yearLists.lists(), queryErrors: queryErrors)
        // The latest day the record was taken whole (runs come oldest first).
        model.lightsAsOf = try await SchedulerRepository(database: input.services.database).runs(job: Scheduler.lightsJob).last { $0.outcome == "ok" }?.key
        if model.lightsAsOf != nil {
            model.lightCounts = try await input.services.projects.lightCounts(query, scope: input.scope(.viewProjects), catalog: catalog, today: input.today)
        }
        return Responses.html(model.document, status: queryErrors.isEmpty ? .ok : .badRequest)
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
        return try await FormSubmission.submit({
            let project = try await input.services.projects.create(
                projectInput, stage: stage, allowed: input.scope(.createProject), visible: input.scope(.viewProjects), actor: input.actor, catalog: catalog, today: input.today, now: input.now
            )
            return Responses.redirect(to: Route.project(project.id).path(notice: "created"))
        }, refused: { refuse($0.errors) })
    }

    static func show(_ input: EndpointRequest, transitionErrors: [FieldError] = [], transitionForm: FormData? = nil,
                     status: HTTPResponse.Status? = nil) async throws -> Response {
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
        page.classes = try await input.services.schemes.classes(of: id)
        page.statements = try await input.services.yearLists.entries(projectId: id)
        if WarningPages.liveStages.contains(project.stage) {
            let rules = try await WarningRepository(database: input.services.database).currentRules()
            let signals = try await WarningRepository(database: input.services.database).signals(
                [project], approvalsOverdue: [id: page.approvalsOverdue], indicators: input.services.indicators, curve: rules.curve,
                reportRules: input.services.reportRules, today: input.today)
            page.warning = signals.all.first.map(rules.evaluate)
        }
        page.lightHistory = try await WarningRepository(database: input.services.database).history(projectId: id)
        if let principal = input.principal {
            let reach = Policy.leadReach(.viewLeads, of: principal, catalog: input.catalog)
            page.sourceLeads = try await input.services.leads.leads(projectId: id).filter(reach.sees)
                .map { ($0, input.services.leadCatalog.stageName($0.stageCode)) }
        }
        return Responses.html(page.document, status: status ?? (transitionErrors.isEmpty ? .ok : .unprocessableContent))
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
        return try await FormSubmission.submit({
            _ = try await input.services.projects.update(
                id: id, expectedVersion: version, projectInput, allowed: input.scope(.editProject), visible: input.scope(.viewProjects), actor: input.actor, catalog: catalog, today: input.today, now: input.now
            )
            return Responses.redirect(to: Route.project(id).path(notice: "saved"))
        }, refused: { refusal in
            // The edit form says what moved in its own banner, beside what the caller typed.
            refusal.currentVersion.map { refuse([], conflict: $0) } ?? refuse(refusal.errors)
        })
    }

    static func transition(_ input: EndpointRequest) async throws -> Response {
        let id = try input.id()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit(conflictField: "target", {
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
            return Responses.redirect(to: Route.project(id).path(notice: "moved"))
        }, refused: { try await show(input, transitionErrors: $0.errors, transitionForm: form, status: $0.status) })
    }
}
