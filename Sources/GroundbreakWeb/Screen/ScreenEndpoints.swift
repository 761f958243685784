import GroundbreakDomain

/// 大屏: the dispatch room's full-screen page, and its schematic map.
enum ScreenEndpoints: String, EndpointSet {
    case screenPage

    static let navigation = [NavigationEntry(.screen, order: 95, label: WebText.Nav.screen, route: .screen(measure: .projects), requires: .viewProjects)]

    static let feature = "screen"

    var declaration: EndpointDeclaration {
        switch self {
        case .screenPage: .get("/screen", .viewProjects, ScreenPages.screen).lagTolerant
        }
    }

    var contract: OperationContract? {
        switch self {
        case .screenPage: nil
        }
    }
}

/// The feature's typed links.
extension Route {
    static func screen(measure: ScreenFigures.Measure, light: Bool = false) -> Route {
        Route(ScreenEndpoints.screenPage, query: [("measure", measure.rawValue)] + (light ? [("theme", "light")] : []))
    }
}

extension NavItem {
    static let screen = NavItem("screen")
}
