import GroundbreakDomain

/// Monthly reports, review and closing, annual plans, statistics inclusion, targets and site photos.
enum MonthlyEndpoints: String, EndpointSet {
    case projectReportsPage, projectReportSubmit, reportsBoard, reportsBoardXLSX, reportsUrge, reportsAcceptMany, reportReview, reportsGrid, reportsGridSave, reportsClose, reportsReopen
    case projectPlanSave, statsPage, statsRecord, targetsPage, targetsXLSX, targetSet, groundworkTargetSet, reportPhotoUpload, apiProjectReports
    case apiSubmitReport, apiReportsBoard, apiReviewReport, apiStatsInclusion, apiRecordInclusion, apiCloseMonth, apiReopenMonth
    case apiProjectPlans, apiSaveProjectPlan, apiTargets, apiSetTarget, apiSetGroundworkTarget, apiProjectPhotos, apiUploadPhoto

    static let navigation = [
        NavigationEntry(.reports, order: 40, label: WebText.Nav.reports, route: .reportsBoard(month: nil)),
    ]

    static let feature = "monthly"

    var declaration: EndpointDeclaration {
        switch self {
        case .projectReportsPage: .get("/projects/:id/reports", .viewProjects, on: .project, ReportPages.projectReports)
        case .projectReportSubmit: .post("/projects/:id/reports", .editProject, on: .project, ReportPages.submit)
        case .reportsBoardXLSX: .get("/reports.xlsx", .viewProjects, ReportBoardExport.xlsx)
        case .reportsBoard: .get("/reports", .viewProjects, ReportPages.board)
        case .reportReview: .post("/reports/:id/review", .reviewReports, on: .report, ReportPages.review)
        case .reportsGrid: .get("/reports/grid", .editProject, ReportGrid.page)
        case .reportsGridSave: .post("/reports/grid", .editProject, ReportGrid.save)
        case .reportsClose: .post("/reports/close", .reviewReports, ReportPages.closeMonth)
        case .reportsUrge: .post("/reports/urge", .reviewReports, ReportBoardActions.urge)
        case .reportsAcceptMany: .post("/reports/accept", .reviewReports, ReportBoardActions.acceptMany)
        case .reportsReopen: .post("/reports/reopen", .administer, ReportPages.reopenMonth)
        case .projectPlanSave: .post("/projects/:id/plans", .editProject, on: .project, AnnualPlanPages.save)
        case .statsPage: .get("/stats", .viewProjects, InclusionPages.page)
        case .statsRecord: .post("/projects/:id/stats-inclusion", .recordStats, on: .project, InclusionPages.record)
        case .targetsPage: .get("/targets", .viewProjects, TargetPages.page).lagTolerant
        case .targetsXLSX: .get("/targets.xlsx", .viewProjects, TargetExport.xlsx).lagTolerant
        case .targetSet: .post("/targets", .setTargets, TargetPages.set)
        case .groundworkTargetSet: .post("/targets/groundwork", .setTargets, GroundworkTargetPages.set)
        case .reportPhotoUpload: .post("/projects/:id/photos", .editProject, on: .project, upload: true, PhotoPages.upload)
        case .apiProjectReports: .get("/api/v1/projects/:id/reports", .viewProjects, on: .project, ReportsAPI.projectReports)
        case .apiSubmitReport: .post("/api/v1/projects/:id/reports", .editProject, on: .project, ReportsAPI.submit)
        case .apiReportsBoard: .get("/api/v1/reports", .viewProjects, ReportsAPI.board)
        case .apiReviewReport: .post("/api/v1/reports/:id/review", .reviewReports, on: .report, ReportsAPI.review)
        case .apiStatsInclusion: .get("/api/v1/stats/inclusion", .viewProjects, InclusionPages.api)
        case .apiRecordInclusion: .post("/api/v1/projects/:id/stats-inclusion", .recordStats, on: .project, InclusionPages.apiRecord)
        case .apiCloseMonth: .post("/api/v1/reports/close", .reviewReports, ReportsAPI.closeMonth)
        case .apiReopenMonth: .post("/api/v1/reports/reopen", .administer, ReportsAPI.reopenMonth)
        case .apiProjectPlans: .get("/api/v1/projects/:id/plans", .viewProjects, on: .project, AnnualPlanPages.api)
        case .apiSaveProjectPlan: .post("/api/v1/projects/:id/plans", .editProject, on: .project, AnnualPlanPages.apiSave)
        case .apiTargets: .get("/api/v1/targets", .viewProjects, TargetPages.api).lagTolerant
        case .apiSetTarget: .post("/api/v1/targets", .setTargets, TargetPages.apiSet)
        case .apiSetGroundworkTarget: .post("/api/v1/targets/groundwork", .setTargets, GroundworkTargetPages.apiSet)
        case .apiProjectPhotos: .get("/api/v1/projects/:id/photos", .viewProjects, on: .project, PhotoPages.list)
        case .apiUploadPhoto: .post("/api/v1/projects/:id/photos", .editProject, on: .project, upload: true, PhotoPages.apiUpload)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = MonthlyEndpoints

    static func projectReports(_ id: Int64, year: Int?) -> Route { Route(E.projectReportsPage, id: id, query: year.map { [("year", String($0))] } ?? []) }
    static func reportsBoard(month: String?) -> Route { Route(E.reportsBoard, query: month.map { [("month", $0)] } ?? []) }
    static func reportsBoard(_ filter: ReportBoardFilter) -> Route { Route(E.reportsBoard, query: filter.items) }
    static func reportsBoardXLSX(_ filter: ReportBoardFilter) -> Route { Route(E.reportsBoardXLSX, query: filter.with(page: 1).items) }
    static func reviewReport(_ id: Int64) -> Route { Route(E.reportReview, id: id) }
    static func reportsGrid(month: String?) -> Route { Route(E.reportsGrid, query: month.map { [("month", $0)] } ?? []) }
    static var stats: Route { Route(E.statsPage) }
    static func targetsXLSX(unit: String, month: String) -> Route { Route(E.targetsXLSX, query: [("unit", unit), ("month", month)]) }
    static func targets(unit: String?, month: String?) -> Route { Route(E.targetsPage, query: [("unit", unit ?? ""), ("month", month ?? "")].filter { !$0.1.isEmpty }) }
    static var groundworkTarget: Route { Route(E.groundworkTargetSet) }
    static var closeMonth: Route { Route(E.reportsClose) }
    static var urgeReports: Route { Route(E.reportsUrge) }
    static var acceptReports: Route { Route(E.reportsAcceptMany) }
    static func projectPlans(_ id: Int64) -> Route { Route(E.projectPlanSave, id: id) }
    static func reportPhotos(_ id: Int64) -> Route { Route(E.reportPhotoUpload, id: id) }
    static var reopenMonth: Route { Route(E.reportsReopen) }
    static func recordInclusion(_ id: Int64) -> Route { Route(E.statsRecord, id: id) }
}

extension NavItem {
    static let reports = NavItem("reports")
}
