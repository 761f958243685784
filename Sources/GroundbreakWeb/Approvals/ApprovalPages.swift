import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Approval pages: a project's approvals, the department queue, analytics and 集中审批 batches.
enum ApprovalPages {
    static func projectApprovals(_ input: EndpointRequest) async throws -> Response {
        try await render(input, project: try input.targetProject(), errors: [], status: .ok)
    }

    static func render(_ input: EndpointRequest, project: Project, errors: [FieldError], failedApproval: Int64? = nil,
                       status: HTTPResponse.Status) async throws -> Response {
        let board = try await ApprovalBoard.load(input, project: project)
        let catalog = input.catalog
        let page = ProjectApprovalsPage(
            context: PageContext(input), project: project, board: board, catalog: catalog, allItems: input.services.approvalItems(),
            canView: Policy.decide(.viewProjects, on: project, for: input.principal, catalog: catalog) == .allow,
            canEdit: Policy.decide(.editProject, on: project, for: input.principal, catalog: catalog) == .allow,
            canHandle: { Policy.decideApproval(.handleApprovals, on: project, itemDepartments: [$0], for: input.principal, catalog: catalog) == .allow },
            errors: errors, failedApproval: failedApproval, failedForm: failedApproval == nil ? FormData(pairs: []) : (input.form ?? FormData(pairs: [])),
            calendarYears: input.services.workingCalendar().years,
            notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Approvals.saved }
        )
        return Responses.html(page.document, status: status)
    }

    /// Reads the approval type and target start date from form or JSON fields.
    static func plan(from fields: [String: String]) -> Result<(ApprovalProjectType, Day?), ValidationFailure> {
        var errors: [FieldError] = []
        let type = ApprovalProjectType(rawValue: fields["approvalType"] ?? "")
        if type == nil { errors.append(FieldError("approvalType", .required(field: "approvalType"))) }
        var target: Day?
        if let raw = fields["targetStart"], !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            target = Day.parse(raw)
            if target == nil { errors.append(FieldError("targetStart", .dateInvalid)) }
        }
        guard errors.isEmpty, let type else { return .failure(ValidationFailure(errors)) }
        return .success((type, target))
    }

    static func setPlan(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        switch plan(from: dictionary(input.form)) {
        case .failure(let failure):
            return try await render(input, project: project, errors: failure.errors, status: .unprocessableContent)
        case .success(let (type, target)):
            try await input.services.approvals.setPlan(projectId: project.id, type: type, targetStart: target, catalog: input.services.approvalItems(),
                                                       actor: input.actor, today: input.today, now: input.now)
            return Responses.redirect(to: Route.projectApprovals(project.id).path(notice: "saved"))
        }
    }

    static func addItem(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        return try await FormSubmission.submit({
            try await input.services.approvals.addItem(projectId: project.id, code: input.form?["itemCode"] ?? "", actor: input.actor, now: input.now)
            return Responses.redirect(to: Route.projectApprovals(project.id).path(notice: "saved"))
        }, refused: { try await render(input, project: project, errors: $0.errors, status: $0.status) })
    }

    static func event(_ input: EndpointRequest) async throws -> Response {
        guard let approval = input.approval else { throw AppError.notFound }
        let project = try input.targetProject()
        let fields = dictionary(input.form)
        let back = fields["back"] == "queue" ? Route.approvalQueue(FormData(pairs: [])).path : Route.projectApprovals(project.id).path(notice: "saved")
        return try await FormSubmission.submit({
            switch ApprovalEventInput.parse(fields) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let (event, version)):
                _ = try await input.services.approvals.record(id: approval.id, expectedVersion: version, event, actor: input.actor, today: input.today, now: input.now)
                return Responses.redirect(to: back)
            }
        }, refused: { try await render(input, project: project, errors: $0.errors, failedApproval: approval.id, status: $0.status) })
    }

    static func dictionary(_ form: FormData?) -> [String: String] {
        Dictionary((form?.pairs ?? []).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    /// What the caller's approval lists reach: their view scope, and for an approving
    /// department its items on any project.
    /// The items the caller reaches, or those of the projects in `scope` when a figure is over more than the caller's own.
    static func listings(_ input: EndpointRequest, openOnly: Bool, scope: ProjectScope? = nil) async throws -> [ApprovalListing] {
        let departments = scope == nil ? input.principal.map(Policy.approvalDepartments(of:)) ?? [] : []
        return try await input.services.approvals.listings(scope: scope ?? input.scope(.viewProjects), departments: departments, openOnly: openOnly)
    }

    struct QueueFilter {
        static let pageSize = 50

        var department: String?
        var state: ApprovalClockReading.State?
        /// Only the items the caller's own department must decide (`scope=mine`), or every item it
        /// can see (`scope=all`); unset, the page chooses by who asks.
        var mineOnly: Bool?
        /// Whether the query named the scope (links keep it then, and only then).
        var scopeNamed = false
        var paging = ListPaging(perPage: pageSize)
        var page: Int { paging.page }
        var perPage: Int { paging.perPage }
        /// Problems with the query; pages fall back to defaults, the API refuses.
        var errors: [FieldError] = []

        init(_ items: [(String, String)]) {
            let form = FormData(pairs: items)
            department = form["department"].isEmpty ? nil : form["department"]
            switch form["scope"] {
            case "": break
            case "mine": mineOnly = true; scopeNamed = true
            case "all": mineOnly = false; scopeNamed = true
            default: errors.append(FieldError("scope", .unknownCode(field: "scope", code: form["scope"])))
            }
            if !form["state"].isEmpty {
                state = ApprovalClockReading.State(rawValue: form["state"])
                if state == nil { errors.append(FieldError("state", .unknownCode(field: "state", code: form["state"]))) }
            }
            switch ListPaging.parse(items, defaultPerPage: Self.pageSize) {
            case .success(let parsed): paging = parsed
            case .failure(let failure): errors += failure.errors
            }
        }

        /// The query for another page of the same list.
        func query(page: Int) -> FormData {
            FormData(pairs: [("scope", scopeNamed ? (mineOnly == true ? "mine" : "all") : ""), ("department", department ?? ""), ("state", state?.rawValue ?? ""),
                             ("page", page > 1 ? String(page) : ""),
                             ("perPage", perPage == Self.pageSize ? "" : String(perPage))])
        }

        func pageCount(of total: Int) -> Int { paging.pageCount(of: total) }

        func slice<T>(_ rows: [T]) -> ArraySlice<T> { paging.slice(rows) }
    }

    typealias QueueRow = (listing: ApprovalListing, reading: ApprovalClockReading)

    /// What a caller's approval figures are computed from.
    static func reachKey(_ input: EndpointRequest, scope: ProjectScope? = nil) async throws -> String {
        let departments = scope == nil ? input.principal.map(Policy.approvalDepartments(of:)) ?? [] : []
        // The generation first: the caches holding these keep only the newest generation's rows.
        return "\(try await input.services.approvals.generation())|\((scope ?? input.scope(.viewProjects)).key)|\(departments.sorted().joined(separator: ","))|\(input.today.iso)"
    }

    /// Every open item the caller reaches with its clock, the soonest due first.
    static func openRows(_ input: EndpointRequest, scope: ProjectScope? = nil) async throws -> [QueueRow] {
        try await input.services.approvalQueues.value(for: try await reachKey(input, scope: scope)) {
            let calendar = input.services.workingCalendar()
            let never = Day(year: 2200, month: 1, day: 1)!
            return try await listings(input, openOnly: true, scope: scope)
                .map { ($0, ApprovalClock.read($0.approval, item: $0.item, calendar: calendar, today: input.today)) }
                .sorted { ($0.1.due ?? never, $0.0.approval.id) < ($1.1.due ?? never, $1.0.approval.id) }
        }
    }

    /// Open items that have been applied for, the soonest due first.
    static func queueRows(_ input: EndpointRequest, filter: QueueFilter) async throws -> [QueueRow] {
        let own = filter.mineOnly == true ? ownDepartment(input) : nil
        return try await openRows(input)
            .filter { filter.mineOnly != true || $0.listing.item.departmentCode == own }
            .filter { filter.department == nil || $0.listing.item.departmentCode == filter.department }
            // Items nobody has applied for are the project side's work, shown only when asked for.
            .filter { filter.state == nil ? $0.listing.approval.status != .notStarted : $0.reading.state == filter.state }
    }

    /// The department a department user works for: its 待办 are the items that department decides.
    static func ownDepartment(_ input: EndpointRequest) -> String? {
        input.principal.flatMap { Policy.approvalDepartments(of: $0).first }
    }

    static func queue(_ input: EndpointRequest) async throws -> Response {
        var filter = QueueFilter(input.queryItems)
        if !filter.errors.isEmpty { filter = QueueFilter([]) }
        let own = ownDepartment(input)
        // A department lands on what waits on it; the projects it leads are one click away.
        // Picking another department in the filter looks beyond one's own.
        if filter.mineOnly == nil { filter.mineOnly = own != nil && (filter.department == nil || filter.department == own) }
        let rows = try await queueRows(input, filter: filter)
        // The filter offers every department of every item the caller can see, not only this page's.
        let departments = Set(try await openRows(input).map(\.listing.item.departmentCode)).union(own.map { [$0] } ?? [])
        let approving = input.principal.map(Policy.approvalDepartments(of:)) ?? []
        let page = ApprovalQueuePage(context: PageContext(input), rows: Array(filter.slice(rows)), total: rows.count, catalog: input.catalog, filter: filter,
                                     departments: departments.sorted(), ownDepartment: own, canHandle: { approving.contains($0.item.departmentCode) })
        return Responses.html(page.document)
    }

    struct AnalyticsResult: Sendable {
        var league: [ApprovalAnalytics.DepartmentFigures]
        /// Every project with its permit, by id.
        var projects: [ApprovalAnalytics.ProjectFigures]
        /// The page's chart and its list of the slowest: taken once per computation, not per reader.
        var distribution: [ApprovalAnalytics.Band]
        var slowest: [ApprovalAnalytics.ProjectFigures]
        var city: ApprovalAnalytics.CityFigures
        var asOf: Day
        var previous: Day
        /// The names of the slowest.
        var projectNames: [Int64: String]
    }

    static func analyticsResult(_ input: EndpointRequest) async throws -> AnalyticsResult {
        try await input.services.approvalAnalytics.value(for: try await reachKey(input)) { try await computeAnalytics(input) }
    }

    static func computeAnalytics(_ input: EndpointRequest) async throws -> AnalyticsResult {
        let today = input.today
        let previous = Day(year: today.year, month: today.month, day: 1)!.adding(days: -1)
        let departments = input.principal.map(Policy.approvalDepartments(of:)) ?? []
        let tables = try await input.services.approvals.analyticsTables(scope: input.scope(.viewProjects), departments: departments,
                                                                        .init(asOf: today, previous: previous))
        let projects = ApprovalAnalytics.projects(tables.parts)
        let slowest = projects.firstSorted(ApprovalAnalyticsPage.slowest) { ($0.workingDays, $1.projectId) > ($1.workingDays, $0.projectId) }
        return AnalyticsResult(
            league: tables.league, projects: projects, distribution: ApprovalAnalytics.distribution(projects),
            slowest: slowest, city: ApprovalAnalytics.city(projects), asOf: today, previous: previous,
            projectNames: try await input.services.projects.projects(ids: Set(slowest.map(\.projectId))).mapValues(\.fields.name)
        )
    }

    static func analytics(_ input: EndpointRequest) async throws -> Response {
        // Read before the figures, as their own key is.
        let key = "\(try await reachKey(input))|analytics-page"
        let page = ApprovalAnalyticsPage(context: PageContext(input), result: try await analyticsResult(input), catalog: input.catalog)
        return Responses.html(page.document(content: RenderedFigures.content(input.services, key: key) { page.content }))
    }

    // MARK: Batches

    static func batches(_ input: EndpointRequest) async throws -> Response {
        let page = BatchesPage(context: PageContext(input), batches: try await input.services.batches.all(),
                               canOrganise: Policy.decide(.organiseApprovals, for: input.principal, catalog: input.catalog) == .allow, errors: [],
                               form: FormData(pairs: []))
        return Responses.html(page.document)
    }

    static func createBatch(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        var errors: [FieldError] = []
        if TextNormalizer.collapsedLine(form["name"]).isEmpty { errors.append(FieldError("name", .required(field: "batchName"))) }
        let heldOn = Day.parse(form["heldOn"])
        if heldOn == nil { errors.append(FieldError("heldOn", form["heldOn"].isEmpty ? .required(field: "heldOn") : .dateInvalid)) }
        guard errors.isEmpty, let heldOn else {
            let page = BatchesPage(context: PageContext(input), batches: try await input.services.batches.all(), canOrganise: true, errors: errors, form: form)
            return Responses.html(page.document, status: .unprocessableContent)
        }
        let batch = try await input.services.batches.create(name: form["name"], heldOn: heldOn, description: form["description"], actor: input.actor, now: input.now)
        return Responses.redirect(.approvalBatch(batch.id))
    }

    static func showBatch(_ input: EndpointRequest) async throws -> Response {
        guard let batch = input.batch else { throw AppError.notFound }
        let scope = input.scope(.viewProjects)
        var members: [(project: Project, board: ApprovalBoard)] = []
        for id in batch.projectIds {
            guard let project = try await input.services.projects.project(id: id), scope.contains(project) else { continue }
            members.append((project, try await ApprovalBoard.load(input, project: project)))
        }
        // Each project's 开工条件 beside its approvals: the same summary as the readiness lists and 集中开工.
        let recorded = try await input.services.readiness.items(projectIds: members.map(\.project.id))
        var page = BatchPage(context: PageContext(input), batch: batch, members: members, catalog: input.catalog,
                             canOrganise: Policy.decide(.organiseApprovals, for: input.principal, catalog: input.catalog) == .allow)
        page.readiness = Dictionary(members.map { member in
            (member.project.id, ReadinessSummary(projectId: member.project.id, recorded: recorded[member.project.id] ?? [], catalog: input.services.readinessCatalog))
        }, uniquingKeysWith: { first, _ in first })
        page.readinessCatalog = input.services.readinessCatalog
        return Responses.html(page.document)
    }

    static func addBatchProject(_ input: EndpointRequest) async throws -> Response {
        guard let batch = input.batch else { throw AppError.notFound }
        guard let projectId = Int64(input.form?["projectId"] ?? "") else {
            throw AppError.validation(ValidationFailure([FieldError("projectId", .required(field: "projectId"))]))
        }
        try await input.services.batches.addProject(batchId: batch.id, projectId: projectId, actor: input.actor, now: input.now)
        return Responses.redirect(.approvalBatch(batch.id))
    }
}
