import GroundbreakDomain

/// `/`: each role's home — what needs the caller today, each count a link to its list.
enum HomeEndpoints: String, EndpointSet {
    case home

    static let navigation = [NavigationEntry(.home, order: 5, label: WebText.Nav.home, route: .home)]

    static let feature = "home"

    var declaration: EndpointDeclaration {
        switch self {
        case .home: .get("/", .signedIn, HomePages.home).lagTolerant
        }
    }

    var contract: OperationContract? {
        switch self {
        case .home: nil
        }
    }
}

/// The feature's typed links.
extension Route {
    static var home: Route { Route(HomeEndpoints.home) }
}

extension NavItem {
    static let home = NavItem("home")
}
