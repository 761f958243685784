import GroundbreakDomain

/// 向上资金争取: applications to upper-level money, their checklist and money, the batches, and
/// the figures against last year and the province.
enum FundingEndpoints: String, EndpointSet {
    case listPage, listXLSX, newPage, create, show, editPage, update, record, checklist, figuresPage, figuresXLSX, windowsPage, windowCreate, provinceSet, importPage, importUpload,
         importCommit
    case apiImport, apiList, apiCreate, apiShow, apiRevise, apiRecord, apiChecklist, apiFigures, apiWindows, apiWindowCreate, apiProvince

    static let navigation = [NavigationEntry(.funding, order: 34, label: WebText.Nav.funding, route: .funding(), requires: .viewFunding)]

    static let feature = "funding"

    var declaration: EndpointDeclaration {
        switch self {
        case .listPage: .get("/funding", .viewFunding, FundingPages.list)
        case .listXLSX: .get("/funding.xlsx", .viewFunding, FundingPages.xlsx)
        case .newPage: .get("/funding/new", .manageFunding, FundingPages.new)
        case .create: .post("/funding", .manageFunding, FundingPages.create)
        case .show: .get("/funding/:id", .viewFunding, on: .fundingApplication, FundingPages.show)
        case .editPage: .get("/funding/:id/edit", .manageFunding, on: .fundingApplication, FundingPages.edit)
        case .update: .post("/funding/:id/edit", .manageFunding, on: .fundingApplication, FundingPages.update)
        case .record: .post("/funding/:id/events", .manageFunding, on: .fundingApplication, FundingPages.record)
        case .checklist: .post("/funding/:id/checklist", .manageFunding, on: .fundingApplication, FundingPages.answer)
        case .figuresPage: .get("/funding/figures", .viewFunding, FundingFiguresPages.page)
        case .figuresXLSX: .get("/funding/figures.xlsx", .viewFunding, FundingFiguresPages.xlsx)
        case .windowsPage: .get("/funding/windows", .viewFunding, FundingWindowPages.page)
        case .windowCreate: .post("/funding/windows", .organiseFunding, FundingWindowPages.create)
        case .provinceSet: .post("/funding/province", .organiseFunding, FundingFiguresPages.setProvince)
        case .importPage: .get("/funding/import", .manageFunding, { try await FundingImportPages.list.page($0) })
        case .importUpload: .post("/funding/import", .manageFunding, upload: true, { try await FundingImportPages.list.upload($0) })
        case .importCommit: .post("/funding/import/commit", .manageFunding, { try await FundingImportPages.list.commit($0) })
        case .apiImport: .post("/api/v1/imports/funding", .manageFunding, upload: true, { try await FundingImportPages.list.api($0) })
        case .apiList: .get("/api/v1/funding/applications", .viewFunding, FundingAPI.list)
        case .apiCreate: .post("/api/v1/funding/applications", .manageFunding, FundingAPI.create)
        case .apiShow: .get("/api/v1/funding/applications/:id", .viewFunding, on: .fundingApplication, FundingAPI.show)
        case .apiRevise: .patch("/api/v1/funding/applications/:id", .manageFunding, on: .fundingApplication, FundingAPI.revise)
        case .apiRecord: .post("/api/v1/funding/applications/:id/events", .manageFunding, on: .fundingApplication, FundingAPI.record)
        case .apiChecklist: .post("/api/v1/funding/applications/:id/checklist", .manageFunding, on: .fundingApplication, FundingAPI.answer)
        case .apiFigures: .get("/api/v1/funding/figures", .viewFunding, FundingFiguresPages.api)
        case .apiWindows: .get("/api/v1/funding/windows", .viewFunding, FundingWindowPages.api)
        case .apiWindowCreate: .post("/api/v1/funding/windows", .organiseFunding, FundingWindowPages.apiCreate)
        case .apiProvince: .post("/api/v1/funding/province", .organiseFunding, FundingFiguresPages.apiProvince)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = FundingEndpoints

    static func funding(_ filter: FundingFilter = FundingFilter()) -> Route { Route(E.listPage, query: filter.query) }
    static func fundingXLSX(_ filter: FundingFilter) -> Route { Route(E.listXLSX, query: filter.query) }
    static var newFunding: Route { Route(E.newPage) }
    static var createFunding: Route { Route(E.create) }
    static func fundingApplication(_ id: Int64) -> Route { Route(E.show, id: id) }
    static func editFunding(_ id: Int64) -> Route { Route(E.editPage, id: id) }
    static func updateFunding(_ id: Int64) -> Route { Route(E.update, id: id) }
    static func recordFunding(_ id: Int64) -> Route { Route(E.record, id: id) }
    static func answerFunding(_ id: Int64) -> Route { Route(E.checklist, id: id) }
    static func fundingFigures(through: Day? = nil) -> Route { Route(E.figuresPage, query: through.map { [("through", $0.iso)] } ?? []) }
    static func fundingFiguresXLSX(through: Day) -> Route { Route(E.figuresXLSX, query: [("through", through.iso)]) }
    static var fundingWindows: Route { Route(E.windowsPage) }
    static var createFundingWindow: Route { Route(E.windowCreate) }
    static var setProvinceFunding: Route { Route(E.provinceSet) }
    static var fundingImport: Route { Route(E.importPage) }
    static var fundingImportCommit: Route { Route(E.importCommit) }
}

extension NavItem {
    static let funding = NavItem("funding")
}
