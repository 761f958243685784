import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A problem, decided by the problem rules (owner, helpers, raiser, the project's scope).
    static let problem = ObjectTarget("problem") { input, action in
        guard let problem = try await input.services.problems.problem(id: try input.id()) else { throw AppError.notFound }
        return try await decide(action, problem, &input)
    }

    /// The problem rules' decision on `problem` (with its project, when it has one), kept in `loaded`.
    static func decide(_ action: PolicyAction, _ problem: Problem, _ input: inout EndpointRequest) async throws -> Policy.Decision {
        var project: Project?
        if let projectId = problem.projectId { project = try await input.services.projects.project(id: projectId) }
        input.loaded[Problem.self] = problem
        input.loaded[Project.self] = project
        return Policy.decideProblem(action, problem, project: project, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var problem: Problem? { loaded[Problem.self] }
}
