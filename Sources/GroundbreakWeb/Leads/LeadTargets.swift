import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A lead: there for those whose reach sees it (a confidential one only for its unit, its
    /// leader and the 招商 office); worked by attraction staff in their reach.
    static let lead = ObjectTarget("lead") { input, action in
        guard let lead = try await input.services.leads.lead(id: try input.id()) else { throw AppError.notFound }
        input.loaded[Lead.self] = lead
        return Policy.decide(action, onLead: lead, for: input.principal, catalog: input.catalog)
    }
}

extension EndpointRequest {
    var lead: Lead? { loaded[Lead.self] }
}
