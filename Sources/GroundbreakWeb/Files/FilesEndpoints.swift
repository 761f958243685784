import GroundbreakDomain

/// Uploaded files, whatever owns them: one route that asks the owner's policy.
enum FilesEndpoints: String, EndpointSet {
    case fileShow

    static let feature = "files"

    var declaration: EndpointDeclaration {
        switch self {
        case .fileShow: .get("/files/:id", .signedIn, on: .file, FilePages.show)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = FilesEndpoints

    static func file(_ id: Int64) -> Route { Route(E.fileShow, id: id) }
}
