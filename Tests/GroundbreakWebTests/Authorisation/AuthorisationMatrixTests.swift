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
    static let managesProblems: Set<Role> = [.admin, .center]
    static let handlesProblemA: Set<Role> = [.admin, .center, .department]
    static let supervises: Set<Role> = [.admin, .center, .supervision]
    static let writesBulletins: Set<Role> = [.admin, .center, .supervision]

    /// Routes asked about an object in scope and one out of it.
    static func scoped(_ endpoint: Endpoint) -> Bool {
        scopedTargets.contains(endpoint.target) || endpoint == ProjectsEndpoints.projectCreate || endpoint == ProjectsEndpoints.apiCreateProject
    }

    /// The objects the world has one of in scope and one out of scope.
    static let scopedTargets: Set<ObjectTarget> = [.project, .approval, .report, .problem, .supervisedItem, .meeting, .file, .bulletin, .taskForce, .workingGroup,
                                                   .lead, .fundingApplication]
    /// The objects every caller reaches alike (administrators' and the centre's own records).
    static let unscopedTargets: Set<ObjectTarget> = [.scheme, .schemeClass, .none, .user, .token, .batch, .position, .campaign]

    /// Routes that end the caller's session: asked last.
    static func isLast(_ endpoint: Endpoint) -> Bool {
        endpoint == AccountsEndpoints.logout || endpoint == AccountsEndpoints.signOutEverywhere
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

    /// The route's answer when the policy lets the caller through: one exhaustive table per
    /// feature, in the feature's own test folder (`ProblemsMatrixAnswers.swift` …). A new route
    /// does not compile until its answer is written, and a new feature fails `complete` until
    /// its table is listed here.
    static let successTables: [String: @Sendable (Endpoint) -> HTTPResponse.Status?] = [
        AccountsEndpoints.feature: { AccountsEndpoints($0).map(success) },
        ProjectsEndpoints.feature: { ProjectsEndpoints($0).map(success) },
        HomeEndpoints.feature: { HomeEndpoints($0).map(success) },
        ScreenEndpoints.feature: { ScreenEndpoints($0).map(success) },
        StatisticsEndpoints.feature: { StatisticsEndpoints($0).map(success) },
        SchemesEndpoints.feature: { SchemesEndpoints($0).map(success) },
        WarningsEndpoints.feature: { WarningsEndpoints($0).map(success) },
        AssessmentEndpoints.feature: { AssessmentEndpoints($0).map(success) },
        BulletinsEndpoints.feature: { BulletinsEndpoints($0).map(success) },
        TaskForcesEndpoints.feature: { TaskForcesEndpoints($0).map(success) },
        LeadsEndpoints.feature: { LeadsEndpoints($0).map(success) },
        FundingEndpoints.feature: { FundingEndpoints($0).map(success) },
        ReadinessEndpoints.feature: { ReadinessEndpoints($0).map(success) },
        CampaignsEndpoints.feature: { CampaignsEndpoints($0).map(success) },
        ReserveEndpoints.feature: { ReserveEndpoints($0).map(success) },
        PortfolioEndpoints.feature: { PortfolioEndpoints($0).map(success) },
        ApprovalsEndpoints.feature: { ApprovalsEndpoints($0).map(success) },
        MonthlyEndpoints.feature: { MonthlyEndpoints($0).map(success) },
        ProblemsEndpoints.feature: { ProblemsEndpoints($0).map(success) },
        FilesEndpoints.feature: { FilesEndpoints($0).map(success) },
        NotificationsEndpoints.feature: { NotificationsEndpoints($0).map(success) },
        SupervisionEndpoints.feature: { SupervisionEndpoints($0).map(success) },
        MeetingsEndpoints.feature: { MeetingsEndpoints($0).map(success) },
        ImportsEndpoints.feature: { ImportsEndpoints($0).map(success) },
        SystemEndpoints.feature: { SystemEndpoints($0).map(success) },
        ReferenceEndpoints.feature: { ReferenceEndpoints($0).map(success) },
    ]

    static func success(_ endpoint: Endpoint) -> HTTPResponse.Status {
        successTables[endpoint.feature]?(endpoint) ?? .notImplemented
    }

    /// What a 422 cell must say: the rule that refused the request on its merits, so the cell
    /// proves the policy let the caller through to the rule rather than failing for any reason.
    static func refusal(_ endpoint: Endpoint) -> String? {
        switch endpoint {
        case AccountsEndpoints.passwordSubmit.endpoint: "两次输入的新密码不一致"
        case ImportsEndpoints.importCommit.endpoint: "找不到预览过的文件"
        case MonthlyEndpoints.statsRecord.endpoint, MonthlyEndpoints.apiRecordInclusion.endpoint: "未开工的项目不能入库"
        case MeetingsEndpoints.meetingMinutes.endpoint, MeetingsEndpoints.apiMeetingMinutes.endpoint: "请填写会议纪要"
        case ProblemsEndpoints.problemRaiseFind.endpoint: "请填写项目"
        case SupervisionEndpoints.supervisionDecide.endpoint, SupervisionEndpoints.apiSupervisionDecide.endpoint: "不能“核销销号”"
        case ProblemsEndpoints.problemConfirm.endpoint, ProblemsEndpoints.apiProblemConfirm.endpoint: "不能“确认销号”"
        case BulletinsEndpoints.bulletinSave.endpoint, BulletinsEndpoints.bulletinRegenerate.endpoint, BulletinsEndpoints.bulletinIssue.endpoint,
             BulletinsEndpoints.bulletinDiscard.endpoint, BulletinsEndpoints.apiBulletinEdit.endpoint, BulletinsEndpoints.apiBulletinRegenerate.endpoint,
             BulletinsEndpoints.apiBulletinIssue.endpoint, BulletinsEndpoints.apiBulletinDiscard.endpoint, TaskForcesEndpoints.groupProjects.endpoint,
             TaskForcesEndpoints.apiGroupProjects.endpoint, TaskForcesEndpoints.groupCreate.endpoint: "版本号"
        default: nil
        }
    }

    /// What `caller` must get from `endpoint` on the object in scope (`inScope`) or out of it.
    static func expected(_ endpoint: Endpoint, _ caller: Caller, inScope: Bool) -> Expected {
        guard let action = endpoint.action else {
            if endpoint == AccountsEndpoints.loginPage, case .role = caller { return .status(.seeOther) }
            return .status(success(endpoint))
        }
        guard case .role(let role) = caller else {
            return endpoint.kind == .page && endpoint.method == .get ? .toLogin : .status(.unauthorized)
        }
        let ok = Expected.status(success(endpoint))
        switch action {
        case .signedIn, .viewReference:
            // A stored file is read by whoever may read its owner: A's site photo by everyone, B's evidence by those who see B.
            if endpoint.target == .file && !inScope && !seesB.contains(role) { return .status(.notFound) }
            return ok
        case .viewAudit:
            return readsAudit.contains(role) ? ok : .status(.forbidden)
        case .administer:
            return role == .admin ? ok : .status(.forbidden)
        case .viewProjects, .viewApprovals:
            // No matrix caller sits in a department that approves B's items (市发改委, 自然资源局,
            // 住建局, 生态环境局); the approving department's reach is tested on its own.
            if endpoint.target == .project && !inScope && !seesB.contains(role) { return .status(.notFound) }
            // A task force is read where the reach covers its unit (A's is 朝阳区's, B's 九台区's), and by the seats leading it
            // (the sponsor's seat leads a group of A's).
            if [.taskForce, .workingGroup].contains(endpoint.target) {
                let covers: Set<Role> = [.admin, .center, .region, .attraction, .supervision, .statistics, .viewer]
                return (inScope ? covers.union([.sponsor]) : seesB).contains(role) ? ok : .status(.notFound)
            }
            // Targets are read per unit, and only for a unit all of whose projects the caller sees;
            // a secretary or a sponsor follows seats, not a unit (the page tells them so).
            let unitFigures = endpoint == MonthlyEndpoints.apiTargets || endpoint == MonthlyEndpoints.targetsXLSX
            if unitFigures && [.secretary, .sponsor].contains(role) { return .status(.forbidden) }
            // The statistics paragraph is a region's (its year lists): a department, a secretary or
            // a sponsor reaches no whole region.
            let regionFigures = endpoint == StatisticsEndpoints.apiStatistics || endpoint == StatisticsEndpoints.statisticsDocx
                || endpoint == StatisticsEndpoints.progressXLSX
            if regionFigures && [.secretary, .sponsor, .department].contains(role) { return .status(.forbidden) }
            return ok
        case .createProject:
            guard creates.contains(role) else { return .status(.forbidden) }
            if (endpoint == ProjectsEndpoints.projectCreate || endpoint == ProjectsEndpoints.apiCreateProject) && !inScope && !createsAnywhere.contains(role) {
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
        case .viewProblems:
            if endpoint.target == .problem && !inScope && !seesB.contains(role) { return .status(.notFound) }
            return ok
        case .manageProblems:
            return managesProblems.contains(role) ? ok : .status(.forbidden)
        case .handleProblem, .confirmProblem:
            // A's problem is owned by 市工信局 and was raised by no matrix caller; B's by 市交通局.
            if !inScope && !seesB.contains(role) { return .status(.notFound) }
            return (action == .handleProblem ? handlesProblemA : managesProblems).contains(role) ? ok : .status(.forbidden)
        case .superviseItems:
            return supervises.contains(role) ? ok : .status(.forbidden)
        case .viewMeetings:
            // Meetings are the city's; whoever may read them reads every one.
            return [.admin, .center, .supervision, .department, .region, .sponsor].contains(role) ? ok : .status(.forbidden)
        case .raiseEnterpriseProblem:
            // The centre anywhere; region staff in their own region (the matrix asks for 朝阳区, the region caller's).
            return [.admin, .center, .region].contains(role) ? ok : .status(.forbidden)
        case .runMeetings, .manageSchemes, .manageWarnings:
            return managesProblems.contains(role) ? ok : .status(.forbidden)
        case .viewRanking:
            // The cross-unit table goes to every unit and leader; a secretary's or attraction officer's work is single projects.
            if [.secretary, .attraction].contains(role) { return .status(.forbidden) }
            // A task force's group ranking is there for whoever reads the task force (as above).
            if endpoint.target == .taskForce {
                let covers: Set<Role> = [.admin, .center, .region, .supervision, .statistics, .viewer]
                return (inScope ? covers.union([.sponsor]) : seesB).contains(role) ? ok : .status(.notFound)
            }
            // The out-of-scope bulletin is a draft: there only for those who write bulletins.
            if endpoint.target == .bulletin && !inScope && !writesBulletins.contains(role) { return .status(.notFound) }
            return ok
        case .manageBulletins:
            return writesBulletins.contains(role) ? ok : .status(.forbidden)
        case .manageTaskForces:
            return managesProblems.contains(role) ? ok : .status(.forbidden)
        case .viewLeads:
            // Attraction and 县区 staff read their unit's leads (A is 朝阳区's), a leader those they answer for (A's 分管领导 is
            // the sponsor's seat), the centre and administrators every unit's.
            guard [.admin, .center, .attraction, .region, .sponsor].contains(role) else { return .status(.forbidden) }
            if endpoint.target == .lead && !inScope && !seesB.contains(role) { return .status(.notFound) }
            // A task force's lead dispatch is there for whoever reads leads and the task force (as above).
            if endpoint.target == .taskForce {
                let covers: Set<Role> = [.admin, .center, .region, .attraction]
                return (inScope ? covers.union([.sponsor]) : seesB.intersection(covers)).contains(role) ? ok : .status(.notFound)
            }
            return ok
        case .manageLeads:
            // Attraction staff work their unit's leads; administrators any.
            guard [.admin, .attraction].contains(role) else { return .status(.forbidden) }
            if endpoint.target == .lead && !inScope && role != .admin { return .status(.notFound) }
            return ok
        case .viewFunding, .manageFunding:
            // 县区 staff keep their unit's applications (A is 朝阳区's); the centre and administrators every one; leaders and the
            // offices that read the ranking read every one; the department caller (市工信局) applies for itself and collects no
            // channel, so it reaches neither A nor B.
            let reads: Set<Role> = [.admin, .center, .region, .department, .supervision, .statistics, .sponsor, .viewer]
            let keeps: Set<Role> = [.admin, .center, .region, .department]
            guard (action == .viewFunding ? reads : keeps).contains(role) else { return .status(.forbidden) }
            guard endpoint.target == .fundingApplication else { return ok }
            let seesIt = role == .department ? false : role == .region ? inScope : true
            return seesIt ? ok : .status(.notFound)
        case .organiseFunding, .organiseCampaigns, .organiseReserve:
            return organisesBatches.contains(role) ? ok : .status(.forbidden)
        case .viewPortfolio, .recordSponsorActivity:
            // A leader's own seat; the centre any leader's (the first by default, or the one named).
            return [.admin, .center, .sponsor].contains(role) ? ok : .status(.forbidden)
        case .viewSupervision, .answerSupervision:
            // A's item is owned by 市工信局 (the department caller), B's by 市交通局 (no caller).
            guard supervises.contains(role) || role == .department || role == .region else { return .status(.forbidden) }
            if action == .answerSupervision && supervises.contains(role) {
                // The office that supervises an item sees it but does not answer for its owner.
                return .status(.forbidden)
            }
            if endpoint.target != .supervisedItem || supervises.contains(role) { return ok }
            return role == .department && inScope ? ok : .status(.notFound)
        case .editProject, .transitionProject, .handleApprovals:
            // A role without the grant is refused whatever the object, which discloses nothing.
            guard changesA.contains(role) else { return .status(.forbidden) }
            if !inScope && !seesB.contains(role) { return .status(.notFound) }
            return ok
        }
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

    /// Routes that end the caller's session go last.
    static var orderedEndpoints: [Endpoint] {
        Endpoint.allCases.filter { !isLast($0) } + Endpoint.allCases.filter(isLast)
    }

    @Test("every feature has its table of answers, every route an answer, and every object the route names is in the world")
    func complete() {
        let features = Features.all.map { $0.feature }
        #expect(Set(Self.successTables.keys) == Set(features), "features without a table of answers, or tables for no feature")
        #expect(Set(features).count == features.count, "two features share a name")
        for endpoint in Endpoint.allCases {
            #expect(Self.successTables[endpoint.feature]?(endpoint) != nil, "\(endpoint) has no expected answer")
            #expect(Self.scopedTargets.union(Self.unscopedTargets).contains(endpoint.target), "\(endpoint) names \(endpoint.target), which the matrix world lacks")
        }
        // Two declarations of one method and path: the router would serve only one of them.
        let routes = Endpoint.allCases.map { "\($0.method.rawValue) \($0.pattern)" }
        #expect(Set(routes).count == routes.count, "routes declared twice: \(Dictionary(grouping: routes) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
    }

    @Test("each caller gets exactly the answer the rules give", arguments: callers)
    func matrix(caller: Caller) async throws {
        try await withWeb { base, client in
            let world = try await Self.makeWorld(base)
            var fixture = base
            if case .role(let role) = caller { fixture = try await Self.caller(base, role, world: world) }
            let signedIn = caller != .anonymous
            var serial = 0
            for endpoint in Self.orderedEndpoints {
                let variants: [Bool] = Self.scoped(endpoint) ? [true, false] : [true]
                for inScope in variants {
                    serial += 1
                    let response = try await Self.send(endpoint, inScope: inScope, as: fixture, signedIn: signedIn, world: world, client: client, serial: serial)
                    let want = Self.expected(endpoint, caller, inScope: inScope)
                    let got: Expected = response.status == .seeOther && (response.location ?? "").hasPrefix("/login?next=") && endpoint != AccountsEndpoints.logout
                        ? .toLogin : .status(response.status)
                    #expect(got == want, "\(caller) \(endpoint.method.rawValue) \(endpoint.pattern) \(inScope ? "in" : "out") → \(got), want \(want): \(response.text.prefix(200))")
                    if want == .status(.unprocessableContent), got == want, let reason = Self.refusal(endpoint) {
                        #expect(response.text.contains(reason), "\(caller) \(endpoint): refused, but not for \(reason): \(response.text.range(of: "alert-error").map { String(response.text[$0.lowerBound...].prefix(400)) } ?? String(response.text.prefix(400)))")
                    }
                    if Self.isLast(endpoint), signedIn {
                        fixture = try await fixture.newSession()
                    }
                    // Lists must not show what is out of scope.
                    if [ProjectsEndpoints.ledgerPage, .apiListProjects, .ledgerCSV].contains(where: { $0 == endpoint }), case .role(let role) = caller {
                        #expect(response.text.contains("范围内项目甲"), "\(caller) \(endpoint) lists its project")
                        #expect(response.text.contains("范围外项目乙") == Self.seesB.contains(role), "\(caller) \(endpoint) scope filter")
                    }
                    // A meeting shows only the agenda items the viewer may read.
                    if [MeetingsEndpoints.meetingShow, .apiMeeting].contains(where: { $0 == endpoint }), got == .status(.ok), case .role(let role) = caller {
                        #expect(response.text.contains(Self.problemTextA) == inScope, "\(caller) \(endpoint) agenda of A's meeting")
                        #expect(response.text.contains(Self.problemTextB) == (!inScope && Self.seesB.contains(role)), "\(caller) \(endpoint) agenda of B's meeting")
                    }
                }
            }
        }
    }
}
