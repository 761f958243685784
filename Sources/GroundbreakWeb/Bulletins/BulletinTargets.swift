import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A bulletin: an issued one is read by every reader of the ranking; a draft is its writers' alone.
    static let bulletin = ObjectTarget("bulletin") { input, action in
        guard let bulletin = try await input.services.bulletins.bulletin(id: try input.id()) else { throw AppError.notFound }
        input.loaded[Bulletin.self] = bulletin
        return Policy.decide(action, onBulletin: bulletin.status, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var bulletin: Bulletin? { loaded[Bulletin.self] }
}
