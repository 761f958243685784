import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// The problem list (问题清单) with the month's cycle and figures, one problem with its history
/// and the forms its reader may use, and the posts behind them.
enum ProblemPages {
    /// A page of problems and the figures of everything the caller sees.
    struct Board: Sendable {
        var page: ProblemPage
        var figures: ProblemFigures
        var cycle: ProblemCycle
    }

    static func reach(_ input: EndpointRequest) throws -> ProblemReach {
        Policy.problemReach(of: try input.requirePrincipal(), catalog: input.catalog)
    }

    static func board(_ input: EndpointRequest, query: ProblemQuery) async throws -> Board {
        let reach = try reach(input)
        let page = try await input.services.problems.list(query, reach: reach, today: input.today)
        let figures = ProblemFigures(try await input.services.problems.all(reach: reach), today: input.today)
        return Board(page: page, figures: figures, cycle: ProblemCycle(today: input.today, cycle: input.services.problemSettings.cycle))
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        var errors: [FieldError] = []
        var query = ProblemQuery()
        switch ProblemQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure): errors = failure.errors
        }
        return try await renderList(input, query: query, errors: errors, form: FormData(pairs: []), status: errors.isEmpty ? .ok : .badRequest)
    }

    static func renderList(_ input: EndpointRequest, query: ProblemQuery, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let board = try await board(input, query: query)
        var project: Project?
        if let id = query.projectId { project = try await input.services.projects.project(id: id) }
        // The raise form is offered on a project the caller may change.
        let principal = input.principal
        let raiseOn = project.flatMap { Policy.decide(.editProject, on: $0, for: principal, catalog: input.catalog) == .allow ? $0 : nil }
        let notice = input.queryItems.first { $0.0 == "notice" }.map { $0.1 == "escalated" ? WebText.Problems.escalatedNotice : WebText.Problems.savedNotice }
        let page = ProblemListPage(context: PageContext(input), query: query, board: board, settings: input.services.problemSettings, catalog: input.catalog,
                                   project: project, raiseOn: raiseOn, errors: errors, form: form, notice: notice)
        return Responses.html(page.document, status: status)
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let problem = input.problem else { throw AppError.notFound }
        return try await render(input, problem, errors: [], status: .ok)
    }

    static func render(_ input: EndpointRequest, _ problem: Problem, errors: [FieldError], status: HTTPResponse.Status) async throws -> Response {
        let principal = input.principal
        let catalog = input.catalog
        let may = Set([PolicyAction.manageProblems, .handleProblem, .confirmProblem].filter {
            Policy.decideProblem($0, problem, project: input.project, for: principal, catalog: catalog) == .allow
        })
        let notice = input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Problems.savedNotice }
        let page = ProblemShowPage(context: PageContext(input), problem: problem, project: input.project, events: try await input.services.problems.events(problemId: problem.id),
                                   files: try await input.services.files.evidence(problemId: problem.id),
                                   settings: input.services.problemSettings, catalog: catalog, may: may, errors: errors, notice: notice)
        return Responses.html(page.document, status: status)
    }

    static func eventContext(_ input: EndpointRequest, _ problem: Problem) -> ProblemEventInput.Context {
        ProblemEventInput.Context(problem: problem, settings: input.services.problemSettings, calendar: input.services.workingCalendar(),
                                  catalog: input.catalog, today: input.today)
    }

    /// The 问题清单's raise entry: the project named (name or code) opens its raise form.
    static func findProject(_ input: EndpointRequest) async throws -> Response {
        let name = FormData(pairs: input.queryItems)["name"].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            return try await renderList(input, query: ProblemQuery(), errors: [FieldError("projectName", .required(field: "projectName"))],
                                        form: FormData(pairs: []), status: .unprocessableContent)
        }
        switch try await ProjectLookup.project(named: name, field: "projectName", input) {
        case .success(let project):
            var query = ProblemQuery()
            query.projectId = project.id
            return Responses.redirect(to: Route.problems(query).path)
        case .failure(let error):
            return try await renderList(input, query: ProblemQuery(), errors: [error], form: FormData(pairs: [("projectName", name)]), status: .unprocessableContent)
        }
    }

    /// A problem raised on a project, with a photo or document as its first evidence if one
    /// comes; a file that will not do stops the raise.
    static func raise(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        var query = ProblemQuery()
        query.projectId = project.id
        let evidence: Multipart.File?
        do {
            evidence = try checkedEvidence(input)
        } catch StoreError.invalid(let failure) {
            return try await renderList(input, query: query, errors: failure.errors, form: form, status: .unprocessableContent)
        }
        switch ProblemEventInput.raise(form.pairs, project: project, principal: try input.requirePrincipal(), settings: input.services.problemSettings, today: input.today) {
        case .failure(let failure):
            return try await renderList(input, query: query, errors: failure.errors, form: form, status: .unprocessableContent)
        case .success(let problem):
            let saved = try await input.services.problems.raise(problem, notifying: input.services.problemSettings.assigningUnit, actor: input.actor, now: input.now)
            try await attach(evidence, to: saved.id, input)
            return Responses.redirect(to: Route.problem(saved.id).path(notice: "saved"))
        }
    }

    /// The form's evidence file (`file`), if one came, checked before anything is written: a file
    /// that will not do is a refusal of the whole post.
    static func checkedEvidence(_ input: EndpointRequest) throws -> Multipart.File? {
        guard let evidence = input.files.first(where: { $0.field == "file" && !$0.bytes.isEmpty }) else { return nil }
        if case .failure(let failure) = FileRules.check(.problemEvidence, bytes: evidence.bytes, name: evidence.filename, maxBytes: input.services.settings.maxUploadBytes) {
            throw StoreError.invalid(failure)
        }
        return evidence
    }

    /// Keeps checked evidence with the problem it came with.
    static func attach(_ evidence: Multipart.File?, to problemId: Int64, _ input: EndpointRequest) async throws {
        guard let evidence else { return }
        _ = try await input.services.files.add(.problemEvidence(problemId: problemId), name: evidence.filename, bytes: evidence.bytes,
                                               maxBytes: input.services.settings.maxUploadBytes, actor: input.actor, now: input.now)
    }

    static func event(_ input: EndpointRequest, group: ProblemEventInput.Group) async throws -> Response {
        guard let problem = input.problem else { throw AppError.notFound }
        // The owner's evidence comes with its reply or its 办结; a file that will not do stops both.
        return try await FormSubmission.submit({
            let evidence = try checkedEvidence(input)
            switch ProblemEventInput.parse(input.form?.pairs ?? [], group: group, context: eventContext(input, problem)) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let (event, version)):
                _ = try await input.services.problems.record(event, problemId: problem.id, expectedVersion: version, actor: input.actor, today: input.today, now: input.now)
                try await attach(evidence, to: problem.id, input)
                return Responses.redirect(to: Route.problem(problem.id).path(notice: "saved"))
            }
        }, refused: { refusal in
            let shown = refusal.currentVersion == nil ? problem : try await input.services.problems.problem(id: problem.id) ?? problem
            return try await render(input, shown, errors: refusal.errors, status: refusal.status)
        })
    }

    /// 万人助万企: a problem of an enterprise without a project, in a region the caller may raise for.
    static func raiseForEnterprise(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        switch try enterpriseProblem(input, form.pairs) {
        case .failure(let failure):
            return try await renderList(input, query: ProblemQuery(), errors: failure.errors, form: form, status: .unprocessableContent)
        case .success(let problem):
            let saved = try await input.services.problems.raise(problem, notifying: input.services.problemSettings.assigningUnit, actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.problem(saved.id).path(notice: "saved"))
        }
    }

    /// The checked problem, or why not; a region outside the caller's reach is refused by the policy.
    static func enterpriseProblem(_ input: EndpointRequest, _ pairs: [(String, String)]) throws -> Result<Problem, ValidationFailure> {
        let principal = try input.requirePrincipal()
        let result = ProblemEventInput.raiseForEnterprise(pairs, principal: principal, settings: input.services.problemSettings, catalog: input.catalog, today: input.today)
        if case .success(let problem) = result, Policy.decideEnterpriseProblem(regionCode: problem.regionCode, for: principal, catalog: input.catalog) != .allow {
            throw AppError(.forbidden, kind: "forbidden", title: WebText.Problems.enterpriseOutsideRegion)
        }
        return result
    }

    /// The centre runs the overdue escalation now (it also runs on the scheduler once that exists).
    static func escalateOverdue(_ input: EndpointRequest) async throws -> Response {
        _ = try await input.services.problems.escalateOverdue(settings: input.services.problemSettings, calendar: input.services.workingCalendar(),
                                                              actor: input.actor, today: input.today, now: input.now)
        var query = ProblemQuery()
        query.view = .escalated
        return Responses.redirect(to: Route.problems(query).path(notice: "escalated"))
    }
}
