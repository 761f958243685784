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
        let target = TargetUnit(kind: unit.kind == .zone ? .zone : .region, code: unit.code)
        let covers = scope(for: .viewProjects, of: principal, catalog: catalog).covers(target, catalog: catalog)
        return covers || principal.positionId.map(seats.contains) == true ? .allow : .notFound
    }
}
