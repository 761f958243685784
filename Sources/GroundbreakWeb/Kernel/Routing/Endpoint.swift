import Foundation
import GroundbreakDomain
import HTTPTypes

/// Every route the server answers, with its method, path pattern and what it needs.
/// Registration, the OpenAPI coverage test and the authorisation matrix all iterate this list,
/// so a route cannot exist without being registered, documented and covered.
public enum Endpoint: String, CaseIterable, Sendable {
    // System
    case healthz, metrics, asset
    // Sign-in and own account
    case loginPage, loginSubmit, logout, accountPage, passwordPage, passwordSubmit, signOutEverywhere
    // Ledger pages
    case home, ledgerPage, ledgerCSV, projectNewPage, projectCreate, projectShowPage, projectEditPage, projectUpdate, projectTransition
    // Administration and audit pages
    case adminUsers, adminUserNew, adminUserCreate, adminUserShow, adminUserUpdate, adminUserResetPassword, adminUserLock
    case adminTokenIssue, adminTokenRevoke, auditPage, auditCSV
    // Approvals
    case projectApprovalsPage, projectApprovalPlan, projectApprovalAddItem, approvalEvent, approvalQueue, approvalAnalytics
    case approvalBatches, approvalBatchCreate, approvalBatchShow, approvalBatchAddProject
    case calendarAdmin, calendarImport, approvalItemsAdmin, approvalItemUpdate
    // Seats (职务)
    case adminPositions, adminPositionCreate, adminPositionShow, adminPositionReassign
    // Monthly reports
    case projectReportsPage, projectReportSubmit, reportsBoard, reportReview, reportsGrid, reportsGridSave, reportsClose, reportsReopen, projectPlanSave
    // Statistics inclusion
    case statsPage, statsRecord
    // Targets
    case targetsPage, targetSet
    // Photos
    case reportPhotoUpload, attachmentShow
    // Excel import and export
    case importsPage, importUpload, importCommit, ledgerXLSX
    // Problems
    case problemsPage, problemShow, projectProblemRaise, problemManage, problemHandle, problemConfirm, problemsEscalate, enterpriseProblemRaise, problemFileShow
    // Inbox and webhooks
    case notificationsPage, notificationsRead, adminWebhooks, adminWebhookSave
    // Supervised items
    case supervisionPage, supervisionCreate, supervisionShow, supervisionAnswer, supervisionDecide, supervisionLetter
    // Meetings
    case meetingsPage, meetingCreate, meetingShow, meetingMinutes, meetingMinutesDocx
    // API
    case apiOpenAPI, apiMe, apiListProjects, apiCreateProject, apiGetProject, apiUpdateProject, apiTransitionProject
    case apiProjectHistory, apiReference, apiAudit
    case apiProjectApprovals, apiApprovalPlan, apiApprovalEvent, apiApprovalQueue, apiApprovalAnalytics, apiWorkingDays, apiApprovalItems
    case apiProjectReports, apiSubmitReport, apiReportsBoard, apiReviewReport, apiStatsInclusion, apiRecordInclusion, apiCloseMonth, apiReopenMonth, apiProjectPlans, apiSaveProjectPlan, apiTargets, apiSetTarget, apiProjectPhotos, apiUploadPhoto
    case apiImportProjects, apiImportMonthly
    case apiProblems, apiProblem, apiRaiseProblem, apiProblemManage, apiProblemHandle, apiProblemConfirm, apiRaiseEnterpriseProblem, apiProblemFileUpload
    case apiNotifications, apiNotificationsRead
    case apiSupervision, apiSupervisionCreate, apiSupervisedItem, apiSupervisionAnswer, apiSupervisionDecide
    case apiMeetings, apiMeetingCreate, apiMeeting, apiMeetingMinutes

    public enum Kind: Sendable {
        /// Machine endpoints with no session: health, metrics, static files.
        case system
        /// HTML pages and form posts.
        case page
        /// JSON under `/api/v1`.
        case api
    }

    /// What the `:id` in the path names; the guard loads it and asks the policy about it.
    public enum Target: Sendable {
        case none, project, user, token, approval, batch, position, report, attachment, problem, supervisedItem, meeting, problemFile
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .loginSubmit, .logout, .passwordSubmit, .signOutEverywhere, .projectCreate, .projectUpdate, .projectTransition,
             .adminUserCreate, .adminUserUpdate, .adminUserResetPassword, .adminUserLock, .adminTokenIssue, .adminTokenRevoke,
             .apiCreateProject, .apiTransitionProject, .projectApprovalPlan, .projectApprovalAddItem, .approvalEvent, .approvalBatchCreate,
             .approvalBatchAddProject, .calendarImport, .approvalItemUpdate, .apiApprovalPlan, .apiApprovalEvent,
             .adminPositionCreate, .adminPositionReassign, .projectReportSubmit, .reportReview, .apiSubmitReport, .apiReviewReport,
             .reportsGridSave, .statsRecord, .apiRecordInclusion, .reportsClose, .reportsReopen, .apiCloseMonth, .apiReopenMonth,
             .projectPlanSave, .apiSaveProjectPlan, .targetSet, .apiSetTarget,
             .reportPhotoUpload, .apiUploadPhoto, .importUpload, .importCommit, .apiImportProjects, .apiImportMonthly,
             .projectProblemRaise, .problemManage, .problemHandle, .problemConfirm, .problemsEscalate,
             .apiRaiseProblem, .apiProblemManage, .apiProblemHandle, .apiProblemConfirm,
             .notificationsRead, .adminWebhookSave, .apiNotificationsRead,
             .supervisionCreate, .supervisionAnswer, .supervisionDecide, .apiSupervisionCreate, .apiSupervisionAnswer, .apiSupervisionDecide,
             .meetingCreate, .meetingMinutes, .apiMeetingCreate, .apiMeetingMinutes, .enterpriseProblemRaise, .apiRaiseEnterpriseProblem, .apiProblemFileUpload:
            .post
        case .apiUpdateProject: .patch
        default: .get
        }
    }

    /// The path pattern, with `:id` for a numeric identifier.
    public var pattern: String {
        switch self {
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .asset: "/assets/:file"
        case .loginPage, .loginSubmit: "/login"
        case .logout: "/logout"
        case .accountPage: "/account"
        case .passwordPage, .passwordSubmit: "/account/password"
        case .signOutEverywhere: "/account/sign-out-everywhere"
        case .home: "/"
        case .ledgerPage, .projectCreate: "/projects"
        case .ledgerCSV: "/projects.csv"
        case .ledgerXLSX: "/projects.xlsx"
        case .importsPage, .importUpload: "/imports"
        case .importCommit: "/imports/commit"
        case .apiImportProjects: "/api/v1/imports/projects"
        case .apiImportMonthly: "/api/v1/imports/monthly"
        case .problemsPage, .enterpriseProblemRaise: "/problems"
        case .problemShow: "/problems/:id"
        case .problemFileShow: "/problem-files/:id"
        case .apiProblemFileUpload: "/api/v1/problems/:id/files"
        case .projectProblemRaise: "/projects/:id/problems"
        case .problemManage: "/problems/:id/manage"
        case .problemHandle: "/problems/:id/handle"
        case .problemConfirm: "/problems/:id/confirm"
        case .problemsEscalate: "/problems/escalate"
        case .apiProblems, .apiRaiseEnterpriseProblem: "/api/v1/problems"
        case .apiProblem: "/api/v1/problems/:id"
        case .apiRaiseProblem: "/api/v1/projects/:id/problems"
        case .apiProblemManage: "/api/v1/problems/:id/manage"
        case .apiProblemHandle: "/api/v1/problems/:id/handle"
        case .apiProblemConfirm: "/api/v1/problems/:id/confirm"
        case .notificationsPage: "/notifications"
        case .notificationsRead: "/notifications/read"
        case .adminWebhooks, .adminWebhookSave: "/admin/webhooks"
        case .apiNotifications: "/api/v1/notifications"
        case .apiNotificationsRead: "/api/v1/notifications/read"
        case .supervisionPage, .supervisionCreate: "/supervision"
        case .supervisionShow: "/supervision/:id"
        case .supervisionAnswer: "/supervision/:id/answer"
        case .supervisionDecide: "/supervision/:id/decide"
        case .supervisionLetter: "/supervision/:id/letter.docx"
        case .apiSupervision, .apiSupervisionCreate: "/api/v1/supervision"
        case .apiSupervisedItem: "/api/v1/supervision/:id"
        case .apiSupervisionAnswer: "/api/v1/supervision/:id/answer"
        case .apiSupervisionDecide: "/api/v1/supervision/:id/decide"
        case .meetingsPage, .meetingCreate: "/meetings"
        case .meetingShow: "/meetings/:id"
        case .meetingMinutes: "/meetings/:id/minutes"
        case .meetingMinutesDocx: "/meetings/:id/minutes.docx"
        case .apiMeetings, .apiMeetingCreate: "/api/v1/meetings"
        case .apiMeeting: "/api/v1/meetings/:id"
        case .apiMeetingMinutes: "/api/v1/meetings/:id/minutes"
        case .projectNewPage: "/projects/new"
        case .projectShowPage: "/projects/:id"
        case .projectEditPage, .projectUpdate: "/projects/:id/edit"
        case .projectTransition: "/projects/:id/transition"
        case .adminUsers, .adminUserCreate: "/admin/users"
        case .adminUserNew: "/admin/users/new"
        case .adminUserShow, .adminUserUpdate: "/admin/users/:id"
        case .adminUserResetPassword: "/admin/users/:id/reset-password"
        case .adminUserLock: "/admin/users/:id/lock"
        case .adminTokenIssue: "/admin/users/:id/tokens"
        case .adminTokenRevoke: "/admin/tokens/:id/revoke"
        case .auditPage: "/audit"
        case .auditCSV: "/audit.csv"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiMe: "/api/v1/me"
        case .apiListProjects, .apiCreateProject: "/api/v1/projects"
        case .apiGetProject, .apiUpdateProject: "/api/v1/projects/:id"
        case .apiTransitionProject, .apiProjectHistory: "/api/v1/projects/:id/transitions"
        case .apiReference: "/api/v1/reference"
        case .apiAudit: "/api/v1/audit"
        case .projectApprovalsPage: "/projects/:id/approvals"
        case .projectApprovalPlan: "/projects/:id/approvals/plan"
        case .projectApprovalAddItem: "/projects/:id/approvals/items"
        case .approvalEvent: "/approvals/:id/events"
        case .approvalQueue: "/approvals"
        case .approvalAnalytics: "/approvals/analytics"
        case .approvalBatches, .approvalBatchCreate: "/approvals/batches"
        case .approvalBatchShow: "/approvals/batches/:id"
        case .approvalBatchAddProject: "/approvals/batches/:id/projects"
        case .calendarAdmin, .calendarImport: "/admin/calendar"
        case .approvalItemsAdmin: "/admin/approval-items"
        case .approvalItemUpdate: "/admin/approval-items/:code"
        case .adminPositions, .adminPositionCreate: "/admin/positions"
        case .adminPositionShow: "/admin/positions/:id"
        case .adminPositionReassign: "/admin/positions/:id/holder"
        case .projectReportsPage, .projectReportSubmit: "/projects/:id/reports"
        case .reportsBoard: "/reports"
        case .reportsGrid, .reportsGridSave: "/reports/grid"
        case .statsPage: "/stats"
        case .targetsPage, .targetSet: "/targets"
        case .reportPhotoUpload: "/projects/:id/photos"
        case .attachmentShow: "/attachments/:id"
        case .apiProjectPhotos, .apiUploadPhoto: "/api/v1/projects/:id/photos"
        case .apiTargets, .apiSetTarget: "/api/v1/targets"
        case .reportsClose: "/reports/close"
        case .projectPlanSave: "/projects/:id/plans"
        case .apiProjectPlans, .apiSaveProjectPlan: "/api/v1/projects/:id/plans"
        case .reportsReopen: "/reports/reopen"
        case .apiCloseMonth: "/api/v1/reports/close"
        case .apiReopenMonth: "/api/v1/reports/reopen"
        case .statsRecord: "/projects/:id/stats-inclusion"
        case .apiStatsInclusion: "/api/v1/stats/inclusion"
        case .apiRecordInclusion: "/api/v1/projects/:id/stats-inclusion"
        case .reportReview: "/reports/:id/review"
        case .apiProjectReports, .apiSubmitReport: "/api/v1/projects/:id/reports"
        case .apiReportsBoard: "/api/v1/reports"
        case .apiReviewReport: "/api/v1/reports/:id/review"
        case .apiProjectApprovals: "/api/v1/projects/:id/approvals"
        case .apiApprovalPlan: "/api/v1/projects/:id/approvals/plan"
        case .apiApprovalEvent: "/api/v1/approvals/:id/events"
        case .apiApprovalQueue: "/api/v1/approvals"
        case .apiApprovalAnalytics: "/api/v1/approvals/analytics"
        case .apiWorkingDays: "/api/v1/calendar/working-days"
        case .apiApprovalItems: "/api/v1/approval-items"
        }
    }

    public var kind: Kind {
        switch self {
        case .healthz, .metrics, .asset: .system
        case .apiOpenAPI, .apiMe, .apiListProjects, .apiCreateProject, .apiGetProject, .apiUpdateProject, .apiTransitionProject,
             .apiProjectHistory, .apiReference, .apiAudit, .apiProjectApprovals, .apiApprovalPlan, .apiApprovalEvent, .apiApprovalQueue,
             .apiApprovalAnalytics, .apiWorkingDays, .apiApprovalItems, .apiProjectReports, .apiSubmitReport, .apiReportsBoard, .apiReviewReport,
             .apiStatsInclusion, .apiRecordInclusion, .apiCloseMonth, .apiReopenMonth, .apiProjectPlans,
             .apiSaveProjectPlan, .apiTargets, .apiSetTarget, .apiProjectPhotos, .apiUploadPhoto, .apiImportProjects, .apiImportMonthly,
             .apiProblems, .apiProblem, .apiRaiseProblem, .apiProblemManage, .apiProblemHandle, .apiProblemConfirm,
             .apiNotifications, .apiNotificationsRead, .apiSupervision, .apiSupervisionCreate, .apiSupervisedItem, .apiSupervisionAnswer,
             .apiSupervisionDecide, .apiMeetings, .apiMeetingCreate, .apiMeeting, .apiMeetingMinutes, .apiRaiseEnterpriseProblem, .apiProblemFileUpload: .api
        default: .page
        }
    }

    public var target: Target {
        switch self {
        case .projectShowPage, .projectEditPage, .projectUpdate, .projectTransition, .apiGetProject, .apiUpdateProject,
             .apiTransitionProject, .apiProjectHistory, .projectApprovalsPage, .projectApprovalPlan, .projectApprovalAddItem,
             .apiProjectApprovals, .apiApprovalPlan, .projectReportsPage, .projectReportSubmit, .apiProjectReports, .apiSubmitReport,
             .statsRecord, .apiRecordInclusion, .projectPlanSave, .apiProjectPlans, .apiSaveProjectPlan, .reportPhotoUpload,
             .apiProjectPhotos, .apiUploadPhoto, .projectProblemRaise, .apiRaiseProblem: .project
        case .problemShow, .problemManage, .problemHandle, .problemConfirm, .apiProblem, .apiProblemManage, .apiProblemHandle, .apiProblemConfirm,
             .apiProblemFileUpload: .problem
        case .problemFileShow: .problemFile
        case .supervisionShow, .supervisionAnswer, .supervisionDecide, .supervisionLetter, .apiSupervisedItem, .apiSupervisionAnswer,
             .apiSupervisionDecide: .supervisedItem
        case .meetingShow, .meetingMinutes, .meetingMinutesDocx, .apiMeeting, .apiMeetingMinutes: .meeting
        case .attachmentShow: .attachment
        case .reportReview, .apiReviewReport: .report
        case .approvalEvent, .apiApprovalEvent: .approval
        case .approvalBatchShow, .approvalBatchAddProject: .batch
        case .adminUserShow, .adminUserUpdate, .adminUserResetPassword, .adminUserLock, .adminTokenIssue: .user
        case .adminTokenRevoke: .token
        case .adminPositionShow, .adminPositionReassign: .position
        default: .none
        }
    }

    /// What the caller must be allowed to do; `nil` for routes open to anyone.
    public var action: PolicyAction? {
        switch self {
        case .healthz, .metrics, .asset, .loginPage, .loginSubmit, .apiOpenAPI: nil
        case .logout, .home, .accountPage, .passwordPage, .passwordSubmit, .signOutEverywhere, .apiMe, .apiWorkingDays,
             .notificationsPage, .notificationsRead, .apiNotifications, .apiNotificationsRead: .signedIn
        case .ledgerPage, .ledgerCSV, .ledgerXLSX, .projectShowPage, .apiListProjects, .apiGetProject, .apiProjectHistory, .approvalAnalytics,
             .approvalBatches, .approvalBatchShow, .apiApprovalAnalytics, .projectReportsPage, .reportsBoard, .apiProjectReports,
             .apiReportsBoard, .statsPage, .apiStatsInclusion, .apiProjectPlans, .targetsPage,
             .apiTargets, .attachmentShow, .apiProjectPhotos: .viewProjects
        case .targetSet, .apiSetTarget: .setTargets
        case .projectApprovalsPage, .apiProjectApprovals, .approvalQueue, .apiApprovalQueue: .viewApprovals
        case .apiReference, .apiApprovalItems: .viewReference
        case .projectNewPage, .projectCreate, .apiCreateProject: .createProject
        case .projectEditPage, .projectUpdate, .apiUpdateProject, .projectApprovalPlan, .projectApprovalAddItem, .apiApprovalPlan,
             .projectReportSubmit, .apiSubmitReport, .reportsGrid, .reportsGridSave, .projectPlanSave,
             .apiSaveProjectPlan, .reportPhotoUpload, .apiUploadPhoto, .importsPage, .importUpload, .importCommit, .apiImportProjects, .apiImportMonthly,
             .projectProblemRaise, .apiRaiseProblem: .editProject
        case .problemsPage, .problemShow, .apiProblems, .apiProblem, .problemFileShow: .viewProblems
        case .problemManage, .apiProblemManage, .problemsEscalate: .manageProblems
        case .problemHandle, .apiProblemHandle, .apiProblemFileUpload: .handleProblem
        case .problemConfirm, .apiProblemConfirm: .confirmProblem
        case .supervisionPage, .supervisionShow, .apiSupervision, .apiSupervisedItem: .viewSupervision
        case .supervisionCreate, .supervisionDecide, .supervisionLetter, .apiSupervisionCreate, .apiSupervisionDecide: .superviseItems
        case .supervisionAnswer, .apiSupervisionAnswer: .answerSupervision
        case .meetingsPage, .meetingShow, .meetingMinutesDocx, .apiMeetings, .apiMeeting: .viewMeetings
        case .meetingCreate, .meetingMinutes, .apiMeetingCreate, .apiMeetingMinutes: .runMeetings
        case .enterpriseProblemRaise, .apiRaiseEnterpriseProblem: .raiseEnterpriseProblem
        case .reportReview, .apiReviewReport, .reportsClose, .apiCloseMonth: .reviewReports
        case .reportsReopen, .apiReopenMonth: .administer
        case .statsRecord, .apiRecordInclusion: .recordStats
        case .approvalEvent, .apiApprovalEvent: .handleApprovals
        case .approvalBatchCreate, .approvalBatchAddProject: .organiseApprovals
        case .projectTransition, .apiTransitionProject: .transitionProject
        case .adminUsers, .adminUserNew, .adminUserCreate, .adminUserShow, .adminUserUpdate, .adminUserResetPassword, .adminUserLock,
             .adminTokenIssue, .adminTokenRevoke, .calendarAdmin, .calendarImport, .approvalItemsAdmin, .approvalItemUpdate,
             .adminPositions, .adminPositionCreate, .adminPositionShow, .adminPositionReassign, .adminWebhooks, .adminWebhookSave: .administer
        case .auditPage, .auditCSV, .apiAudit: .viewAudit
        }
    }

    /// Routes a user who must change the password may still use.
    public var allowedBeforePasswordChange: Bool {
        action == nil || [.logout, .passwordPage, .passwordSubmit].contains(self)
    }

    /// Routes that take a file: a larger body limit, and `multipart/form-data` for the page.
    public var acceptsUpload: Bool {
        [.reportPhotoUpload, .apiUploadPhoto, .importUpload, .apiImportProjects, .apiImportMonthly, .problemHandle, .apiProblemFileUpload].contains(self)
    }

    /// Whether the request changes state and therefore needs a CSRF proof when made with a session.
    public var isMutation: Bool {
        method != .get && method != .head
    }
}
