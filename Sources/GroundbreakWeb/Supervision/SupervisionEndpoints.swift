import GroundbreakDomain

/// Supervised items (督办事项): assign, answer, decide, and the letter.
enum SupervisionEndpoints: String, EndpointSet {
    case supervisionPage, supervisionXLSX, supervisionCreate, supervisionShow, supervisionAnswer, supervisionDecide, supervisionLetter, apiSupervision
    case apiSupervisionCreate, apiSupervisedItem, apiSupervisionAnswer, apiSupervisionDecide

    static let navigation = [
        NavigationEntry(.supervision, order: 70, label: WebText.Nav.supervision, route: .supervision(openOnly: true), requires: .viewSupervision),
    ]

    static let feature = "supervision"

    var declaration: EndpointDeclaration {
        switch self {
        case .supervisionXLSX: .get("/supervision.xlsx", .viewSupervision, SupervisionExport.xlsx)
        case .supervisionPage: .get("/supervision", .viewSupervision, SupervisionPages.list)
        case .supervisionCreate: .post("/supervision", .superviseItems, SupervisionPages.create)
        case .supervisionShow: .get("/supervision/:id", .viewSupervision, on: .supervisedItem, SupervisionPages.show)
        case .supervisionAnswer: .post("/supervision/:id/answer", .answerSupervision, on: .supervisedItem, { try await SupervisionPages.event($0, deciding: false) })
        case .supervisionDecide: .post("/supervision/:id/decide", .superviseItems, on: .supervisedItem, { try await SupervisionPages.event($0, deciding: true) })
        case .supervisionLetter: .get("/supervision/:id/letter.docx", .superviseItems, on: .supervisedItem, SupervisionPages.letter)
        case .apiSupervision: .get("/api/v1/supervision", .viewSupervision, SupervisionAPI.list)
        case .apiSupervisionCreate: .post("/api/v1/supervision", .superviseItems, SupervisionAPI.create)
        case .apiSupervisedItem: .get("/api/v1/supervision/:id", .viewSupervision, on: .supervisedItem, SupervisionAPI.show)
        case .apiSupervisionAnswer: .post("/api/v1/supervision/:id/answer", .answerSupervision, on: .supervisedItem, { try await SupervisionAPI.event($0, deciding: false) })
        case .apiSupervisionDecide: .post("/api/v1/supervision/:id/decide", .superviseItems, on: .supervisedItem, { try await SupervisionAPI.event($0, deciding: true) })
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = SupervisionEndpoints

    static func supervision(openOnly: Bool) -> Route { supervision(openOnly ? .open : .all) }
    static func supervision(_ view: SupervisionPages.ListView) -> Route { Route(E.supervisionPage, query: view.query) }
    static func supervisionXLSX(_ view: SupervisionPages.ListView) -> Route { Route(E.supervisionXLSX, query: view.query) }
    static func supervisedItem(_ id: Int64) -> Route { Route(E.supervisionShow, id: id) }
    static func answerSupervision(_ id: Int64) -> Route { Route(E.supervisionAnswer, id: id) }
    static func decideSupervision(_ id: Int64) -> Route { Route(E.supervisionDecide, id: id) }
    static func supervisionLetter(_ id: Int64) -> Route { Route(E.supervisionLetter, id: id) }
}

extension NavItem {
    static let supervision = NavItem("supervision")
}
