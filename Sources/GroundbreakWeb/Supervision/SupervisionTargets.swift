import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A supervised item: the supervising office and the owner unit reach it.
    static let supervisedItem = ObjectTarget("supervisedItem") { input, action in
        guard let item = try await input.services.supervision.item(id: try input.id()) else { throw AppError.notFound }
        input.loaded[SupervisedItem.self] = item
        return Policy.decideSupervision(action, item, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var supervisedItem: SupervisedItem? { loaded[SupervisedItem.self] }
}
