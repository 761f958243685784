import GroundbreakDomain

/// 招商线索: the pipeline from the first contact to a start, with its funnel.
enum LeadsEndpoints: String, EndpointSet {
    case leadsPage, leadsXLSX, leadNew, leadCreate, leadShow, leadEvent, leadLink, leadLand, importPage, importUpload, importCommit, dispatchPage, dispatchXLSX, activitiesPage, activityCreate, fundsPage, fundsCreate, rhythmXLSX, fundsXLSX
    case apiLeads, apiLeadCreate, apiLead, apiLeadEvent, apiFunnel, apiLeadLink, apiLeadLand, apiImportSignings, apiDispatch, apiActivities, apiActivityCreate, apiRhythm, apiFunds, apiFundsCreate

    static let navigation = [NavigationEntry(.leads, order: 32, label: WebText.Nav.leads, route: .leads(), requires: .viewLeads)]

    static let feature = "leads"

    var declaration: EndpointDeclaration {
        switch self {
        case .leadsPage: .get("/leads", .viewLeads, LeadPages.list)
        case .leadsXLSX: .get("/leads.xlsx", .viewLeads, LeadPages.xlsx)
        case .leadNew: .get("/leads/new", .manageLeads, LeadPages.new)
        case .importPage: .get("/leads/import", .manageLeads, { try await LeadImportPages.list.page($0) })
        case .importUpload: .post("/leads/import", .manageLeads, upload: true, { try await LeadImportPages.list.upload($0) })
        case .importCommit: .post("/leads/import/commit", .manageLeads, { try await LeadImportPages.list.commit($0) })
        case .dispatchPage: .get("/taskforces/:id/leads", .viewLeads, on: .taskForce, LeadDispatchPages.page)
        case .dispatchXLSX: .get("/taskforces/:id/leads.xlsx", .viewLeads, on: .taskForce, LeadDispatchPages.xlsx)
        case .apiDispatch: .get("/api/v1/task-forces/:id/lead-dispatch", .viewLeads, on: .taskForce, LeadDispatchPages.api)
        case .apiImportSignings: .post("/api/v1/imports/leads", .manageLeads, upload: true, { try await LeadImportPages.list.api($0) })
        case .leadCreate: .post("/leads", .manageLeads, LeadPages.create)
        case .leadShow: .get("/leads/:id", .viewLeads, on: .lead, LeadPages.show)
        case .leadEvent: .post("/leads/:id/events", .manageLeads, on: .lead, LeadPages.record)
        case .leadLink: .post("/leads/:id/project", .manageLeads, on: .lead, LeadPages.link)
        case .leadLand: .post("/leads/:id/new-project", .manageLeads, on: .lead, LeadLandingPages.land)
        case .apiLeads: .get("/api/v1/leads", .viewLeads, LeadsAPI.list)
        case .apiLeadCreate: .post("/api/v1/leads", .manageLeads, LeadsAPI.create)
        case .apiLead: .get("/api/v1/leads/:id", .viewLeads, on: .lead, LeadsAPI.show)
        case .apiLeadEvent: .post("/api/v1/leads/:id/events", .manageLeads, on: .lead, LeadsAPI.record)
        case .apiFunnel: .get("/api/v1/leads/funnel", .viewLeads, LeadsAPI.funnel)
        case .activitiesPage: .get("/leads/activities", .viewLeads, AttractionActivityPages.page)
        case .activityCreate: .post("/leads/activities", .manageLeads, AttractionActivityPages.create)
        case .apiActivities: .get("/api/v1/lead-activities", .viewLeads, AttractionActivityPages.apiList)
        case .apiActivityCreate: .post("/api/v1/lead-activities", .manageLeads, AttractionActivityPages.apiCreate)
        case .apiRhythm: .get("/api/v1/leads/rhythm", .viewLeads, AttractionActivityPages.apiRhythm)
        case .fundsPage: .get("/leads/funds", .viewLeads, LeadFundsPages.page)
        case .fundsXLSX: .get("/leads/funds.xlsx", .viewLeads, LeadFundsPages.xlsx)
        case .rhythmXLSX: .get("/leads/activities.xlsx", .viewLeads, AttractionActivityPages.xlsx)
        case .fundsCreate: .post("/leads/:id/funds", .manageLeads, on: .lead, LeadFundsPages.create)
        case .apiFunds: .get("/api/v1/leads/funds", .viewLeads, LeadFundsPages.api)
        case .apiFundsCreate: .post("/api/v1/leads/:id/funds", .manageLeads, on: .lead, LeadFundsPages.apiCreate)
        case .apiLeadLink: .post("/api/v1/leads/:id/project", .manageLeads, on: .lead, LeadsAPI.link)
        case .apiLeadLand: .post("/api/v1/leads/:id/new-project", .manageLeads, on: .lead, LeadLandingPages.apiLand)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = LeadsEndpoints

    static func leads(_ filter: LeadFilter = LeadFilter()) -> Route { Route(E.leadsPage, query: filter.query) }
    static func leadsXLSX(_ filter: LeadFilter) -> Route { Route(E.leadsXLSX, query: filter.query) }
    static var newLead: Route { Route(E.leadNew) }
    static var createLead: Route { Route(E.leadCreate) }
    static var leadImport: Route { Route(E.importPage) }
    static func taskForceLeadDispatch(_ id: Int64, through: Day? = nil) -> Route { Route(E.dispatchPage, id: id, query: through.map { [("through", $0.iso)] } ?? []) }
    static func taskForceLeadDispatchXLSX(_ id: Int64, through: Day) -> Route { Route(E.dispatchXLSX, id: id, query: [("through", through.iso)]) }
    static var leadImportCommit: Route { Route(E.importCommit) }
    static func lead(_ id: Int64) -> Route { Route(E.leadShow, id: id) }
    static func leadEvent(_ id: Int64) -> Route { Route(E.leadEvent, id: id) }
    static func linkLead(_ id: Int64) -> Route { Route(E.leadLink, id: id) }
    static func landLead(_ id: Int64) -> Route { Route(E.leadLand, id: id) }
    static func leadActivities(month: Month? = nil) -> Route { Route(E.activitiesPage, query: month.map { [("month", $0.iso)] } ?? []) }
    static var recordLeadActivity: Route { Route(E.activityCreate) }
    static func leadFunds(month: Month? = nil) -> Route { Route(E.fundsPage, query: month.map { [("month", $0.iso)] } ?? []) }
    static func recordLeadFunds(_ id: Int64) -> Route { Route(E.fundsCreate, id: id) }
    static func leadFundsXLSX(month: Month) -> Route { Route(E.fundsXLSX, query: [("month", month.iso)]) }
    static func leadRhythmXLSX(month: Month) -> Route { Route(E.rhythmXLSX, query: [("month", month.iso)]) }
}

extension NavItem {
    static let leads = NavItem("leads")
}
