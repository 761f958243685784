import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Task forces: the list the reader may read, one task force, one group with its projects, the
/// group's projects as a workbook, and naming projects to a group.
enum TaskForcePages {
    /// The task forces the reader may read, by the same rule as one of them.
    static func readable(_ input: EndpointRequest) async throws -> [TaskForce] {
        try await input.services.taskForces.taskForces().filter { force in
            Policy.decide(.viewProjects, onTaskForce: force.unit, seats: force.commandSeats.union(force.groups.flatMap(\.leaderSeats)),
                          for: input.principal, catalog: input.catalog) == .allow
        }
    }

    static func list(_ input: EndpointRequest) async throws -> Response {
        try await renderList(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderList(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        Responses.html(TaskForceListPage(context: PageContext(input), taskForces: try await readable(input), catalog: input.catalog, errors: errors,
                                         form: form).document, status: status)
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            switch TaskForceInput.taskForce(form) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let draft):
                let saved = try await input.services.taskForces.create(draft, catalog: input.catalog, actor: input.actor, now: input.now)
                return Responses.redirect(to: Route.taskForce(saved.id).path(notice: "saved"))
            }
        }, refused: { try await renderList(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        try await renderShow(input, errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func renderShow(_ input: EndpointRequest, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        guard let loaded = input.taskForce else { throw AppError.notFound }
        let taskForce = try await input.services.taskForces.taskForce(id: loaded.id) ?? loaded
        var counts: [Int64: Int] = [:]
        for group in taskForce.groups { counts[group.id] = try await input.services.taskForces.projectIds(of: group).count }
        let classes = try await input.services.schemes.schemes(regionCodes: [taskForce.unit.code]).flatMap(\.classes)
        return Responses.html(TaskForceShowPage(context: PageContext(input), taskForce: taskForce, projectCounts: counts, catalog: input.catalog, classes: classes,
                                                errors: errors, form: form, notice: input.queryItems.contains { $0.0 == "notice" } ? WebText.TaskForces.saved : nil)
            .document, status: status)
    }

    static func addGroup(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            var projects: [Int64] = []
            switch try await ProjectLookup.ids(named: form["projects"], field: "projects", input) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let ids): projects = ids
            }
            switch TaskForceInput.group(form, projectIds: projects) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let group):
                _ = try await input.services.taskForces.addGroup(group, to: taskForce.id, expectedVersion: version, catalog: input.catalog, actor: input.actor,
                                                                 now: input.now)
                return Responses.redirect(to: Route.taskForce(taskForce.id).path(notice: "saved"))
            }
        }, refused: { try await renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func group(_ input: EndpointRequest) async throws -> Response {
        try await renderGroup(input, errors: [], status: .ok)
    }

    static func renderGroup(_ input: EndpointRequest, errors: [FieldError], status: HTTPResponse.Status) async throws -> Response {
        guard let taskForce = input.taskForce, let group = input.workingGroup else { throw AppError.notFound }
        let reading = try await GroupReading.load(input, taskForce, group)
        let classes = try await input.services.schemes.schemes(regionCodes: [taskForce.unit.code]).flatMap(\.classes)
        // A refused edit shows what was typed; any other refusal the group as it is.
        let typed = input.form.flatMap { $0["name"].isEmpty ? nil : $0 } ?? FormData(pairs: [])
        let page = WorkingGroupPage(context: PageContext(input), reading: reading, catalog: input.catalog, rateCatalog: input.services.fourRates,
                                    classes: classes, errors: errors, form: typed,
                                    notice: input.queryItems.contains { $0.0 == "notice" } ? WebText.TaskForces.saved : nil)
        return Responses.html(page.document, status: status)
    }

    static func groupXLSX(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce, let group = input.workingGroup else { throw AppError.notFound }
        let reading = try await GroupReading.load(input, taskForce, group)
        typealias T = WebText.TaskForces
        let sheet = ListSheet(title: group.name, filterLine: WebText.Common.filterLine(T.groupFilter(group.name, taskForce.name), Format.dateTime(input.now)),
                              columns: [.init(WebText.Warnings.serial, width: 6, .integer), .init(T.project, width: 34, .wrapped), .init(T.region, width: 10),
                                        .init(T.stage, width: 10), .init(T.total, width: 14, .amount), .init(T.planned, width: 14, .amount),
                                        .init(T.done, width: 14, .amount), .init(T.light, width: 6), .init(T.openProblems, width: 8, .integer)],
                              rows: reading.projects.enumerated().map { index, project in
                                  [.integer(index + 1), .text(project.fields.name), .text(input.catalog.region(project.fields.regionCode)?.name ?? project.fields.regionCode),
                                   .text(project.stage.label), .wan(project.fields.totalInvestment), .wan(reading.plans[project.id]), .wan(reading.done[project.id]),
                                   .text(reading.lights[project.id]?.label ?? T.none2),
                                   .integer(reading.problems.filter { $0.projectId == project.id }.count)]
                              })
        return try await Download.file(contentType: Download.xlsxType, name: T.fileName(group.name), fallback: "group-\(group.id).xlsx") {
            try ListWorkbook.write(sheet, to: $0, created: input.now, countLine: T.count(reading.projects.count))
        }
    }

    /// `version`, `add` (project names, one per line) and `remove` (project ids).
    static func changeProjects(_ input: EndpointRequest) async throws -> Response {
        guard let group = input.workingGroup else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
            var adding: [Int64] = []
            switch try await ProjectLookup.ids(named: form["add"], field: "projects", input) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let ids): adding = ids
            }
            let removing = form.pairs.filter { $0.0 == "remove" }.compactMap { Int64($0.1) }
            _ = try await input.services.taskForces.changeProjects(groupId: group.id, adding: adding, removing: removing, expectedVersion: version,
                                                                  actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.workingGroup(group.id).path(notice: "saved"))
        }, refused: { try await renderGroup(input, errors: $0.errors, status: $0.status) })
    }
}
