import GroundbreakDomain

/// 分类口径: units' own classification schemes, read by everyone signed in, edited by the centre.
enum SchemesEndpoints: String, EndpointSet {
    case schemesPage, schemeCreate, schemeClassAdd, schemeClassEdit, apiSchemes, apiSchemeCreate, apiSchemeClassAdd, apiSchemeClassEdit

    static let navigation: [NavigationEntry] = []

    static let feature = "schemes"

    var declaration: EndpointDeclaration {
        switch self {
        case .schemesPage: .get("/schemes", .viewReference, SchemePages.page)
        case .schemeCreate: .post("/schemes", .manageSchemes, SchemePages.create)
        case .schemeClassAdd: .post("/schemes/:id/classes", .manageSchemes, on: .scheme, SchemePages.addClass)
        case .schemeClassEdit: .post("/scheme-classes/:id", .manageSchemes, on: .schemeClass, SchemePages.editClass)
        case .apiSchemes: .get("/api/v1/schemes", .viewReference, SchemesAPI.list)
        case .apiSchemeCreate: .post("/api/v1/schemes", .manageSchemes, SchemesAPI.create)
        case .apiSchemeClassAdd: .post("/api/v1/schemes/:id/classes", .manageSchemes, on: .scheme, SchemesAPI.addClass)
        case .apiSchemeClassEdit: .patch("/api/v1/scheme-classes/:id", .manageSchemes, on: .schemeClass, SchemesAPI.editClass)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = SchemesEndpoints

    static func schemes(region: String? = nil) -> Route { Route(E.schemesPage, query: region.map { [("region", $0)] } ?? []) }
    static var createScheme: Route { Route(E.schemeCreate) }
    static func addSchemeClass(_ schemeId: Int64) -> Route { Route(E.schemeClassAdd, id: schemeId) }
    static func editSchemeClass(_ classId: Int64) -> Route { Route(E.schemeClassEdit, id: classId) }
}
