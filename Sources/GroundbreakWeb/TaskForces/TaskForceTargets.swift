import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A task force: read where the reader's reach covers its unit, or by the seats that lead it.
    static let taskForce = ObjectTarget("taskForce") { input, action in
        guard let taskForce = try await input.services.taskForces.taskForce(id: try input.id()) else { throw AppError.notFound }
        input.loaded[TaskForce.self] = taskForce
        let seats = taskForce.commandSeats.union(taskForce.groups.flatMap(\.leaderSeats))
        return Policy.decide(action, onTaskForce: taskForce.unit, seats: seats, for: input.principal, catalog: input.catalog)
    }

    /// A working group: as its task force, read also by the group's own leaders.
    static let workingGroup = ObjectTarget("workingGroup") { input, action in
        let id = try input.id()
        guard let taskForce = try await input.services.taskForces.taskForce(ofGroup: id), let group = taskForce.groups.first(where: { $0.id == id }) else {
            throw AppError.notFound
        }
        input.loaded[TaskForce.self] = taskForce
        input.loaded[WorkingGroup.self] = group
        return Policy.decide(action, onTaskForce: taskForce.unit, seats: taskForce.commandSeats.union(group.leaderSeats), for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var taskForce: TaskForce? { loaded[TaskForce.self] }
    var workingGroup: WorkingGroup? { loaded[WorkingGroup.self] }
}
