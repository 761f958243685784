import GroundbreakDomain

/// Approval plans and items on the working-day clock, the queue, batches, the calendar and the item list.
enum ApprovalsEndpoints: String, EndpointSet {
    case projectApprovalsPage, projectApprovalPlan, projectApprovalAddItem, approvalEvent, approvalQueue, approvalAnalytics, approvalBatches
    case approvalBatchCreate, approvalBatchShow, approvalBatchAddProject, calendarAdmin, calendarImport, approvalItemsAdmin
    case approvalItemUpdate, apiProjectApprovals, apiApprovalPlan, apiApprovalEvent, apiApprovalQueue, apiApprovalAnalytics, apiWorkingDays
    case apiApprovalItems

    static let navigation = [
        NavigationEntry(.approvals, order: 30, label: WebText.Nav.approvals, route: .approvalQueue(FormData(pairs: []))),
    ]

    static let feature = "approvals"

    var declaration: EndpointDeclaration {
        switch self {
        case .projectApprovalsPage: .get("/projects/:id/approvals", .viewApprovals, on: .project, ApprovalPages.projectApprovals)
        case .projectApprovalPlan: .post("/projects/:id/approvals/plan", .editProject, on: .project, ApprovalPages.setPlan)
        case .projectApprovalAddItem: .post("/projects/:id/approvals/items", .editProject, on: .project, ApprovalPages.addItem)
        case .approvalEvent: .post("/approvals/:id/events", .handleApprovals, on: .approval, ApprovalPages.event)
        case .approvalQueue: .get("/approvals", .viewApprovals, ApprovalPages.queue)
        case .approvalAnalytics: .get("/approvals/analytics", .viewProjects, ApprovalPages.analytics).lagTolerant
        case .approvalBatches: .get("/approvals/batches", .viewProjects, ApprovalPages.batches)
        case .approvalBatchCreate: .post("/approvals/batches", .organiseApprovals, ApprovalPages.createBatch)
        case .approvalBatchShow: .get("/approvals/batches/:id", .viewProjects, on: .batch, ApprovalPages.showBatch)
        case .approvalBatchAddProject: .post("/approvals/batches/:id/projects", .organiseApprovals, on: .batch, ApprovalPages.addBatchProject)
        case .calendarAdmin: .get("/admin/calendar", .administer, CalendarAdminPages.calendarPage)
        case .calendarImport: .post("/admin/calendar", .administer, CalendarAdminPages.importCalendar)
        case .approvalItemsAdmin: .get("/admin/approval-items", .administer, CalendarAdminPages.itemsPage)
        case .approvalItemUpdate: .post("/admin/approval-items/:code", .administer, CalendarAdminPages.updateItem)
        case .apiProjectApprovals: .get("/api/v1/projects/:id/approvals", .viewApprovals, on: .project, ApprovalsAPI.projectApprovals)
        case .apiApprovalPlan: .post("/api/v1/projects/:id/approvals/plan", .editProject, on: .project, ApprovalsAPI.setPlan)
        case .apiApprovalEvent: .post("/api/v1/approvals/:id/events", .handleApprovals, on: .approval, ApprovalsAPI.event)
        case .apiApprovalQueue: .get("/api/v1/approvals", .viewApprovals, ApprovalsAPI.queue)
        case .apiApprovalAnalytics: .get("/api/v1/approvals/analytics", .viewProjects, ApprovalsAPI.analytics).lagTolerant
        case .apiWorkingDays: .get("/api/v1/calendar/working-days", .signedIn, ApprovalsAPI.workingDays)
        case .apiApprovalItems: .get("/api/v1/approval-items", .viewReference, ApprovalsAPI.items)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = ApprovalsEndpoints

    static func projectApprovals(_ id: Int64) -> Route { Route(E.projectApprovalsPage, id: id) }
    static func approvalQueue(_ filter: FormData) -> Route { Route(E.approvalQueue, query: filter.pairs.filter { !$0.1.isEmpty }) }
    static var approvalAnalytics: Route { Route(E.approvalAnalytics) }
    static var approvalBatches: Route { Route(E.approvalBatches) }
    static func approvalBatch(_ id: Int64) -> Route { Route(E.approvalBatchShow, id: id) }
    static func approvalPlan(_ id: Int64) -> Route { Route(E.projectApprovalPlan, id: id) }
    static func approvalAddItem(_ id: Int64) -> Route { Route(E.projectApprovalAddItem, id: id) }
    static func approvalEvent(_ id: Int64) -> Route { Route(E.approvalEvent, id: id) }
    static func addBatchProject(_ id: Int64) -> Route { Route(E.approvalBatchAddProject, id: id) }
    static var calendarAdmin: Route { Route(E.calendarAdmin) }
    static var approvalItemsAdmin: Route { Route(E.approvalItemsAdmin) }
    static func approvalItem(_ code: String) -> Route { Route(E.approvalItemUpdate, parameter: (":code", code)) }
}

extension NavItem {
    static let approvals = NavItem("approvals")
}
