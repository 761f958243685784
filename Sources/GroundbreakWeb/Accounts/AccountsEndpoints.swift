import GroundbreakDomain

/// Sign-in, one's own account, user and seat administration, and the audit trail.
enum AccountsEndpoints: String, EndpointSet {
    case loginPage, loginSubmit, logout, accountPage, passwordPage, passwordSubmit, signOutEverywhere, adminUsers, adminUserNew
    case adminUserCreate, adminUserShow, adminUserUpdate, adminUserResetPassword, adminUserLock, adminTokenIssue, adminTokenRevoke
    case adminPositions, adminPositionCreate, adminPositionShow, adminPositionReassign, auditPage, auditCSV, apiAudit, apiMe

    static let navigation = [
        NavigationEntry(.audit, order: 90, label: WebText.Nav.audit, route: .audit(FormData(pairs: [])), requires: .viewAudit),
        NavigationEntry(.admin, order: 100, label: WebText.Nav.admin, route: .adminUsers, requires: .administer),
    ]

    static let feature = "accounts"

    var declaration: EndpointDeclaration {
        switch self {
        case .loginPage: .get("/login", nil, AuthPages.loginPage)
        case .loginSubmit: .post("/login", nil, signInForm: true, AuthPages.loginSubmit)
        case .logout: .post("/logout", .signedIn, beforePasswordChange: true, AuthPages.logout)
        case .accountPage: .get("/account", .signedIn, AccountPages.account)
        case .passwordPage: .get("/account/password", .signedIn, beforePasswordChange: true, AccountPages.passwordPage)
        case .passwordSubmit: .post("/account/password", .signedIn, beforePasswordChange: true, AccountPages.passwordSubmit)
        case .signOutEverywhere: .post("/account/sign-out-everywhere", .signedIn, AccountPages.signOutEverywhere)
        case .adminUsers: .get("/admin/users", .administer, AdminPages.users)
        case .adminUserNew: .get("/admin/users/new", .administer, AdminPages.newUser)
        case .adminUserCreate: .post("/admin/users", .administer, AdminPages.createUser)
        case .adminUserShow: .get("/admin/users/:id", .administer, on: .user, AdminPages.showUser)
        case .adminUserUpdate: .post("/admin/users/:id", .administer, on: .user, AdminPages.updateUser)
        case .adminUserResetPassword: .post("/admin/users/:id/reset-password", .administer, on: .user, AdminPages.resetPassword)
        case .adminUserLock: .post("/admin/users/:id/lock", .administer, on: .user, AdminPages.lockUser)
        case .adminTokenIssue: .post("/admin/users/:id/tokens", .administer, on: .user, AdminPages.issueToken)
        case .adminTokenRevoke: .post("/admin/tokens/:id/revoke", .administer, on: .token, AdminPages.revokeToken)
        case .adminPositions: .get("/admin/positions", .administer, PositionPages.list)
        case .adminPositionCreate: .post("/admin/positions", .administer, PositionPages.create)
        case .adminPositionShow: .get("/admin/positions/:id", .administer, on: .position, PositionPages.show)
        case .adminPositionReassign: .post("/admin/positions/:id/holder", .administer, on: .position, PositionPages.reassign)
        case .auditPage: .get("/audit", .viewAudit, AuditPages.page)
        case .auditCSV: .get("/audit.csv", .viewAudit, AuditPages.csv)
        case .apiAudit: .get("/api/v1/audit", .viewAudit, AuditPages.api)
        case .apiMe: .get("/api/v1/me", .signedIn, MeAPI.me)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = AccountsEndpoints

    static func login(next: String?) -> Route { Route(E.loginPage, query: [("next", next ?? "")].filter { !$0.1.isEmpty }) }
    static var logout: Route { Route(E.logout) }
    static var account: Route { Route(E.accountPage) }
    static var password: Route { Route(E.passwordPage) }
    static var signOutEverywhere: Route { Route(E.signOutEverywhere) }
    static var adminUsers: Route { Route(E.adminUsers) }
    static var newUser: Route { Route(E.adminUserNew) }
    static func adminUser(_ id: Int64) -> Route { Route(E.adminUserShow, id: id) }
    static func resetPassword(_ id: Int64) -> Route { Route(E.adminUserResetPassword, id: id) }
    static func lockUser(_ id: Int64) -> Route { Route(E.adminUserLock, id: id) }
    static func issueToken(_ id: Int64) -> Route { Route(E.adminTokenIssue, id: id) }
    static func revokeToken(_ id: Int64) -> Route { Route(E.adminTokenRevoke, id: id) }
    static func audit(_ filter: FormData) -> Route { Route(E.auditPage, query: filter.pairs.filter { !$0.1.isEmpty }) }
    static func auditCSV(_ filter: FormData) -> Route { Route(E.auditCSV, query: filter.pairs.filter { !$0.1.isEmpty }) }
    static var adminPositions: Route { Route(E.adminPositions) }
    static func adminPosition(_ id: Int64) -> Route { Route(E.adminPositionShow, id: id) }
    static func reassignPosition(_ id: Int64) -> Route { Route(E.adminPositionReassign, id: id) }
}

extension NavItem {
    static let audit = NavItem("audit")
    static let admin = NavItem("admin")
    static let account = NavItem("account")
}
