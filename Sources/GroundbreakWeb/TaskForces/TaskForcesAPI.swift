import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

enum TaskForcesAPI {
    static func list(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(try await TaskForcePages.readable(input).map { TaskForceDTO($0, catalog: input.catalog) })
    }

    static func show(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce else { throw AppError.notFound }
        return try Responses.json(TaskForceDTO(taskForce, catalog: input.catalog))
    }

    static func group(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce, let group = input.workingGroup else { throw AppError.notFound }
        return try Responses.json(WorkingGroupDTO(try await GroupReading.load(input, taskForce, group), rateCatalog: input.services.fourRates))
    }

    static func addGroup(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce else { throw AppError.notFound }
        let body = try input.json(GroupCreateRequest.self)
        let saved = try await input.services.taskForces.addGroup(group(body.group), to: taskForce.id, expectedVersion: body.version, catalog: input.catalog,
                                                                 actor: input.actor, now: input.now)
        return try Responses.json(TaskForceDTO(saved, catalog: input.catalog), status: .created)
    }

    static func group(_ group: TaskForceRequest.Group) -> WorkingGroup {
        WorkingGroup(name: group.name, leaderSeats: group.leaderSeats ?? [], memberSeats: group.memberSeats ?? [], leadUnits: group.leadUnits ?? [],
                     supportUnits: group.supportUnits ?? [], duty: group.duty ?? "", projectIds: group.projectIds ?? [], classIds: group.classIds ?? [])
    }

    static func create(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(TaskForceRequest.self)
        guard let unit = OrgUnit.parse(body.unit), [.region, .zone].contains(unit.kind) else {
            throw AppError.validation(ValidationFailure([FieldError("unit", .unknownCode(field: "unit", code: body.unit))]))
        }
        let draft = TaskForce(unit: unit, name: body.name, shape: body.shape ?? "", leaderSeats: body.leaderSeats ?? [], deputySeats: body.deputySeats ?? [],
                              office: body.office ?? "", duty: body.duty ?? "", groups: (body.groups ?? []).map(group))
        let saved = try await input.services.taskForces.create(draft, catalog: input.catalog, actor: input.actor, now: input.now)
        return try Responses.json(TaskForceDTO(saved, catalog: input.catalog), status: .created)
    }

    static func changeProjects(_ input: EndpointRequest) async throws -> Response {
        guard let group = input.workingGroup else { throw AppError.notFound }
        let body = try input.json(GroupProjectsRequest.self)
        let saved = try await input.services.taskForces.changeProjects(groupId: group.id, adding: body.add ?? [], removing: body.remove ?? [],
                                                                      expectedVersion: body.version, actor: input.actor, now: input.now)
        return try Responses.json(TaskForceDTO(saved, catalog: input.catalog))
    }
}
