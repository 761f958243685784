import GroundbreakDomain

/// The codes and lists the server takes.
enum ReferenceEndpoints: String, EndpointSet {
    case apiReference

    static let feature = "reference"

    var declaration: EndpointDeclaration {
        switch self {
        case .apiReference: .get("/api/v1/reference", .viewReference, ProjectsAPI.reference)
        }
    }
}
