import Foundation

extension Policy {
    /// `action` on a bulletin: an issued one is read by whoever reads the ranking it carries; a
    /// draft exists only for those who write bulletins (to anyone else it is not there).
    public static func decide(_ action: PolicyAction, onBulletin status: BulletinStatus, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        let route = decide(action, for: principal, catalog: catalog)
        guard route == .allow else { return route }
        if status == .draft && decide(.manageBulletins, for: principal, catalog: catalog) != .allow { return .notFound }
        return .allow
    }
}

extension Policy {
    /// A task force or one of its groups: read by those whose reach covers the task force's district
    /// or zone, and by the seats that lead it (`seats`); to anyone else it is not there.
    public static func decide(_ action: PolicyAction, onTaskForce unit: OrgUnit, seats: Set<Int64>, for principal: Principal?,
                              catalog: ReferenceCatalog) -> Decision {
        let route = decide(action, for: principal, catalog: catalog)
        guard route == .allow, let principal else { return route }
        let target = unit.targetUnit
        let covers = scope(for: .viewProjects, of: principal, catalog: catalog).covers(target, catalog: catalog)
        return covers || principal.positionId.map(seats.contains) == true ? .allow : .notFound
    }
}

extension Policy {
    /// Whose portfolio `principal` may read: their own seat's, or any seat's for the centre and administrators.
    public static func mayReadPortfolio(of seat: Int64, principal: Principal?, catalog: ReferenceCatalog) -> Bool {
        decide(.viewPortfolio, onPortfolio: seat, for: principal, catalog: catalog) == .allow
    }

    /// An action on one seat's portfolio (reading it, recording what its leader did): the leader's
    /// own seat, or any seat for the centre and administrators.
    public static func decide(_ action: PolicyAction, onPortfolio seat: Int64, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        let route = decide(action, for: principal, catalog: catalog)
        guard route == .allow, let principal else { return route }
        return principal.positionId == seat || readsEveryPortfolio(principal) ? .allow : .deny
    }

    /// The centre and administrators read every leader's portfolio.
    public static func readsEveryPortfolio(_ principal: Principal?) -> Bool {
        !(principal?.roles.isDisjoint(with: [.admin, .center]) ?? true)
    }
}
