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
