import Foundation
import GroundbreakStore
import HTTPTypes

/// Every route the server answers, with its method, path pattern and what it needs.
/// Registration, the OpenAPI coverage test and the authorisation matrix all iterate this list,
/// so a route cannot exist without being registered, documented and covered.
public enum Endpoint: String, CaseIterable, Sendable {
    // System
    case healthz, metrics, asset
    // Sign-in
    case loginPage, loginSubmit, logout
    // Pages
    case home, ledgerPage, ledgerCSV, projectNewPage, projectCreate, projectShowPage, projectEditPage, projectUpdate, projectTransition
    // API
    case apiOpenAPI, apiListProjects, apiCreateProject, apiGetProject, apiUpdateProject, apiTransitionProject, apiProjectHistory, apiReference

    public enum Kind: Sendable {
        /// Machine endpoints with no session: health, metrics, static files.
        case system
        /// HTML pages and form posts.
        case page
        /// JSON under `/api/v1`.
        case api
    }

    public var method: HTTPRequest.Method {
        switch self {
        case .loginSubmit, .logout, .projectCreate, .projectUpdate, .projectTransition, .apiCreateProject, .apiTransitionProject: .post
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
        case .home: "/"
        case .ledgerPage, .projectCreate: "/projects"
        case .ledgerCSV: "/projects.csv"
        case .projectNewPage: "/projects/new"
        case .projectShowPage: "/projects/:id"
        case .projectEditPage, .projectUpdate: "/projects/:id/edit"
        case .projectTransition: "/projects/:id/transition"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiListProjects, .apiCreateProject: "/api/v1/projects"
        case .apiGetProject, .apiUpdateProject: "/api/v1/projects/:id"
        case .apiTransitionProject, .apiProjectHistory: "/api/v1/projects/:id/transitions"
        case .apiReference: "/api/v1/reference"
        }
    }

    public var kind: Kind {
        switch self {
        case .healthz, .metrics, .asset: .system
        case .apiOpenAPI, .apiListProjects, .apiCreateProject, .apiGetProject, .apiUpdateProject, .apiTransitionProject,
             .apiProjectHistory, .apiReference: .api
        default: .page
        }
    }

    /// What the caller must be allowed to do; `nil` for routes open to anyone.
    public var action: PolicyAction? {
        switch self {
        case .healthz, .metrics, .asset, .loginPage, .loginSubmit, .apiOpenAPI: nil
        case .logout, .home: .signedIn
        case .ledgerPage, .ledgerCSV, .projectShowPage, .apiListProjects, .apiGetProject, .apiProjectHistory: .viewProjects
        case .apiReference: .viewReference
        case .projectNewPage, .projectCreate, .apiCreateProject: .createProject
        case .projectEditPage, .projectUpdate, .apiUpdateProject: .editProject
        case .projectTransition, .apiTransitionProject: .transitionProject
        }
    }

    /// Whether the request changes state and therefore needs a CSRF proof when made with a session.
    public var isMutation: Bool {
        method != .get && method != .head
    }
}
