import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

/// `/api/v1`: the ledger as JSON.
enum ProjectsAPI {
    static func list(_ input: EndpointRequest) async throws -> Response {
        let query: ProjectQuery
        switch ProjectQuery.parse(input.queryItems) {
        case .success(let parsed): query = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        let catalog = input.catalog
        let scope = input.scope(.viewProjects)
        let page = try await input.services.projects.list(query, scope: scope, catalog: catalog, today: input.today)
        let key = "api-list|\(Route.query(query.items))|\(scope.key)|\(page.generation)|\(input.today.iso)"
        if let bytes = input.services.responses.value(for: key) { return Responses.json(bytes: bytes) }
        let bytes = try JSONStream.encode(ProjectListDTO(page, catalog: catalog, today: input.today))
        input.services.responses.store(bytes, for: key)
        return Responses.json(bytes: bytes)
    }

    static func get(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(ProjectDTO(try input.targetProject(), catalog: input.catalog, today: input.today))
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(ProjectWriteDTO.self)
        var errors = body.shapeErrors(requireVersion: false, allowStage: true)
        var stage = Stage.reserve
        if let raw = body.stage {
            if let parsed = Stage(rawValue: raw) { stage = parsed }
            else { errors.append(FieldError("stage", .unknownCode(field: "stage", code: raw))) }
        }
        guard errors.isEmpty else { throw AppError.validation(ValidationFailure(errors)) }
        var projectInput = ProjectInput()
        body.apply(to: &projectInput)
        let project = try await input.services.projects.create(
            projectInput, stage: stage, allowed: input.scope(.createProject), visible: input.scope(.viewProjects), actor: input.actor, catalog: input.catalog, today: input.today, now: input.now
        )
        var response = try Responses.json(ProjectDTO(project, catalog: input.catalog, today: input.today), status: .created)
        response.headers[.location] = Route.apiProject(project.id).path
        return response
    }

    static func update(_ input: EndpointRequest) async throws -> Response {
        let id = try input.id()
        let body = try input.json(ProjectWriteDTO.self)
        let errors = body.shapeErrors(requireVersion: true, allowStage: false)
        guard errors.isEmpty, let version = body.version else { throw AppError.validation(ValidationFailure(errors)) }
        var projectInput = ProjectInput(fields: try input.targetProject().fields)
        body.apply(to: &projectInput)
        let project = try await input.services.projects.update(
            id: id, expectedVersion: version, projectInput, allowed: input.scope(.editProject), visible: input.scope(.viewProjects), actor: input.actor, catalog: input.catalog, today: input.today, now: input.now
        )
        return try Responses.json(ProjectDTO(project, catalog: input.catalog, today: input.today))
    }

    static func transition(_ input: EndpointRequest) async throws -> Response {
        let id = try input.id()
        let body = try input.json(TransitionRequestDTO.self)
        let request = try transitionRequest(target: body.target, note: body.note ?? "", actualStart: body.actualStart, actualCompletion: body.actualCompletion)
        let project = try await input.services.projects.transition(
            id: id, expectedVersion: body.version, request, allowed: input.scope(.transitionProject), actor: input.actor, catalog: input.catalog, today: input.today, now: input.now
        )
        return try Responses.json(ProjectDTO(project, catalog: input.catalog, today: input.today))
    }

    /// Reads a transition request from raw values, shared by the API and the project page.
    static func transitionRequest(target: String, note: String, actualStart: String?, actualCompletion: String?) throws -> TransitionRequest {
        var errors: [FieldError] = []
        let stage = Stage(rawValue: target)
        if stage == nil {
            errors.append(target.isEmpty ? FieldError("target", .required(field: "target")) : FieldError("target", .unknownCode(field: "target", code: target)))
        }
        func day(_ raw: String?, _ field: String) -> Day? {
            guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let day = Day.parse(raw) else {
                errors.append(FieldError(field, .dateInvalid))
                return nil
            }
            return day
        }
        let start = day(actualStart, "actualStart")
        let completion = day(actualCompletion, "actualCompletion")
        guard errors.isEmpty, let stage else { throw AppError.validation(ValidationFailure(errors)) }
        return TransitionRequest(target: stage, note: note, actualStart: start, actualCompletion: completion)
    }

    static func history(_ input: EndpointRequest) async throws -> Response {
        let records = try await input.services.projects.transitions(projectId: try input.targetProject().id)
        return try Responses.json(records.map(TransitionDTO.init))
    }

    static func reference(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(ReferenceDTO(input.catalog))
    }

    static func openAPI(_ input: EndpointRequest) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "public, max-age=300"
        let services = input.services
        let catalog = input.catalog
        let document = try await services.openAPIDocument.value(for: "served") {
            OpenAPIServed.document(try ContractDocument.bytes(), codes: OpenAPIServed.codes(catalog, indicators: services.indicators, problems: services.problemSettings))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }
}
