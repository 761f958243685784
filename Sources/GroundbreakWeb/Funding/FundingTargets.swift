import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// An application for upper-level money: there for those whose reach sees it (its unit and
    /// those above, the department collecting its channel, the centre and leaders); kept by the
    /// applying unit, the collecting department and the centre.
    static let fundingApplication = ObjectTarget("fundingApplication") { input, action in
        guard let application = try await input.services.funding.application(id: try input.id()) else { throw AppError.notFound }
        input.loaded[FundingApplication.self] = application
        return Policy.decide(action, onFunding: application, for: input.principal, catalog: input.catalog, channels: input.services.fundingCatalog)
    }
}

extension EndpointRequest {
    var fundingApplication: FundingApplication? { loaded[FundingApplication.self] }

    /// The caller's reach over applications for `action`.
    func fundingReach(_ action: PolicyAction) -> FundingReach {
        guard let principal else { return .none }
        return Policy.fundingReach(action, of: principal, catalog: catalog, channels: services.fundingCatalog)
    }
}

extension AppServices {
    var funding: FundingRepository { FundingRepository(database: database) }
    var fundingWindows: FundingWindowRepository { FundingWindowRepository(database: database) }
}
