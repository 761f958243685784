import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A project; for the approvals view, its approving departments count as reach too.
    static let project = ObjectTarget("project") { input, action in
        guard let project = try await input.services.projects.project(id: try input.id()) else { throw AppError.notFound }
        input.loaded[Project.self] = project
        if action == .viewApprovals {
            let approving = input.principal.map(Policy.approvalDepartments(of:)) ?? []
            let departments = approving.isEmpty ? [] : try await input.services.approvalDepartments(projectId: project.id)
            return Policy.decideApproval(action, on: project, itemDepartments: departments, for: input.principal, catalog: input.catalog)
        }
        return Policy.decide(action, on: project, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    /// The project the path names, or the one the named object belongs to.
    var project: Project? { loaded[Project.self] }

    /// The project the guard loaded for `:id`.
    func targetProject() throws -> Project {
        guard let project else { throw AppError.notFound }
        return project
    }
}
