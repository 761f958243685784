import Foundation
import GroundbreakDomain

/// Typed links: every href the pages write comes from here, so a link cannot point at a path
/// the router does not serve (a test resolves each case against `Endpoint`).
public enum Route: Sendable, Equatable {
    case home
    case login(next: String?)
    case logout
    case ledger(ProjectQuery)
    case ledgerCSV(ProjectQuery)
    case ledgerXLSX(ProjectQuery)
    case imports
    case importCommit
    case newProject
    case project(Int64)
    case editProject(Int64)
    case transition(Int64)
    case asset(String)
    case account
    case password
    case signOutEverywhere
    case adminUsers
    case newUser
    case adminUser(Int64)
    case resetPassword(Int64)
    case lockUser(Int64)
    case issueToken(Int64)
    case revokeToken(Int64)
    case audit(FormData)
    case auditCSV(FormData)
    case projectApprovals(Int64)
    case approvalQueue(FormData)
    case approvalAnalytics
    case approvalBatches
    case approvalBatch(Int64)
    case approvalPlan(Int64)
    case approvalAddItem(Int64)
    case approvalEvent(Int64)
    case addBatchProject(Int64)
    case calendarAdmin
    case approvalItemsAdmin
    case approvalItem(String)
    case adminPositions
    case adminPosition(Int64)
    case reassignPosition(Int64)
    case projectReports(Int64, year: Int?)
    case reportsBoard(month: String?)
    case reviewReport(Int64)
    case reportsGrid(month: String?)
    case stats
    case targets(unit: String?, month: String?)
    case closeMonth
    case projectPlans(Int64)
    case reportPhotos(Int64)
    case attachment(Int64)
    case reopenMonth
    case recordInclusion(Int64)
    case apiProjects
    case apiProject(Int64)
    case openAPI
    case problems(ProblemQuery)
    case problem(Int64)
    case raiseProblem(projectId: Int64)
    case manageProblem(Int64)
    case handleProblem(Int64)
    case confirmProblem(Int64)
    case escalateProblems
    case raiseEnterpriseProblem
    case problemFile(Int64)
    case notifications
    case markNotificationsRead
    case adminWebhooks
    case supervision(openOnly: Bool)
    case supervisedItem(Int64)
    case answerSupervision(Int64)
    case decideSupervision(Int64)
    case supervisionLetter(Int64)
    case meetings
    case meeting(Int64)
    case meetingMinutes(Int64)
    case meetingMinutesDocx(Int64)

    public static var ledger: Route { .ledger(ProjectQuery()) }

    public var endpoint: Endpoint {
        switch self {
        case .home: .home
        case .login: .loginPage
        case .logout: .logout
        case .ledger: .ledgerPage
        case .ledgerCSV: .ledgerCSV
        case .ledgerXLSX: .ledgerXLSX
        case .imports: .importsPage
        case .importCommit: .importCommit
        case .newProject: .projectNewPage
        case .project: .projectShowPage
        case .editProject: .projectEditPage
        case .transition: .projectTransition
        case .asset: .asset
        case .account: .accountPage
        case .password: .passwordPage
        case .signOutEverywhere: .signOutEverywhere
        case .adminUsers: .adminUsers
        case .newUser: .adminUserNew
        case .adminUser: .adminUserShow
        case .resetPassword: .adminUserResetPassword
        case .lockUser: .adminUserLock
        case .issueToken: .adminTokenIssue
        case .revokeToken: .adminTokenRevoke
        case .audit: .auditPage
        case .auditCSV: .auditCSV
        case .projectApprovals: .projectApprovalsPage
        case .approvalQueue: .approvalQueue
        case .approvalAnalytics: .approvalAnalytics
        case .approvalBatches: .approvalBatches
        case .approvalBatch: .approvalBatchShow
        case .approvalPlan: .projectApprovalPlan
        case .approvalAddItem: .projectApprovalAddItem
        case .approvalEvent: .approvalEvent
        case .addBatchProject: .approvalBatchAddProject
        case .calendarAdmin: .calendarAdmin
        case .approvalItemsAdmin: .approvalItemsAdmin
        case .approvalItem: .approvalItemUpdate
        case .adminPositions: .adminPositions
        case .adminPosition: .adminPositionShow
        case .reassignPosition: .adminPositionReassign
        case .projectReports: .projectReportsPage
        case .reportsBoard: .reportsBoard
        case .reviewReport: .reportReview
        case .reportsGrid: .reportsGrid
        case .stats: .statsPage
        case .targets: .targetsPage
        case .closeMonth: .reportsClose
        case .projectPlans: .projectPlanSave
        case .reportPhotos: .reportPhotoUpload
        case .attachment: .attachmentShow
        case .reopenMonth: .reportsReopen
        case .recordInclusion: .statsRecord
        case .apiProjects: .apiListProjects
        case .apiProject: .apiGetProject
        case .openAPI: .apiOpenAPI
        case .problems: .problemsPage
        case .problem: .problemShow
        case .raiseProblem: .projectProblemRaise
        case .manageProblem: .problemManage
        case .handleProblem: .problemHandle
        case .confirmProblem: .problemConfirm
        case .escalateProblems: .problemsEscalate
        case .raiseEnterpriseProblem: .enterpriseProblemRaise
        case .problemFile: .problemFileShow
        case .notifications: .notificationsPage
        case .markNotificationsRead: .notificationsRead
        case .adminWebhooks: .adminWebhooks
        case .supervision: .supervisionPage
        case .supervisedItem: .supervisionShow
        case .answerSupervision: .supervisionAnswer
        case .decideSupervision: .supervisionDecide
        case .supervisionLetter: .supervisionLetter
        case .meetings: .meetingsPage
        case .meeting: .meetingShow
        case .meetingMinutes: .meetingMinutes
        case .meetingMinutesDocx: .meetingMinutesDocx
        }
    }

    public var path: String {
        switch self {
        case .login(let next):
            guard let next, !next.isEmpty else { return "/login" }
            return "/login?" + Route.query([("next", next)])
        case .ledger(let query):
            let items = query.items
            return items.isEmpty ? "/projects" : "/projects?" + Route.query(items)
        case .ledgerCSV(let query), .ledgerXLSX(let query):
            let items = query.items.filter { $0.0 != "page" && $0.0 != "perPage" }
            return items.isEmpty ? endpoint.pattern : endpoint.pattern + "?" + Route.query(items)
        case .project(let id), .editProject(let id), .transition(let id), .apiProject(let id), .adminUser(let id), .resetPassword(let id),
             .lockUser(let id), .issueToken(let id), .revokeToken(let id), .projectApprovals(let id), .approvalBatch(let id), .approvalPlan(let id),
             .approvalAddItem(let id), .approvalEvent(let id), .addBatchProject(let id), .adminPosition(let id), .reassignPosition(let id):
            return endpoint.pattern.replacingOccurrences(of: ":id", with: String(id))
        case .projectReports(let id, let year):
            return endpoint.pattern.replacingOccurrences(of: ":id", with: String(id)) + (year.map { "?year=\($0)" } ?? "")
        case .targets(let unit, let month):
            let items = [("unit", unit ?? ""), ("month", month ?? "")].filter { !$0.1.isEmpty }
            return items.isEmpty ? endpoint.pattern : endpoint.pattern + "?" + Route.query(items)
        case .reportsBoard(let month), .reportsGrid(let month):
            return endpoint.pattern + (month.map { "?month=" + Route.encode($0) } ?? "")
        case .problems(let query):
            let items = query.items
            return items.isEmpty ? endpoint.pattern : endpoint.pattern + "?" + Route.query(items)
        case .supervision(let openOnly):
            return openOnly ? endpoint.pattern : endpoint.pattern + "?all=true"
        case .meeting(let id), .meetingMinutes(let id), .meetingMinutesDocx(let id), .problemFile(let id):
            return endpoint.pattern.replacingOccurrences(of: ":id", with: String(id))
        case .supervisedItem(let id), .answerSupervision(let id), .decideSupervision(let id), .supervisionLetter(let id):
            return endpoint.pattern.replacingOccurrences(of: ":id", with: String(id))
        case .problem(let id), .raiseProblem(let id), .manageProblem(let id), .handleProblem(let id), .confirmProblem(let id):
            return endpoint.pattern.replacingOccurrences(of: ":id", with: String(id))
        case .reviewReport(let id), .recordInclusion(let id), .projectPlans(let id), .reportPhotos(let id), .attachment(let id):
            return endpoint.pattern.replacingOccurrences(of: ":id", with: String(id))
        case .approvalItem(let code):
            return endpoint.pattern.replacingOccurrences(of: ":code", with: Route.encode(code))
        case .audit(let filter), .auditCSV(let filter), .approvalQueue(let filter):
            let items = filter.pairs.filter { !$0.1.isEmpty }
            return items.isEmpty ? endpoint.pattern : endpoint.pattern + "?" + Route.query(items)
        case .asset(let file):
            return "/assets/" + file
        default:
            return endpoint.pattern
        }
    }

    /// The path with more query items, joined with `?` or `&` as the route's own query needs.
    public func path(adding items: [(String, String)]) -> String {
        let base = path
        guard !items.isEmpty else { return base }
        return base + (base.contains("?") ? "&" : "?") + Route.query(items)
    }

    /// The path with a confirmation for the page to show (one of its fixed wordings).
    public func path(notice: String) -> String {
        path(adding: [("notice", notice)])
    }

    /// `application/x-www-form-urlencoded` encoding of query items.
    public static func query(_ items: [(String, String)]) -> String {
        items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
