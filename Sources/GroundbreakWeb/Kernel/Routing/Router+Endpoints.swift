import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import NIOCore

typealias Handler = @Sendable (EndpointRequest) async throws -> Response

/// Registers every `Endpoint` with the same guard in front of it: sign-in, policy, CSRF and the
/// body size limit are checked here and nowhere else.
enum EndpointRegistry {
    static func handler(for endpoint: Endpoint) -> Handler {
        switch endpoint {
        case .healthz: SystemHandlers.healthz
        case .metrics: SystemHandlers.metrics
        case .asset: SystemHandlers.asset
        case .loginPage: AuthPages.loginPage
        case .loginSubmit: AuthPages.loginSubmit
        case .logout: AuthPages.logout
        case .accountPage: AccountPages.account
        case .passwordPage: AccountPages.passwordPage
        case .passwordSubmit: AccountPages.passwordSubmit
        case .signOutEverywhere: AccountPages.signOutEverywhere
        case .adminUsers: AdminPages.users
        case .adminUserNew: AdminPages.newUser
        case .adminUserCreate: AdminPages.createUser
        case .adminUserShow: AdminPages.showUser
        case .adminUserUpdate: AdminPages.updateUser
        case .adminUserResetPassword: AdminPages.resetPassword
        case .adminUserLock: AdminPages.lockUser
        case .adminTokenIssue: AdminPages.issueToken
        case .adminTokenRevoke: AdminPages.revokeToken
        case .auditPage: AuditPages.page
        case .auditCSV: AuditPages.csv
        case .apiAudit: AuditPages.api
        case .apiMe: MeAPI.me
        case .projectApprovalsPage: ApprovalPages.projectApprovals
        case .projectApprovalPlan: ApprovalPages.setPlan
        case .projectApprovalAddItem: ApprovalPages.addItem
        case .approvalEvent: ApprovalPages.event
        case .approvalQueue: ApprovalPages.queue
        case .approvalAnalytics: ApprovalPages.analytics
        case .approvalBatches: ApprovalPages.batches
        case .approvalBatchCreate: ApprovalPages.createBatch
        case .approvalBatchShow: ApprovalPages.showBatch
        case .approvalBatchAddProject: ApprovalPages.addBatchProject
        case .calendarAdmin: CalendarAdminPages.calendarPage
        case .calendarImport: CalendarAdminPages.importCalendar
        case .approvalItemsAdmin: CalendarAdminPages.itemsPage
        case .approvalItemUpdate: CalendarAdminPages.updateItem
        case .adminPositions: PositionPages.list
        case .adminPositionCreate: PositionPages.create
        case .adminPositionShow: PositionPages.show
        case .adminPositionReassign: PositionPages.reassign
        case .projectReportsPage: ReportPages.projectReports
        case .projectReportSubmit: ReportPages.submit
        case .reportsBoard: ReportPages.board
        case .reportReview: ReportPages.review
        case .reportsGrid: ReportGrid.page
        case .reportsGridSave: ReportGrid.save
        case .reportsClose: ReportPages.closeMonth
        case .reportsReopen: ReportPages.reopenMonth
        case .apiCloseMonth: ReportsAPI.closeMonth
        case .apiReopenMonth: ReportsAPI.reopenMonth
        case .projectPlanSave: AnnualPlanPages.save
        case .apiProjectPlans: AnnualPlanPages.api
        case .apiSaveProjectPlan: AnnualPlanPages.apiSave
        case .targetsPage: TargetPages.page
        case .targetSet: TargetPages.set
        case .apiTargets: TargetPages.api
        case .apiSetTarget: TargetPages.apiSet
        case .reportPhotoUpload: PhotoPages.upload
        case .attachmentShow: PhotoPages.show
        case .apiProjectPhotos: PhotoPages.list
        case .apiUploadPhoto: PhotoPages.apiUpload
        case .importsPage: ImportPages.page
        case .importUpload: ImportPages.upload
        case .importCommit: ImportPages.commit
        case .apiImportProjects: ImportPages.apiProjects
        case .apiImportMonthly: ImportPages.apiMonthly
        case .problemsPage: ProblemPages.list
        case .problemShow: ProblemPages.show
        case .projectProblemRaise: ProblemPages.raise
        case .problemManage, .problemHandle, .problemConfirm: ProblemPages.event
        case .problemsEscalate: ProblemPages.escalateOverdue
        case .enterpriseProblemRaise: ProblemPages.raiseForEnterprise
        case .problemFileShow: ProblemPages.file
        case .apiProblemFileUpload: ProblemsAPI.uploadFile
        case .apiRaiseEnterpriseProblem: ProblemsAPI.raiseForEnterprise
        case .apiProblems: ProblemsAPI.list
        case .apiProblem: ProblemsAPI.show
        case .apiRaiseProblem: ProblemsAPI.raise
        case .apiProblemManage, .apiProblemHandle, .apiProblemConfirm: ProblemsAPI.event
        case .notificationsPage: InboxPages.page
        case .notificationsRead: InboxPages.markRead
        case .apiNotifications: InboxPages.apiList
        case .apiNotificationsRead: InboxPages.apiMarkRead
        case .adminWebhooks: WebhookPages.page
        case .adminWebhookSave: WebhookPages.save
        case .supervisionPage: SupervisionPages.list
        case .supervisionCreate: SupervisionPages.create
        case .supervisionShow: SupervisionPages.show
        case .supervisionAnswer, .supervisionDecide: SupervisionPages.event
        case .supervisionLetter: SupervisionPages.letter
        case .apiSupervision: SupervisionAPI.list
        case .apiSupervisionCreate: SupervisionAPI.create
        case .apiSupervisedItem: SupervisionAPI.show
        case .apiSupervisionAnswer, .apiSupervisionDecide: SupervisionAPI.event
        case .meetingsPage: MeetingPages.list
        case .meetingCreate: MeetingPages.create
        case .meetingShow: MeetingPages.show
        case .meetingMinutes: MeetingPages.minutes
        case .meetingMinutesDocx: MeetingPages.docx
        case .apiMeetings: MeetingsAPI.list
        case .apiMeetingCreate: MeetingsAPI.create
        case .apiMeeting: MeetingsAPI.show
        case .apiMeetingMinutes: MeetingsAPI.minutes
        case .ledgerXLSX: LedgerExportPages.xlsx
        case .statsPage: InclusionPages.page
        case .statsRecord: InclusionPages.record
        case .apiStatsInclusion: InclusionPages.api
        case .apiRecordInclusion: InclusionPages.apiRecord
        case .apiProjectReports: ReportsAPI.projectReports
        case .apiSubmitReport: ReportsAPI.submit
        case .apiReportsBoard: ReportsAPI.board
        case .apiReviewReport: ReportsAPI.review
        case .apiProjectApprovals: ApprovalsAPI.projectApprovals
        case .apiApprovalPlan: ApprovalsAPI.setPlan
        case .apiApprovalEvent: ApprovalsAPI.event
        case .apiApprovalQueue: ApprovalsAPI.queue
        case .apiApprovalAnalytics: ApprovalsAPI.analytics
        case .apiWorkingDays: ApprovalsAPI.workingDays
        case .apiApprovalItems: ApprovalsAPI.items
        case .home: { _ in Responses.redirect(.ledger) }
        case .ledgerPage: ProjectPages.ledger
        case .ledgerCSV: LedgerExportPages.csv
        case .projectNewPage: ProjectPages.newForm
        case .projectCreate: ProjectPages.create
        case .projectShowPage: { try await ProjectPages.show($0) }
        case .projectEditPage: ProjectPages.editForm
        case .projectUpdate: ProjectPages.update
        case .projectTransition: ProjectPages.transition
        case .apiOpenAPI: ProjectsAPI.openAPI
        case .apiListProjects: ProjectsAPI.list
        case .apiCreateProject: ProjectsAPI.create
        case .apiGetProject: ProjectsAPI.get
        case .apiUpdateProject: ProjectsAPI.update
        case .apiTransitionProject: ProjectsAPI.transition
        case .apiProjectHistory: ProjectsAPI.history
        case .apiReference: ProjectsAPI.reference
        }
    }

    static func register(on router: Router<AppContext>, services: AppServices) {
        for endpoint in Endpoint.allCases {
            let handler = handler(for: endpoint)
            router.on(RouterPath(endpoint.pattern), method: endpoint.method) { request, context in
                let prepared = try await prepare(endpoint, request: request, context: context, services: services)
                return try await handler(prepared)
            }
        }
    }

    static func prepare(_ endpoint: Endpoint, request: Request, context: AppContext, services: AppServices) async throws -> EndpointRequest {
        var input = EndpointRequest(endpoint: endpoint, request: request, context: context, services: services)
        if let action = endpoint.action {
            try await authorise(action, &input)
        }
        guard endpoint.isMutation else { return input }
        let limit = endpoint.acceptsUpload ? services.settings.maxUploadBytes : services.settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw AppError.tooLarge }
        do {
            input.body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.tooLarge
        }
        if endpoint.kind == .page {
            let contentType = request.headers[.contentType] ?? ""
            if endpoint.acceptsUpload, let boundary = Multipart.boundary(contentType) {
                guard let parts = Multipart.parse(input.body.map { Array($0.readableBytesView) } ?? [], boundary: boundary) else {
                    throw AppError.badMultipart
                }
                input.form = FormData(pairs: parts.fields)
                input.files = parts.files
            } else {
                guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else { throw AppError.unsupportedMediaType }
                input.form = FormData(encoded: input.body.map { String(buffer: $0) } ?? "")
            }
        }
        try checkCSRF(input)
        if let form = input.form { try TextInputGuard.check(form.pairs + input.files.map { ("file", $0.filename) }) }
        // Raw uploads name their file (and month) in the query.
        if endpoint.acceptsUpload && endpoint.kind == .api { try TextInputGuard.check(input.queryItems) }
        return input
    }

    /// The policy's answer for this route, and for the object its `:id` names. Denials are
    /// written to the audit trail.
    static func authorise(_ action: PolicyAction, _ input: inout EndpointRequest) async throws {
        let endpoint = input.endpoint
        let catalog = input.catalog
        let principal = input.principal
        var decision = Policy.decide(action, for: principal, catalog: catalog)
        if decision == .unauthenticated {
            if endpoint.kind == .page && endpoint.method == .get {
                throw RedirectToLogin(next: input.request.uri.path + (input.request.uri.query.map { "?" + $0 } ?? ""))
            }
            throw AppError.unauthorized
        }
        if principal?.mustChangePassword == true && !endpoint.allowedBeforePasswordChange {
            if endpoint.kind == .page && endpoint.method == .get { throw RedirectTo(path: Route.password.path) }
            throw AppError(.forbidden, kind: "password-change-required", title: WebText.Problem.mustChangePassword)
        }
        if decision == .allow {
            switch endpoint.target {
            case .none:
                break
            case .project:
                guard let project = try await input.services.projects.project(id: try input.id()) else { throw AppError.notFound }
                if action == .viewApprovals {
                    let approving = principal.map(Policy.approvalDepartments(of:)) ?? []
                    let departments = approving.isEmpty ? [] : try await input.services.approvalDepartments(projectId: project.id)
                    decision = Policy.decideApproval(action, on: project, itemDepartments: departments, for: principal, catalog: catalog)
                } else {
                    decision = Policy.decide(action, on: project, for: principal, catalog: catalog)
                }
                input.project = project
            case .user:
                guard let account = try await input.services.users.find(id: try input.id()) else { throw AppError.notFound }
                input.targetUser = account
            case .token:
                guard let token = try await input.services.tokens.find(id: try input.id()) else { throw AppError.notFound }
                input.targetToken = token
            case .approval:
                guard let approval = try await input.services.approvals.approval(id: try input.id()),
                      let project = try await input.services.projects.project(id: approval.projectId),
                      let item = input.services.approvalItems().first(where: { $0.code == approval.itemCode })
                else { throw AppError.notFound }
                decision = Policy.decideApproval(action, on: project, itemDepartments: [item.departmentCode], for: principal, catalog: catalog)
                input.approval = approval
                input.project = project
            case .batch:
                guard let batch = try await input.services.batches.batch(id: try input.id()) else { throw AppError.notFound }
                input.batch = batch
            case .position:
                guard let position = try await input.services.positions.position(id: try input.id()) else { throw AppError.notFound }
                input.position = position
            case .attachment:
                guard let attachment = try await input.services.attachments.attachment(id: try input.id()),
                      let project = try await input.services.projects.project(id: attachment.projectId) else { throw AppError.notFound }
                decision = Policy.decide(action, on: project, for: principal, catalog: catalog)
                input.attachment = attachment
                input.project = project
            case .problem:
                guard let problem = try await input.services.problems.problem(id: try input.id()) else { throw AppError.notFound }
                var project: Project?
                if let projectId = problem.projectId { project = try await input.services.projects.project(id: projectId) }
                decision = Policy.decideProblem(action, problem, project: project, for: principal, catalog: catalog)
                input.problem = problem
                input.project = project
            case .problemFile:
                guard let file = try await input.services.problemFiles.file(id: try input.id()),
                      let problem = try await input.services.problems.problem(id: file.problemId) else { throw AppError.notFound }
                var project: Project?
                if let projectId = problem.projectId { project = try await input.services.projects.project(id: projectId) }
                decision = Policy.decideProblem(action, problem, project: project, for: principal, catalog: catalog)
                input.problemFile = file
                input.problem = problem
            case .meeting:
                guard let meeting = try await input.services.meetings.meeting(id: try input.id()) else { throw AppError.notFound }
                input.meeting = meeting
            case .supervisedItem:
                guard let item = try await input.services.supervision.item(id: try input.id()) else { throw AppError.notFound }
                decision = Policy.decideSupervision(action, item, for: principal, catalog: catalog)
                input.supervisedItem = item
            case .report:
                guard let report = try await input.services.reports.report(id: try input.id()),
                      let project = try await input.services.projects.project(id: report.projectId) else { throw AppError.notFound }
                decision = Policy.decide(action, on: project, for: principal, catalog: catalog)
                input.report = report
                input.project = project
            }
        }
        switch decision {
        case .allow:
            return
        case .unauthenticated:
            throw AppError.unauthorized
        case .deny, .notFound:
            try await input.services.audit.record(
                entity: "route", entityId: endpoint.rawValue, action: "denied",
                reason: "\(input.request.method.rawValue) \(input.request.uri.path)", actor: input.actor, now: input.now
            )
            throw decision == .deny ? AppError.forbidden : AppError.notFound
        }
    }

    /// Forms carry the session's token in `_csrf`; API calls made with the session cookie carry
    /// it in `X-CSRF-Token`. Sign-in, before any session, uses a double-submit cookie.
    static func checkCSRF(_ input: EndpointRequest) throws {
        let presented: String
        let expected: String?
        if input.endpoint == .loginSubmit {
            // Double submit, signed: the form carries the HMAC of the cookie's value, so a cookie
            // planted by a neighbouring site cannot be paired with a form value of its own.
            presented = input.form?["_csrf"] ?? ""
            expected = input.request.cookies[AuthPages.loginCSRFCookie].map { input.services.sign($0.value) }
        } else if input.context.apiToken != nil {
            // A token is sent deliberately by a program; no browser adds it on its own.
            return
        } else if input.endpoint.kind == .api {
            presented = input.request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            expected = input.context.session?.csrfToken
        } else {
            presented = input.form?["_csrf"] ?? ""
            expected = input.context.session?.csrfToken
        }
        guard let expected, !expected.isEmpty, constantTimeEquals(presented, expected) else { throw AppError.csrf }
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// Thrown when a page needs a signed-in user; answered with a redirect to the sign-in page.
struct RedirectToLogin: Error {
    let next: String
}

/// Thrown to send the browser elsewhere first (the password page, for a forced change).
struct RedirectTo: Error {
    let path: String
}
