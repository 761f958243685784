import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Changing a task force or one of its groups after it is set up, and taking a group off: by the
/// pages' forms and the API, under the task force's version. Seats, not people: a change of person
/// needs nothing here (the seat's holder changes on the positions page).
enum TaskForceEditing {
    static func version(_ form: FormData) throws -> Int {
        guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .required(field: "version"))])) }
        return version
    }

    static func edit(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let version = try version(form)
            switch TaskForceInput.header(form) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let changed):
                _ = try await input.services.taskForces.update(changed, id: taskForce.id, expectedVersion: version, catalog: input.catalog, actor: input.actor,
                                                              now: input.now)
                return Responses.redirect(to: Route.taskForce(taskForce.id).path(notice: "saved"))
            }
        }, refused: { try await TaskForcePages.renderShow(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func editGroup(_ input: EndpointRequest) async throws -> Response {
        guard let group = input.workingGroup else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            let version = try version(form)
            switch TaskForceInput.group(form, projectIds: []) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let changed):
                _ = try await input.services.taskForces.updateGroup(changed, groupId: group.id, expectedVersion: version, catalog: input.catalog,
                                                                   actor: input.actor, now: input.now)
                return Responses.redirect(to: Route.workingGroup(group.id).path(notice: "saved"))
            }
        }, refused: { try await TaskForcePages.renderGroup(input, errors: $0.errors, status: $0.status) })
    }

    static func removeGroup(_ input: EndpointRequest) async throws -> Response {
        guard let taskForce = input.taskForce, let group = input.workingGroup else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            _ = try await input.services.taskForces.removeGroup(groupId: group.id, expectedVersion: try version(form), actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.taskForce(taskForce.id).path(notice: "saved"))
        }, refused: { try await TaskForcePages.renderGroup(input, errors: $0.errors, status: $0.status) })
    }

    static func apiUpdate(_ input: EndpointRequest) async throws -> Response {
        guard let current = input.taskForce else { throw AppError.notFound }
        let body = try input.json(TaskForceUpdateRequest.self)
        var changed = current
        changed.name = body.name ?? current.name
        changed.shape = body.shape ?? current.shape
        changed.office = body.office ?? current.office
        changed.duty = body.duty ?? current.duty
        changed.leaderSeats = body.leaderSeats ?? current.leaderSeats
        changed.deputySeats = body.deputySeats ?? current.deputySeats
        let saved = try await input.services.taskForces.update(changed, id: current.id, expectedVersion: body.version, catalog: input.catalog,
                                                               actor: input.actor, now: input.now)
        return try Responses.json(TaskForceDTO(saved, catalog: input.catalog))
    }

    static func apiUpdateGroup(_ input: EndpointRequest) async throws -> Response {
        guard let current = input.workingGroup else { throw AppError.notFound }
        let body = try input.json(GroupUpdateRequest.self)
        var changed = current
        changed.name = body.name ?? current.name
        changed.leaderSeats = body.leaderSeats ?? current.leaderSeats
        changed.memberSeats = body.memberSeats ?? current.memberSeats
        changed.leadUnits = body.leadUnits ?? current.leadUnits
        changed.supportUnits = body.supportUnits ?? current.supportUnits
        changed.duty = body.duty ?? current.duty
        changed.classIds = body.classIds ?? current.classIds
        let saved = try await input.services.taskForces.updateGroup(changed, groupId: current.id, expectedVersion: body.version, catalog: input.catalog,
                                                                    actor: input.actor, now: input.now)
        return try Responses.json(TaskForceDTO(saved, catalog: input.catalog))
    }

    static func apiRemoveGroup(_ input: EndpointRequest) async throws -> Response {
        guard let group = input.workingGroup else { throw AppError.notFound }
        let body = try input.json(GroupRemoveRequest.self)
        let saved = try await input.services.taskForces.removeGroup(groupId: group.id, expectedVersion: body.version, actor: input.actor, now: input.now)
        return try Responses.json(TaskForceDTO(saved, catalog: input.catalog))
    }
}
