import Foundation
import GroundbreakDomain
import Hummingbird

/// `GET /api/v1/me`: who the caller is and what their grants reach.
enum MeAPI {
    struct MeDTO: Codable, Sendable {
        var userId: Int64
        var username: String
        var displayName: String
        var roles: [String]
        @ExplicitNull var unit: String?
        @ExplicitNull var positionId: Int64?
        var mustChangePassword: Bool
        var allowedActions: [String]
        var viewScope: String
        var authentication: String
    }

    static func me(_ input: EndpointRequest) async throws -> Response {
        let principal = try input.requirePrincipal()
        let catalog = input.catalog
        return try Responses.json(MeDTO(
            userId: principal.userId, username: principal.username, displayName: principal.displayName,
            roles: principal.roles.sorted().map(\.rawValue), unit: principal.unit?.text, positionId: principal.positionId,
            mustChangePassword: principal.mustChangePassword,
            allowedActions: PolicyAction.allCases.filter { Policy.decide($0, for: principal, catalog: catalog) == .allow }.map(\.rawValue),
            viewScope: input.scope(.viewProjects).key, authentication: input.context.apiToken == nil ? "session" : "token"
        ))
    }
}
