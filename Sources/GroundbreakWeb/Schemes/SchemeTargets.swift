import GroundbreakDomain
import GroundbreakStore

extension ObjectTarget {
    /// A classification scheme: reference data, open to whoever the route lets through.
    static let scheme = ObjectTarget("scheme") { input, _ in
        guard let scheme = try await input.services.schemes.scheme(try input.id()) else { throw AppError.notFound }
        input.loaded[ClassificationScheme.self] = scheme
        return .allow
    }

    /// A class, with its scheme.
    static let schemeClass = ObjectTarget("schemeClass") { input, _ in
        guard let found = try await input.services.schemes.schemeOf(classId: try input.id()) else { throw AppError.notFound }
        input.loaded[ClassificationScheme.self] = found.scheme
        input.loaded[SchemeClass.self] = found.item
        return .allow
    }
}

extension EndpointRequest {
    var scheme: ClassificationScheme? { loaded[ClassificationScheme.self] }
    var schemeClass: SchemeClass? { loaded[SchemeClass.self] }
}
