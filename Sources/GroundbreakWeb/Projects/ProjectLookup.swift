import Foundation
import GroundbreakDomain
import GroundbreakStore

/// Finds projects the way officials name them — by name or 投资项目统一代码 — within the
/// caller's scope, so no page asks anyone to type an internal id.
enum ProjectLookup {
    /// The project a line names, or why none can be chosen (none, or several by that name).
    static func project(named line: String, field: String, _ input: EndpointRequest) async throws -> Result<Project, FieldError> {
        let text = line.trimmingCharacters(in: .whitespaces)
        var query = ProjectQuery()
        query.text = text
        query.perPage = 20
        let page = try await input.services.projects.list(query, scope: input.scope(.viewProjects), catalog: input.catalog, today: input.today, cached: false)
        let exact = page.projects.filter { $0.fields.name == text || $0.fields.code?.value == text }
        switch exact.count {
        case 1: return .success(exact[0])
        case 0: return .failure(FieldError(field, .projectNotFound(text)))
        default: return .failure(FieldError(field, .projectAmbiguous(text)))
        }
    }

    /// The projects named one a line; every line that names none or several is refused by name.
    static func ids(named text: String, field: String, _ input: EndpointRequest) async throws -> Result<[Int64], ValidationFailure> {
        var ids: [Int64] = []
        var errors: [FieldError] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            switch try await project(named: String(line), field: field, input) {
            case .success(let project): ids.append(project.id)
            case .failure(let error): errors.append(error)
            }
        }
        return errors.isEmpty ? .success(ids) : .failure(ValidationFailure(errors))
    }
}
