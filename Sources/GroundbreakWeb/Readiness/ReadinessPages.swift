import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// One project's readiness: read by whoever sees the project, kept by whoever edits it; an unmet
/// item raised as a problem in one step.
enum ReadinessPages {
    typealias T = WebText.Readiness

    static func summary(_ project: Project, _ input: EndpointRequest) async throws -> ReadinessSummary {
        ReadinessSummary(projectId: project.id, recorded: try await input.services.readiness.items(projectId: project.id), catalog: input.services.readinessCatalog)
    }

    static func project(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let project = try input.targetProject()
        let mayEdit = Policy.decide(.editProject, on: project, for: input.principal, catalog: input.catalog) == .allow
        return Responses.html(ReadinessProjectPage(context: PageContext(input), project: project, summary: try await summary(project, input),
                                                   catalog: input.services.readinessCatalog, reference: input.catalog, mayEdit: mayEdit, errors: errors, form: form,
                                                   notice: input.queryItems.contains { $0.0 == "notice" } ? T.saved : nil).document, status: status)
    }

    /// The page's form: per item `state_<code>`, `due_<code>`, `done_<code>`, `unit_<code>`, `way_<code>`, `note_<code>`,
    /// `version_<code>`; only the items that changed are written.
    static func save(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let current = try await summary(project, input).items
            var errors: [FieldError] = []
            var changed: [ReadinessItem] = []
            for item in current {
                guard !form["state_\(item.code)"].isEmpty else { continue }
                switch parse(code: item.code, state: form["state_\(item.code)"], due: form["due_\(item.code)"], done: form["done_\(item.code)"],
                             unit: form["unit_\(item.code)"], way: form["way_\(item.code)"], note: form["note_\(item.code)"],
                             version: Int(form["version_\(item.code)"]) ?? item.version, projectId: project.id) {
                case .success(let parsed): if parsed != item { changed.append(parsed) }
                case .failure(let failure): errors += failure.errors
                }
            }
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            if !changed.isEmpty {
                _ = try await input.services.readiness.save(changed, projectId: project.id, catalog: input.services.readinessCatalog, reference: input.catalog,
                                                            actor: input.actor, today: input.today, now: input.now)
            }
            return Responses.redirect(to: Route.projectReadiness(project.id).path(notice: "saved"))
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    /// Raises the unmet item (`item`) as a problem on the project under the item's problem category.
    static func raise(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        let catalog = input.services.readinessCatalog
        return try await FormSubmission.submit({
            guard let entry = catalog.item(form["item"]) else {
                throw StoreError.invalid(ValidationFailure([FieldError("item", form["item"].isEmpty ? .required(field: "item") : .unknownCode(field: "item", code: String(form["item"].prefix(40))))]))
            }
            let item = try await summary(project, input).items.first { $0.code == entry.code }!
            let description = ReadinessText.problem(entry.name, state: item.state, note: item.note)
            switch ProblemEventInput.raise([("categoryCode", entry.problemCategory), ("description", description)], project: project,
                                           principal: try input.requirePrincipal(), settings: input.services.problemSettings, today: input.today) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let problem):
                let saved = try await input.services.problems.raise(problem, notifying: input.services.problemSettings.assigningUnit, actor: input.actor, now: input.now)
                return Responses.redirect(to: Route.problem(saved.id).path(notice: "saved"))
            }
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func parse(code: String, state: String, due: String, done: String, unit: String, way: String, note: String, version: Int,
                      projectId: Int64) -> Result<ReadinessItem, ValidationFailure> {
        var errors: [FieldError] = []
        let parsedState = ReadinessState(rawValue: state)
        if parsedState == nil { errors.append(FieldError("state", state.isEmpty ? .required(field: "state") : .unknownCode(field: "state", code: String(state.prefix(20))))) }
        let day = { (text: String, field: String) -> Day? in
            guard !text.isEmpty else { return nil }
            guard let day = Day.parse(text) else { errors.append(FieldError(field, .dateInvalid)); return nil }
            return day
        }
        let dueOn = day(due, "dueOn"), doneOn = day(done, "doneOn")
        var parsedUnit: OrgUnit?
        if !unit.isEmpty {
            parsedUnit = OrgUnit.parse(unit)
            if parsedUnit == nil { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(unit.prefix(40))))) }
        }
        guard errors.isEmpty, let parsedState else { return .failure(ValidationFailure(errors)) }
        return .success(ReadinessItem(projectId: projectId, code: code, state: parsedState, dueOn: dueOn, doneOn: doneOn, unit: parsedUnit,
                                      way: TextNormalizer.collapsedLine(way), note: TextNormalizer.collapsedLine(note), version: version))
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        return try Responses.json(ReadinessDTO(project: project, summary: try await summary(project, input), catalog: input.services.readinessCatalog))
    }

    static func apiSave(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(ReadinessSaveRequest.self)
        var errors: [FieldError] = []
        var items: [ReadinessItem] = []
        for write in body.items {
            switch parse(code: write.item, state: write.state, due: write.dueOn ?? "", done: write.doneOn ?? "", unit: write.unit ?? "", way: write.way ?? "",
                         note: write.note ?? "", version: write.version, projectId: project.id) {
            case .success(let item): items.append(item)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw AppError.validation(ValidationFailure(errors)) }
        _ = try await input.services.readiness.save(items, projectId: project.id, catalog: input.services.readinessCatalog, reference: input.catalog,
                                                    actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(ReadinessDTO(project: project, summary: try await summary(project, input), catalog: input.services.readinessCatalog))
    }
}
