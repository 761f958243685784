import Foundation

/// Who may do what to a problem. A problem reaches beyond its project's readers: the unit that
/// owns it and the units that help must see it, whatever projects they otherwise see.
extension Policy {
    /// The units whose problems a principal works on as owner or helper: its department, its
    /// region and every region below it, or its zone and the zones inside it.
    public static func problemUnits(of principal: Principal, catalog: ReferenceCatalog) -> Set<OrgUnit> {
        guard let unit = principal.unit, !principal.roles.isDisjoint(with: [.department, .region]) else { return [] }
        switch unit.kind {
        case .department:
            return principal.roles.contains(.department) ? [unit] : []
        case .region:
            guard principal.roles.contains(.region) else { return [] }
            return Set(catalog.regionSubtree(unit.code).map { OrgUnit(kind: .region, code: $0) })
        case .zone:
            guard principal.roles.contains(.region) else { return [] }
            return Set(catalog.zoneSubtree(unit.code).map { OrgUnit(kind: .zone, code: $0) })
        }
    }

    static func runsProblems(_ principal: Principal) -> Bool {
        !principal.roles.isDisjoint(with: [.admin, .center])
    }

    /// `project` is the problem's project (nil for an enterprise's problem).
    public static func decideProblem(_ action: PolicyAction, _ problem: Problem, project: Project?, for principal: Principal?,
                                     catalog: ReferenceCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        let units = problemUnits(of: principal, catalog: catalog)
        let owns = problem.owner.map(units.contains) ?? false
        let helps = problem.supportUnits.contains(where: units.contains)
        let view = scope(for: .viewProjects, of: principal, catalog: catalog)
        let readsProject = project.map(view.contains) ?? view.reaches(region: problem.regionCode)
        guard runsProblems(principal) || readsProject || owns || helps else { return .notFound }
        switch action {
        case .viewProblems:
            return .allow
        case .handleProblem:
            return runsProblems(principal) || owns ? .allow : .deny
        case .manageProblems:
            return runsProblems(principal) ? .allow : .deny
        case .confirmProblem:
            return runsProblems(principal) || (problem.raisedByUserId != nil && problem.raisedByUserId == principal.userId) ? .allow : .deny
        default:
            return .deny
        }
    }
}

/// The problems a principal sees, as one filter: those of projects it reads, those of
/// enterprises in regions it reaches, and those its unit owns or helps with.
public struct ProblemReach: Sendable, Equatable {
    public var everything: Bool
    public var projects: ProjectScope
    public var units: Set<OrgUnit>

    public init(everything: Bool, projects: ProjectScope, units: Set<OrgUnit>) {
        self.everything = everything
        self.projects = projects
        self.units = units
    }

    public static let all = ProblemReach(everything: true, projects: .everything, units: [])
}

extension Policy {
    public static func problemReach(of principal: Principal, catalog: ReferenceCatalog) -> ProblemReach {
        let projects = scope(for: .viewProjects, of: principal, catalog: catalog)
        return ProblemReach(everything: runsProblems(principal) || projects.isEverything, projects: projects, units: problemUnits(of: principal, catalog: catalog))
    }
}

extension Policy {
    static func supervises(_ principal: Principal) -> Bool {
        !principal.roles.isDisjoint(with: [.admin, .center, .supervision])
    }

    /// Supervised items are seen by the supervision office and the centre, and by their owner unit.
    public static func decideSupervision(_ action: PolicyAction, _ item: SupervisedItem, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        let owns = problemUnits(of: principal, catalog: catalog).contains(item.owner)
        guard supervises(principal) || owns else { return .notFound }
        switch action {
        case .viewSupervision: return .allow
        case .superviseItems: return supervises(principal) ? .allow : .deny
        // The owner unit answers for its item; the office that supervises it does not answer for it.
        case .answerSupervision: return owns ? .allow : .deny
        default: return .deny
        }
    }

    /// The owner units whose supervised items a principal sees; nil when it sees them all.
    public static func supervisionReach(of principal: Principal, catalog: ReferenceCatalog) -> Set<OrgUnit>? {
        supervises(principal) ? nil : problemUnits(of: principal, catalog: catalog)
    }
}

extension Policy {
    /// Raising an enterprise's problem in `regionCode`: the centre anywhere, region staff within
    /// their region and the regions below it.
    public static func decideEnterpriseProblem(regionCode: String, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        guard decide(.raiseEnterpriseProblem, for: principal, catalog: catalog) == .allow else { return .deny }
        if runsProblems(principal) { return .allow }
        return problemUnits(of: principal, catalog: catalog).contains(OrgUnit(kind: .region, code: regionCode)) ? .allow : .deny
    }
}

extension Policy {
    /// Import history: the centre and administrators see every unit's files; everyone else sees
    /// their own unit's and their own.
    public static func seesAllImports(_ principal: Principal) -> Bool {
        !principal.roles.isDisjoint(with: [.admin, .center])
    }
}
