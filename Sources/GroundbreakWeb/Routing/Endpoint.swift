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
    // API
    case apiOpenAPI, apiMe, apiListProjects, apiCreateProject, apiGetProject, apiUpdateProject, apiTransitionProject
    case apiProjectHistory, apiReference, apiAudit

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
        case none, project, user, token
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .loginSubmit, .logout, .passwordSubmit, .signOutEverywhere, .projectCreate, .projectUpdate, .projectTransition,
             .adminUserCreate, .adminUserUpdate, .adminUserResetPassword, .adminUserLock, .adminTokenIssue, .adminTokenRevoke,
             .apiCreateProject, .apiTransitionProject:
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
        }
    }

    public var kind: Kind {
        switch self {
        case .healthz, .metrics, .asset: .system
        case .apiOpenAPI, .apiMe, .apiListProjects, .apiCreateProject, .apiGetProject, .apiUpdateProject, .apiTransitionProject,
             .apiProjectHistory, .apiReference, .apiAudit: .api
        default: .page
        }
    }

    public var target: Target {
        switch self {
        case .projectShowPage, .projectEditPage, .projectUpdate, .projectTransition, .apiGetProject, .apiUpdateProject,
             .apiTransitionProject, .apiProjectHistory: .project
        case .adminUserShow, .adminUserUpdate, .adminUserResetPassword, .adminUserLock, .adminTokenIssue: .user
        case .adminTokenRevoke: .token
        default: .none
        }
    }

    /// What the caller must be allowed to do; `nil` for routes open to anyone.
    public var action: PolicyAction? {
        switch self {
        case .healthz, .metrics, .asset, .loginPage, .loginSubmit, .apiOpenAPI: nil
        case .logout, .home, .accountPage, .passwordPage, .passwordSubmit, .signOutEverywhere, .apiMe: .signedIn
        case .ledgerPage, .ledgerCSV, .projectShowPage, .apiListProjects, .apiGetProject, .apiProjectHistory: .viewProjects
        case .apiReference: .viewReference
        case .projectNewPage, .projectCreate, .apiCreateProject: .createProject
        case .projectEditPage, .projectUpdate, .apiUpdateProject: .editProject
        case .projectTransition, .apiTransitionProject: .transitionProject
        case .adminUsers, .adminUserNew, .adminUserCreate, .adminUserShow, .adminUserUpdate, .adminUserResetPassword, .adminUserLock,
             .adminTokenIssue, .adminTokenRevoke: .administer
        case .auditPage, .auditCSV, .apiAudit: .viewAudit
        }
    }

    /// Routes a user who must change the password may still use.
    public var allowedBeforePasswordChange: Bool {
        action == nil || [.logout, .passwordPage, .passwordSubmit].contains(self)
    }

    /// Whether the request changes state and therefore needs a CSRF proof when made with a session.
    public var isMutation: Bool {
        method != .get && method != .head
    }
}
