import Foundation

/// Everything a caller may try to do. Every route names one; `Policy` decides.
public enum PolicyAction: String, Sendable, CaseIterable {
    /// Pages every signed-in user has: own account, sign-out.
    case signedIn
    case viewProjects
    case viewReference
    case createProject
    case editProject
    case transitionProject
    case viewAudit
    case administer
    /// Reading approvals: the project's readers, and the departments that approve its items.
    case viewApprovals
    /// Recording approval events: the project's editors, and the department that approves the item.
    case handleApprovals
    /// 集中审批 batches: the project centre.
    case organiseApprovals
    /// Accepting or returning monthly reports: the project centre.
    case reviewReports
    /// Recording admission to the statistics library (入统): statistics, the centre.
    case recordStats
    /// Setting unit targets: the centre.
    case setTargets
    /// Reading problems: the project's readers, the owner and support units, the centre.
    case viewProblems
    /// Replying to, resolving, or declaring beyond its power a problem: its owner unit, the centre.
    case handleProblem
    /// 分办, 挂起/恢复, 提级 by the centre: the project centre.
    case manageProblems
    /// 销号 or sending back a solved problem: whoever raised it, the centre.
    case confirmProblem
    /// Reading supervised items (督办): the supervision office, the centre, the owner units.
    case viewSupervision
    /// Opening, closing, sending back and urging supervised items: the supervision office, the centre.
    case superviseItems
    /// Reporting progress or completion of a supervised item: its owner unit.
    case answerSupervision
    /// Reading meetings and their minutes: the centre, supervision, departments, regions, sponsoring leaders.
    case viewMeetings
    /// Calling meetings and issuing minutes: the project centre.
    case runMeetings
    /// Raising an enterprise's problem (万人助万企, no project): the centre, and region staff for their territory.
    case raiseEnterpriseProblem
    /// Editing units' classification schemes (口径): adding classes, confirming or mapping those an import added.
    case manageSchemes
    /// Saving a new version of the 红黄绿灯 rules: the centre, administrators.
    case manageWarnings
    /// Reading the cross-unit table and assessment ranking (考核排名): it is sent every month to the
    /// 县(市)区, 开发区 and departments and read by the city's leaders, so every unit's staff and
    /// every leader; not a project secretary or attraction staff, whose work is single projects.
    case viewRanking
    /// Drafting, editing, issuing and discarding bulletins (通报): the centre, the supervision office, administrators.
    case manageBulletins
    /// Setting up task forces (专班) and naming projects to their groups: the centre, administrators.
    case manageTaskForces
    /// A sponsoring leader's portfolio (包保项目 and its 四率): the leader's own seat; the centre and
    /// administrators any seat.
    case viewPortfolio
    /// Recording a site visit, coordination meeting or instruction (批示) on a sponsored project: the
    /// leader for their own seat; the centre and administrators for any leader.
    case recordSponsorActivity
    /// Reading 招商 leads: attraction staff and 县区 staff their unit's, the centre and administrators
    /// every unit's (not the confidential ones), a leader those they are responsible for.
    case viewLeads
    /// Recording and moving leads: attraction staff in their reach, administrators.
    case manageLeads
    /// Reading applications for upper-level money (向上资金争取) and their figures: the applying
    /// units their own, the department collecting a channel that channel's, the centre, leaders
    /// and the offices that read the ranking every unit's.
    case viewFunding
    /// Keeping applications and recording what happened to them: the applying units their own,
    /// the collecting department its channel's, the centre and administrators every one.
    case manageFunding
    /// Opening a channel's batches and entering the province's figures: the centre, administrators.
    case organiseFunding
    /// Holding 集中开工 batches and naming the projects planned to start in them: the centre, administrators.
    case organiseCampaigns
    /// Promoting a project from a county reserve library to the city's: the centre, administrators.
    case organiseReserve
}

/// The one place that decides who may do what to which project.
///
/// A role grants actions; each grant reaches a scope of projects derived from the user's unit
/// (a region subtree, a department) or seat (the projects a secretary or sponsor is assigned).
/// Several roles add up. Handlers never check permissions themselves; the store applies
/// `scope(for: .viewProjects, …)` to every list and total.
public enum Policy {
    public enum Decision: Sendable, Equatable {
        case allow
        /// Not signed in.
        case unauthenticated
        /// Signed in, but not allowed.
        case deny
        /// The object is outside what the caller may see: answered as if it did not exist.
        case notFound
    }

    /// The scope each role's grant of `action` reaches for `principal`.
    public static func scope(for action: PolicyAction, of principal: Principal, catalog: ReferenceCatalog) -> ProjectScope {
        var rules: [ScopeRule] = []
        for role in principal.roles.sorted() {
            rules += grant(role, action, principal, catalog)
        }
        // A task force's or group's leader reads the projects it follows, whatever the role.
        if action == .viewProjects && !principal.followedProjects.isEmpty { rules.append(ScopeRule(.projects(principal.followedProjects))) }
        if rules.contains(where: { $0.reach == .everything && $0.stages == nil }) { return .everything }
        return ProjectScope(Array(Set(rules)).sorted { "\($0)" < "\($1)" })
    }

    /// Whether `principal` may take an action that has no single project (lists, pages, admin).
    public static func decide(_ action: PolicyAction, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        switch action {
        case .signedIn, .viewReference:
            return .allow
        case .viewAudit:
            return principal.roles.isDisjoint(with: [.admin, .center, .supervision]) ? .deny : .allow
        case .administer:
            return principal.isAdmin ? .allow : .deny
        case .viewProjects, .createProject, .editProject, .transitionProject:
            return scope(for: action, of: principal, catalog: catalog).isEmpty ? .deny : .allow
        case .viewApprovals, .handleApprovals:
            let projects = scope(for: action == .viewApprovals ? .viewProjects : .editProject, of: principal, catalog: catalog)
            return projects.isEmpty && approvalDepartments(of: principal).isEmpty ? .deny : .allow
        case .organiseApprovals, .reviewReports, .setTargets, .manageProblems, .manageSchemes, .manageWarnings, .manageTaskForces, .organiseFunding,
             .organiseCampaigns, .organiseReserve:
            return principal.roles.isDisjoint(with: [.admin, .center]) ? .deny : .allow
        case .raiseEnterpriseProblem:
            return runsProblems(principal) || (principal.roles.contains(.region) && principal.unit?.kind == .region) ? .allow : .deny
        case .viewMeetings:
            return principal.roles.isDisjoint(with: [.admin, .center, .supervision, .department, .region, .sponsor]) ? .deny : .allow
        case .runMeetings:
            return principal.roles.isDisjoint(with: [.admin, .center]) ? .deny : .allow
        case .superviseItems:
            return principal.roles.isDisjoint(with: [.admin, .center, .supervision]) ? .deny : .allow
        case .viewSupervision, .answerSupervision:
            return principal.roles.isDisjoint(with: [.admin, .center, .supervision]) && problemUnits(of: principal, catalog: catalog).isEmpty ? .deny : .allow
        case .viewProblems, .handleProblem, .confirmProblem:
            return scope(for: .viewProjects, of: principal, catalog: catalog).isEmpty && problemUnits(of: principal, catalog: catalog).isEmpty ? .deny : .allow
        case .recordStats:
            return principal.roles.isDisjoint(with: [.admin, .center, .statistics]) ? .deny : .allow
        case .viewRanking:
            return principal.roles.isDisjoint(with: rankingReaders) ? .deny : .allow
        case .manageBulletins:
            return principal.roles.isDisjoint(with: bulletinWriters) ? .deny : .allow
        case .viewLeads, .manageLeads:
            return leadReach(action, of: principal, catalog: catalog).isEmpty ? .deny : .allow
        case .viewFunding, .manageFunding:
            return fundingReach(action, of: principal, catalog: catalog).isEmpty ? .deny : .allow
        case .viewPortfolio, .recordSponsorActivity:
            return principal.roles.isDisjoint(with: [.admin, .center]) && !(principal.roles.contains(.sponsor) && principal.positionId != nil) ? .deny : .allow
        }
    }

    /// The departments whose approval items a principal handles on any project: its own, for
    /// the department role (an approving body works on projects it does not lead).
    public static func approvalDepartments(of principal: Principal) -> Set<String> {
        guard principal.roles.contains(.department), let unit = principal.unit, unit.kind == .department else { return [] }
        return [unit.code]
    }

    /// Reading `project`'s approvals (`.viewApprovals`) or recording an event on its items approved
    /// by `itemDepartments` (`.handleApprovals`). An approving department works on projects it
    /// neither leads nor supports, so for those items it reaches the project; everyone else
    /// follows the project's own scopes.
    public static func decideApproval(
        _ action: PolicyAction, on project: Project, itemDepartments: Set<String>, for principal: Principal?, catalog: ReferenceCatalog
    ) -> Decision {
        guard let principal else { return .unauthenticated }
        let approving = !approvalDepartments(of: principal).isDisjoint(with: itemDepartments)
        let visible = approving || scope(for: .viewProjects, of: principal, catalog: catalog).contains(project)
        guard visible else { return .notFound }
        if approving || action == .viewApprovals { return .allow }
        return scope(for: .editProject, of: principal, catalog: catalog).contains(project) ? .allow : .deny
    }

    /// Whether `principal` may take `action` on `project`. A project the caller cannot see is
    /// `notFound`, so its existence is not disclosed; one it can see but not change is `deny`.
    public static func decide(_ action: PolicyAction, on project: Project, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        guard scope(for: .viewProjects, of: principal, catalog: catalog).contains(project) else { return .notFound }
        if action == .viewProjects { return .allow }
        // Duties that are not a project scope of their own reach every project the holder sees.
        if [.recordStats, .reviewReports, .organiseApprovals, .organiseReserve].contains(action) { return decide(action, for: principal, catalog: catalog) }
        return scope(for: action, of: principal, catalog: catalog).contains(project) ? .allow : .deny
    }

    /// The reach of the user's level: their region's subtree, the region their department belongs
    /// to (a city department sees the whole city), or their zone and the zones inside it. An unknown
    /// unit reaches nothing.
    static func levelReach(_ principal: Principal, _ catalog: ReferenceCatalog) -> ScopeRule.Reach? {
        guard let unit = principal.unit else { return nil }
        switch unit.kind {
        case .region:
            return catalog.region(unit.code) == nil ? nil : .regions(catalog.regionSubtree(unit.code))
        case .department:
            return catalog.department(unit.code)?.regionCode.map { .regions(catalog.regionSubtree($0)) }
        case .zone:
            return catalog.zone(unit.code) == nil ? nil : .zones(catalog.zoneSubtree(unit.code))
        }
    }

    static let attractionStages: Set<Stage> = [.reserve, .attraction]

    static let rankingReaders: Set<Role> = [.admin, .center, .supervision, .statistics, .region, .department, .sponsor, .viewer]
    static let bulletinWriters: Set<Role> = [.admin, .center, .supervision]

    private static func grant(_ role: Role, _ action: PolicyAction, _ principal: Principal, _ catalog: ReferenceCatalog) -> [ScopeRule] {
        let level = levelReach(principal, catalog).map { [ScopeRule($0)] } ?? []
        let department = principal.unit?.kind == .department ? principal.unit?.code : nil
        let seat = principal.positionId.map { Set([$0]) }
        switch (role, action) {
        case (.admin, .viewProjects), (.admin, .createProject), (.admin, .editProject), (.admin, .transitionProject):
            return [ScopeRule(.everything)]
        case (.center, .viewProjects), (.center, .createProject), (.center, .editProject), (.center, .transitionProject),
             (.region, .viewProjects), (.region, .createProject), (.region, .editProject), (.region, .transitionProject),
             (.supervision, .viewProjects), (.statistics, .viewProjects), (.viewer, .viewProjects), (.attraction, .viewProjects):
            // 属地 staff sit in a region or in a zone (开发区管委会).
            return role == .region && principal.unit?.kind == .department ? [] : level
        case (.attraction, .createProject), (.attraction, .editProject), (.attraction, .transitionProject):
            return level.map { ScopeRule($0.reach, stages: attractionStages) }
        case (.department, .viewProjects):
            return department.map { [ScopeRule(.departments([$0], includingSupport: true))] } ?? []
        case (.department, .createProject), (.department, .editProject), (.department, .transitionProject):
            return department.map { [ScopeRule(.departments([$0], includingSupport: false))] } ?? []
        case (.secretary, .viewProjects), (.secretary, .editProject), (.secretary, .transitionProject):
            return seat.map { [ScopeRule(.secretaryPositions($0))] } ?? []
        case (.sponsor, .viewProjects):
            return seat.map { [ScopeRule(.sponsorPositions($0))] } ?? []
        default:
            return []
        }
    }
}
