import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A stored file, readable by whoever may read what owns it: a site photo by those who see
    /// its project, evidence by those who may read its problem.
    static let file = ObjectTarget("file") { input, _ in
        guard let file = try await input.services.files.file(id: try input.id()) else { throw AppError.notFound }
        input.loaded[StoredFile.self] = file
        switch file.owner {
        case .sitePhoto(let projectId, _):
            guard let project = try await input.services.projects.project(id: projectId) else { throw AppError.notFound }
            input.loaded[Project.self] = project
            return Policy.decide(.viewProjects, on: project, for: input.principal, catalog: input.catalog)
        case .problemEvidence(let problemId):
            guard let problem = try await input.services.problems.problem(id: problemId) else { throw AppError.notFound }
            return try await decide(.viewProblems, problem, &input)
        }
    }
}

extension EndpointRequest {
    var storedFile: StoredFile? { loaded[StoredFile.self] }
}
