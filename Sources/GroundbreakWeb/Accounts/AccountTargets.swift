import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A user account; only administrators reach these routes, so the route's decision stands.
    static let user = ObjectTarget("user") { input, _ in
        guard let account = try await input.services.users.find(id: try input.id()) else { throw AppError.notFound }
        input.loaded[UserAccount.self] = account
        return .allow
    }

    static let token = ObjectTarget("token") { input, _ in
        guard let token = try await input.services.tokens.find(id: try input.id()) else { throw AppError.notFound }
        input.loaded[APIToken.self] = token
        return .allow
    }

    static let position = ObjectTarget("position") { input, _ in
        guard let position = try await input.services.positions.position(id: try input.id()) else { throw AppError.notFound }
        input.loaded[Position.self] = position
        return .allow
    }
}

extension EndpointRequest {
    var targetUser: UserAccount? { loaded[UserAccount.self] }
    var targetToken: APIToken? { loaded[APIToken.self] }
    var position: Position? { loaded[Position.self] }
}
