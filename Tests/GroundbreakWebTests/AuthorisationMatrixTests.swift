import Foundation
import GroundbreakDomain
import HTTPTypes
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HummingbirdTesting
import Testing

/// Every route × every role (and anonymous) × an object in and out of the caller's scope, each
/// with the exact answer the rules say it must get. The expectations are written out here, apart
/// from `Policy`, so a change to the rules shows up as a change to this table.
@Suite("Authorisation matrix")
struct AuthorisationMatrixTests {
    enum Caller: Hashable, CustomStringConvertible {
        case anonymous
        case role(Role)
        var description: String {
            switch self {
            case .anonymous: "anonymous"
            case .role(let role): role.rawValue
            }
        }
    }

    static let callers: [Caller] = [.anonymous] + Role.allCases.map { .role($0) }

    /// Who may see and change which of the two projects. A is in every scoped caller's scope
    /// (region 220104, lead 市工信局, secretary seat P1, sponsor seat P2, stage 项目招引); B is
    /// in nobody's but the city-wide roles' (region 220113, lead 市交通局).
    static let seesB: Set<Role> = [.admin, .center]
    static let changesA: Set<Role> = [.admin, .center, .region, .department, .secretary, .attraction]
    static let creates: Set<Role> = [.admin, .center, .region, .department, .attraction]
    static let createsAnywhere: Set<Role> = [.admin, .center]
    static let readsAudit: Set<Role> = [.admin, .center, .supervision]
    static let organisesBatches: Set<Role> = [.admin, .center]
    static let reviewsReports: Set<Role> = [.admin, .center]
    static let recordsStats: Set<Role> = [.admin, .center, .statistics]

    /// Routes asked about an object in scope and one out of it.
    static func scoped(_ endpoint: Endpoint) -> Bool {
        [.project, .approval, .report, .attachment].contains(endpoint.target) || endpoint == .projectCreate || endpoint == .apiCreateProject
    }

    enum Expected: Equatable, CustomStringConvertible {
        case status(HTTPResponse.Status)
        case toLogin
        var description: String {
            switch self {
            case .status(let status): "\(status.code)"
            case .toLogin: "303→/login"
            }
        }
    }

    /// The route's answer when the policy lets the caller through.
    static func success(_ endpoint: Endpoint) -> HTTPResponse.Status {
        switch endpoint {
        case .logout, .signOutEverywhere, .home, .projectCreate, .projectUpdate, .projectTransition, .adminUserUpdate, .adminUserLock, .adminTokenRevoke,
             .projectApprovalPlan, .projectApprovalAddItem, .approvalEvent, .approvalBatchCreate, .approvalBatchAddProject, .calendarImport,
             .approvalItemUpdate, .adminPositionCreate, .adminPositionReassign, .projectReportSubmit, .reportReview,
             .reportsGridSave, .reportsClose, .reportsReopen, .projectPlanSave, .targetSet, .reportPhotoUpload:
            .seeOther
        case .apiUploadPhoto:
            .created
        case .adminUserCreate, .adminTokenIssue, .apiCreateProject:
            .created
        case .passwordSubmit:
            .unprocessableContent // the matrix sends mismatching new passwords: the rule answers, not the policy
        case .statsRecord, .apiRecordInclusion:
            .unprocessableContent // neither project has started, so admission is refused on its merits once the policy lets it through
        case .loginSubmit:
            .unauthorized // a wrong password: open to anyone, refused on its merits
        default:
            .ok
        }
    }

    /// What `caller` must get from `endpoint` on the object in scope (`inScope`) or out of it.
    static func expected(_ endpoint: Endpoint, _ caller: Caller, inScope: Bool) -> Expected {
        guard let action = endpoint.action else {
            if endpoint == .loginPage, case .role = caller { return .status(.seeOther) }
            return .status(success(endpoint))
        }
        guard case .role(let role) = caller else {
            return endpoint.kind == .page && endpoint.method == .get ? .toLogin : .status(.unauthorized)
        }
        let ok = Expected.status(success(endpoint))
        switch action {
        case .signedIn, .viewReference:
            return ok
        case .viewAudit:
            return readsAudit.contains(role) ? ok : .status(.forbidden)
        case .administer:
            return role == .admin ? ok : .status(.forbidden)
        case .viewProjects, .viewApprovals:
            // No matrix caller sits in a department that approves B's items (市发改委, 自然资源局,
            // 住建局, 生态环境局); the approving department's reach is tested on its own.
            if [.project, .attachment].contains(endpoint.target) && !inScope && !seesB.contains(role) { return .status(.notFound) }
            return ok
        case .createProject:
            guard creates.contains(role) else { return .status(.forbidden) }
            if (endpoint == .projectCreate || endpoint == .apiCreateProject) && !inScope && !createsAnywhere.contains(role) {
                return .status(.forbidden)
            }
            return ok
        case .organiseApprovals:
            return organisesBatches.contains(role) ? ok : .status(.forbidden)
        case .setTargets:
            return reviewsReports.contains(role) ? ok : .status(.forbidden)
        case .recordStats:
            guard recordsStats.contains(role) else { return .status(.forbidden) }
            if !inScope && !seesB.contains(role) { return .status(.notFound) }
            return ok
        case .reviewReports:
            // Only the centre reviews, and it sees both projects.
            return reviewsReports.contains(role) ? ok : .status(.forbidden)
        case .editProject, .transitionProject, .handleApprovals:
            // A role without the grant is refused whatever the object, which discloses nothing.
            guard changesA.contains(role) else { return .status(.forbidden) }
            if !inScope && !seesB.contains(role) { return .status(.notFound) }
            return ok
        }
    }

    /// Objects the requests refer to.
    struct World: Sendable {
        var projectA: Int64
        var projectB: Int64
        var targetUser: Int64
        var token: Int64
        var secretarySeat: Int64
        var sponsorSeat: Int64
        /// The 企业投资项目备案 item (approved by 市发改委, a department no matrix caller sits in) of A and of B.
        var approvalA: Int64
        var approvalB: Int64
        var batch: Int64
        /// October's report of A and of B, sent by the project side.
        var reportA: Int64
        var reportB: Int64
        /// A site photo of A and of B.
        var photoA: Int64
        var photoB: Int64
    }

    static func makeWorld(_ fixture: WebFixture) async throws -> World {
        let positions = fixture.services.positions
        let secretary = try await positions.create(title: "项目秘书", unitName: "市工信局", duty: .secretary, holder: ("秘书甲", ""), since: webToday, actor: .system("test"))
        let sponsor = try await positions.create(title: "副市长", unitName: "市政府", duty: .sponsor, holder: ("领导乙", ""), since: webToday, actor: .system("test"))
        try await fixture.services.reloadCatalog()
        let catalog = fixture.services.catalog()
        func project(_ name: String, region: String, lead: String, seats: Bool) async throws -> Int64 {
            var input = ProjectInput()
            input.name = name
            input.regionCode = region
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "80000"
            input.ownerName = "某公司"
            input.leadDepartmentCode = lead
            if seats {
                input.secretaryPositionId = String(secretary)
                input.sponsorPositionId = String(sponsor)
            }
            return try await fixture.services.projects.create(
                input, stage: .attraction, allowed: .everything, actor: .system("test"), catalog: catalog, today: webToday, now: webNow
            ).id
        }
        let a = try await project("范围内项目甲", region: "220104", lead: "CC-GXJ", seats: true)
        let b = try await project("范围外项目乙", region: "220113", lead: "CC-JTJ", seats: false)
        let target = try await fixture.services.users.create(
            username: "target", settings: AccountSettings(displayName: "被管理用户", roles: [.viewer], unit: OrgUnit(kind: .region, code: "220104"), positionId: nil),
            passwordHash: try await Passwords.hash("Target#2026", cost: 4), mustChangePassword: false, actor: .system("test")
        )
        let token = try await fixture.services.tokens.issue(userId: target.id, name: "对接", actor: .system("test"))
        var filingItems: [Int64] = []
        for id in [a, b] {
            try await fixture.services.approvals.setPlan(projectId: id, type: .enterpriseFiling, targetStart: nil, catalog: fixture.services.approvalItems(),
                                                         actor: .system("test"), today: webToday, now: webNow)
            filingItems.append(try await fixture.services.approvals.approvals(projectId: id).first { $0.itemCode == "ENT-FILING" }!.id)
        }
        let batch = try await fixture.services.batches.create(name: "矩阵批次", heldOn: webToday, description: "", actor: .system("test"), now: webNow)
        try await fixture.services.batches.addProject(batchId: batch.id, projectId: a, actor: .system("test"), now: webNow)
        var reports: [Int64] = []
        for id in [a, b] {
            reports.append(try await Self.sendReport(fixture, project: id, month: Month(year: 2026, month: 10)!).id)
        }
        var photos: [Int64] = []
        for id in [a, b] {
            photos.append(try await fixture.services.attachments.addPhoto(projectId: id, month: Month(year: 2026, month: 10)!, name: "现场.png", bytes: tinyPNG,
                                                                          maxBytes: 1 << 20, actor: .system("test"), now: webNow).id)
        }
        return World(projectA: a, projectB: b, targetUser: target.id, token: token.record.id, secretarySeat: secretary, sponsorSeat: sponsor,
                     approvalA: filingItems[0], approvalB: filingItems[1], batch: batch.id, reportA: reports[0], reportB: reports[1],
                     photoA: photos[0], photoB: photos[1])
    }

    /// Sends (or sends again) a project's report for `month` as the project side would.
    @discardableResult
    static func sendReport(_ fixture: WebFixture, project: Int64, month: Month) async throws -> MonthlyReport {
        let existing = try await fixture.services.reports.reports(projectId: project).first { $0.month == month }
        return try await fixture.services.reports.submit(
            project: try await fixture.services.projects.project(id: project)!, month: month, figures: MonthlyFigures(dispatch: .wan(1200)),
            expectedVersion: existing?.version, rules: fixture.services.reportRules, actor: .system("test"), today: webToday, now: webNow)
    }

    static func caller(_ fixture: WebFixture, _ role: Role, world: World) async throws -> WebFixture {
        switch role {
        case .admin, .center: try await fixture.signedIn(as: "role-" + role.rawValue, roles: [role], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
        case .department: try await fixture.signedIn(as: "dept", roles: [role], unit: OrgUnit(kind: .department, code: "CC-GXJ"))
        case .secretary: try await fixture.signedIn(as: "secretary", roles: [role], positionId: world.secretarySeat)
        case .sponsor: try await fixture.signedIn(as: "sponsor", roles: [role], positionId: world.sponsorSeat)
        case .region, .attraction, .supervision, .statistics, .viewer:
            try await fixture.signedIn(as: "role-" + role.rawValue, roles: [role], unit: OrgUnit(kind: .region, code: "220104"))
        }
    }

    /// Sends the request for one cell of the matrix.
    static func send(
        _ endpoint: Endpoint, inScope: Bool, as fixture: WebFixture, signedIn: Bool, world: World, client: any TestClientProtocol, serial: Int
    ) async throws -> TestResponse {
        let project = inScope ? world.projectA : world.projectB
        func path(_ route: Route) -> String { route.path }
        func current() async throws -> Project? { try await fixture.services.projects.project(id: project) }
        switch endpoint {
        case .loginSubmit:
            let page = try await client.send(.get, "/login", as: fixture, signedIn: false)
            let token = String(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 ?? "")
            let cookie = String(page.headers[.setCookie]?.firstMatch(of: /gb_login_csrf=([^;]+)/)?.1 ?? "")
            return try await client.send(.post, "/login", as: fixture, signedIn: false,
                                         form: [("_csrf", token), ("username", "target"), ("password", "wrong")], csrf: false,
                                         headers: [.cookie: "gb_login_csrf=\(cookie)"])
        case .asset:
            return try await client.send(.get, "/assets/app.css", as: fixture, signedIn: signedIn)
        case .passwordSubmit:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                         form: [("current", "Passw0rd!"), ("new", "Another#2026"), ("confirm", "Different#2026")])
        case .projectCreate, .apiCreateProject:
            let region = inScope ? "220104" : "220113", lead = inScope ? "CC-GXJ" : "CC-JTJ"
            if endpoint == .apiCreateProject {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: """
                    {"name":"矩阵新建\(serial)","regionCode":"\(region)","categoryCode":"IND-MFG","investmentType":"enterprise",
                     "totalInvestment":600000000,"leadDepartmentCode":"\(lead)","stage":"reserve"}
                    """)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("name", "矩阵新建\(serial)"), ("regionCode", region), ("categoryCode", "IND-MFG"), ("investmentType", "enterprise"),
                ("totalInvestment", "60000"), ("leadDepartmentCode", lead), ("stage", "reserve"),
            ])
        case .projectUpdate, .apiUpdateProject:
            let version = try await current()?.version ?? 1
            if endpoint == .apiUpdateProject {
                return try await client.send(.patch, path(.apiProject(project)), as: fixture, signedIn: signedIn, json: #"{"version":\#(version)}"#)
            }
            let fields = try await current()!.fields
            let input = ProjectInput(fields: fields)
            var form: [(String, String)] = [
                ("version", String(version)), ("name", input.name), ("regionCode", input.regionCode), ("categoryCode", input.categoryCode),
                ("investmentType", input.investmentType), ("totalInvestment", input.totalInvestmentWan), ("ownerName", input.ownerName),
                ("leadDepartmentCode", input.leadDepartmentCode), ("sponsorPositionId", input.sponsorPositionId),
                ("secretaryPositionId", input.secretaryPositionId),
            ]
            form.removeAll { $0.1.isEmpty }
            return try await client.send(.post, path(.editProject(project)), as: fixture, signedIn: signedIn, form: form)
        case .projectTransition, .apiTransitionProject:
            let now = try await current()
            let target = now?.stage == .attraction ? "reserve" : "attraction"
            let version = now?.version ?? 1
            if endpoint == .apiTransitionProject {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"target":"\#(target)","version":\#(version)}"#)
            }
            return try await client.send(.post, path(.transition(project)), as: fixture, signedIn: signedIn,
                                         form: [("target", target), ("version", String(version))])
        case .adminUserCreate:
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("username", "new\(serial)"), ("displayName", "新用户"), ("roles", "viewer"), ("unit", "region:220104"),
            ])
        case .adminUserUpdate:
            return try await client.send(.post, path(.adminUser(world.targetUser)), as: fixture, signedIn: signedIn,
                                         form: [("displayName", "被管理用户"), ("roles", "viewer"), ("unit", "region:220104")])
        case .adminUserLock:
            return try await client.send(.post, path(.lockUser(world.targetUser)), as: fixture, signedIn: signedIn, form: [("action", "unlock")])
        case .adminTokenIssue:
            return try await client.send(.post, path(.issueToken(world.targetUser)), as: fixture, signedIn: signedIn, form: [("name", "令牌\(serial)")])
        case .projectApprovalPlan, .apiApprovalPlan:
            if endpoint == .apiApprovalPlan {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"approvalType":"enterpriseFiling","targetStart":"2027-06-30"}"#)
            }
            return try await client.send(.post, path(.approvalPlan(project)), as: fixture, signedIn: signedIn,
                                         form: [("approvalType", "enterpriseFiling"), ("targetStart", "2027-06-30")])
        case .projectApprovalAddItem:
            return try await client.send(.post, path(.approvalAddItem(project)), as: fixture, signedIn: signedIn, form: [("itemCode", "ENERGY")])
        case .approvalEvent, .apiApprovalEvent:
            let approval = inScope ? world.approvalA : world.approvalB
            let version = try await fixture.services.approvals.approval(id: approval)?.version ?? 1
            if endpoint == .apiApprovalEvent {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(approval)), as: fixture, signedIn: signedIn,
                                             json: #"{"kind":"correct","reason":"矩阵核对","version":\#(version)}"#)
            }
            return try await client.send(.post, path(.approvalEvent(approval)), as: fixture, signedIn: signedIn,
                                         form: [("kind", "correct"), ("reason", "矩阵核对"), ("version", String(version))])
        case .approvalBatchCreate:
            return try await client.send(.post, path(.approvalBatches), as: fixture, signedIn: signedIn,
                                         form: [("name", "批次\(serial)"), ("heldOn", "2027-03-15")])
        case .approvalBatchAddProject:
            return try await client.send(.post, path(.addBatchProject(world.batch)), as: fixture, signedIn: signedIn,
                                         form: [("projectId", String(world.projectA))])
        case .calendarImport:
            return try await client.send(.post, path(.calendarAdmin), as: fixture, signedIn: signedIn, form: [
                ("year", "2027"), ("source", "矩阵测试安排"), ("csv", "date,kind,festival,statutory\n2027-01-01,holiday,元旦,1\n"),
            ])
        case .approvalItemUpdate:
            return try await client.send(.post, path(.approvalItem("ENERGY")), as: fixture, signedIn: signedIn,
                                         form: [("limit", "20"), ("unit", "workingDays")])
        case .adminPositionCreate:
            return try await client.send(.post, path(.adminPositions), as: fixture, signedIn: signedIn,
                                         form: [("title", "矩阵职务\(serial)"), ("unitName", "市政府"), ("duty", "secretary")])
        case .adminPositionReassign:
            return try await client.send(.post, path(.reassignPosition(world.secretarySeat)), as: fixture, signedIn: signedIn,
                                         form: [("holderName", "接任者\(serial)"), ("since", webToday.adding(days: serial).iso)])
        case .projectReportSubmit, .apiSubmitReport:
            let september = Month(year: 2026, month: 9)!
            let version = try await fixture.services.reports.reports(projectId: project).first { $0.month == september }?.version
            if endpoint == .apiSubmitReport {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"month":"2026-09","dispatch":5000000,"version":\#(version.map(String.init) ?? "null")}"#)
            }
            return try await client.send(.post, path(.projectReports(project, year: nil)), as: fixture, signedIn: signedIn,
                                         form: [("month", "2026-09"), ("dispatchWan", "500"), ("version", version.map(String.init) ?? "")])
        case .reportReview, .apiReviewReport:
            let reportId = inScope ? world.reportA : world.reportB
            // Each cell reviews a report just sent, so an earlier cell's decision does not stand in the way.
            let report = try await fixture.services.reports.report(id: reportId)!
            let current = report.status == .submitted ? report : try await Self.sendReport(fixture, project: report.projectId, month: report.month)
            if endpoint == .apiReviewReport {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(reportId)), as: fixture, signedIn: signedIn,
                                             json: #"{"decision":"return","comment":"请补充","version":\#(current.version)}"#)
            }
            return try await client.send(.post, path(.reviewReport(reportId)), as: fixture, signedIn: signedIn,
                                         form: [("decision", "return"), ("reviewComment", "请补充"), ("version", String(current.version))])
        case .reportPhotoUpload:
            return try await client.sendMultipart(path(.reportPhotos(project)), as: fixture, signedIn: signedIn, fields: [("month", "2026-10")],
                                                  file: ("photo", "工地.png", tinyPNG))
        case .apiUploadPhoto:
            return try await client.sendImage(endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)) + "?month=2026-10&name=a.png",
                                              as: fixture, signedIn: signedIn, bytes: tinyPNG)
        case .attachmentShow:
            return try await client.send(.get, path(.attachment(inScope ? world.photoA : world.photoB)), as: fixture, signedIn: signedIn)
        case .targetSet, .apiSetTarget:
            if endpoint == .apiSetTarget {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn,
                                             json: #"{"unit":"region:220104","year":2026,"indicator":"FAI_TOTAL","value":1000000000,"curve":"northern"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [
                ("unit", "region:220104"), ("year", "2026"), ("indicator", "FAI_TOTAL"), ("value", "100000"), ("curve", "northern"),
            ])
        case .projectPlanSave, .apiSaveProjectPlan:
            let version = try await AnnualPlanRepository(database: fixture.services.database).plans(projectId: project).first { $0.year == 2027 }?.version
            if endpoint == .apiSaveProjectPlan {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"year":2027,"plannedInvestment":100000000,"nature":"newStart","version":\#(version.map(String.init) ?? "null")}"#)
            }
            return try await client.send(.post, path(.projectPlans(project)), as: fixture, signedIn: signedIn, form: [
                ("year", "2027"), ("plannedInvestmentWan", "10000"), ("nature", "newStart"), ("version", version.map(String.init) ?? ""),
            ])
        case .reportsClose, .reportsReopen, .apiCloseMonth, .apiReopenMonth:
            // The page closes and re-opens August, the API July, so each cell finds the month as it needs it.
            if endpoint.kind == .api {
                return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, json: #"{"month":"2026-07","reason":"矩阵"}"#)
            }
            return try await client.send(.post, endpoint.pattern, as: fixture, signedIn: signedIn, form: [("month", "2026-08"), ("reason", "矩阵")])
        case .statsRecord, .apiRecordInclusion:
            if endpoint == .apiRecordInclusion {
                return try await client.send(.post, endpoint.pattern.replacingOccurrences(of: ":id", with: String(project)), as: fixture, signedIn: signedIn,
                                             json: #"{"admittedOn":"2026-11-20"}"#)
            }
            return try await client.send(.post, path(.recordInclusion(project)), as: fixture, signedIn: signedIn, form: [("admittedOn", "2026-11-20")])
        case .apiWorkingDays:
            return try await client.send(.get, endpoint.pattern + "?from=2025-01-20&add=51", as: fixture, signedIn: signedIn)
        default:
            let concrete = endpoint.pattern.replacingOccurrences(of: ":id", with: String(
                endpoint.target == .user ? world.targetUser : endpoint.target == .token ? world.token : endpoint.target == .batch ? world.batch
                    : endpoint.target == .position ? world.secretarySeat : project))
            if endpoint.method == .get {
                return try await client.send(.get, concrete, as: fixture, signedIn: signedIn)
            }
            return try await client.send(endpoint.method, concrete, as: fixture, signedIn: signedIn,
                                         json: endpoint.kind == .api ? "{}" : nil, form: endpoint.kind == .api ? nil : [])
        }
    }

    /// Routes that end the caller's session go last.
    static var orderedEndpoints: [Endpoint] {
        let last: [Endpoint] = [.logout, .signOutEverywhere]
        return Endpoint.allCases.filter { !last.contains($0) } + last
    }

    @Test("every route is in the matrix")
    func complete() {
        #expect(Set(Self.orderedEndpoints) == Set(Endpoint.allCases))
        #expect(Self.orderedEndpoints.count == Endpoint.allCases.count)
    }

    @Test("each caller gets exactly the answer the rules give", arguments: callers)
    func matrix(caller: Caller) async throws {
        try await withWeb { base, client in
            let world = try await Self.makeWorld(base)
            var fixture = base
            if case .role(let role) = caller { fixture = try await Self.caller(base, role, world: world) }
            let signedIn = caller != .anonymous
            var cells = 0
            var serial = 0
            for endpoint in Self.orderedEndpoints {
                let variants: [Bool] = Self.scoped(endpoint) ? [true, false] : [true]
                for inScope in variants {
                    serial += 1
                    let response = try await Self.send(endpoint, inScope: inScope, as: fixture, signedIn: signedIn, world: world, client: client, serial: serial)
                    let want = Self.expected(endpoint, caller, inScope: inScope)
                    let got: Expected = response.status == .seeOther && (response.location ?? "").hasPrefix("/login?next=") && endpoint != .logout
                        ? .toLogin : .status(response.status)
                    #expect(got == want, "\(caller) \(endpoint.method.rawValue) \(endpoint.pattern) \(inScope ? "in" : "out") → \(got), want \(want): \(response.text.prefix(200))")
                    cells += 1
                    if [.logout, .signOutEverywhere].contains(endpoint), signedIn {
                        fixture = try await fixture.newSession()
                    }
                    // Lists must not show what is out of scope.
                    if [.ledgerPage, .apiListProjects, .ledgerCSV].contains(endpoint), case .role(let role) = caller {
                        #expect(response.text.contains("范围内项目甲"), "\(caller) \(endpoint) lists its project")
                        #expect(response.text.contains("范围外项目乙") == Self.seesB.contains(role), "\(caller) \(endpoint) scope filter")
                    }
                }
            }
            #expect(cells == Self.cellsPerCaller)
        }
    }

    static var cellsPerCaller: Int {
        Endpoint.allCases.reduce(0) { $0 + (scoped($1) ? 2 : 1) }
    }
}
