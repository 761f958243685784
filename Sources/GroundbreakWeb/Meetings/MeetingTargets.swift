import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A meeting: the city's, read by whoever may read meetings; its agenda is filtered item by item on the page.
    static let meeting = ObjectTarget("meeting") { input, _ in
        guard let meeting = try await input.services.meetings.meeting(id: try input.id()) else { throw AppError.notFound }
        input.loaded[Meeting.self] = meeting
        return .allow
    }
}

extension EndpointRequest {
    var meeting: Meeting? { loaded[Meeting.self] }
}
