import Foundation

/// Which applications for upper-level money a caller reaches: units (a district or zone with
/// those inside it, a department its own), channels (those its department collects), or all.
public struct FundingReach: Sendable, Equatable {
    public var everyUnit: Bool
    public var units: Set<OrgUnit>
    public var channels: Set<String>

    public init(everyUnit: Bool = false, units: Set<OrgUnit> = [], channels: Set<String> = []) {
        self.everyUnit = everyUnit
        self.units = units
        self.channels = channels
    }

    public static let none = FundingReach()

    public var isEmpty: Bool { !everyUnit && units.isEmpty && channels.isEmpty }

    public func sees(_ application: FundingApplication) -> Bool {
        everyUnit || units.contains(application.unit) || channels.contains(application.channelCode)
    }

    /// A unit's line on the figures page: every unit's for a city-wide reach.
    public func sees(unit: OrgUnit) -> Bool { everyUnit || units.contains(unit) }

    func union(_ other: FundingReach) -> FundingReach {
        FundingReach(everyUnit: everyUnit || other.everyUnit, units: units.union(other.units), channels: channels.union(other.channels))
    }
}

extension Policy {
    /// Who reaches which applications (issue 19): 县区 and zone staff their unit's and those inside
    /// it, a department its own and — when it collects a channel (发改委 the budgets and bonds,
    /// 生态环境局 EOD) — every application of that channel; the centre and administrators every one.
    /// Leaders and the offices reading the ranking read every unit's; they do not keep them.
    public static func fundingReach(_ action: PolicyAction, of principal: Principal, catalog: ReferenceCatalog, channels: FundingCatalog? = nil) -> FundingReach {
        var reach = FundingReach.none
        for role in principal.roles {
            switch (role, action) {
            case (.admin, .viewFunding), (.admin, .manageFunding), (.center, .viewFunding), (.center, .manageFunding),
                 (.supervision, .viewFunding), (.statistics, .viewFunding), (.sponsor, .viewFunding), (.viewer, .viewFunding):
                reach = reach.union(FundingReach(everyUnit: true))
            case (.region, .viewFunding), (.region, .manageFunding):
                guard let unit = principal.unit, unit.kind != .department else { break }
                reach = reach.union(FundingReach(units: ownUnits(principal, catalog, cityOffice: false).units))
            case (.department, .viewFunding), (.department, .manageFunding):
                guard let unit = principal.unit, unit.kind == .department, catalog.department(unit.code) != nil else { break }
                let collected = (channels?.channels ?? []).filter { $0.department == unit.code }.map(\.code)
                reach = reach.union(FundingReach(units: [unit], channels: Set(collected)))
            default:
                break
            }
        }
        return reach
    }

    /// An action on one application: not there for a caller who cannot see it, refused to one
    /// who sees but may not keep it.
    public static func decide(_ action: PolicyAction, onFunding application: FundingApplication, for principal: Principal?, catalog: ReferenceCatalog,
                              channels: FundingCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        guard fundingReach(.viewFunding, of: principal, catalog: catalog, channels: channels).sees(application) else { return .notFound }
        if action == .viewFunding { return .allow }
        return fundingReach(action, of: principal, catalog: catalog, channels: channels).sees(application) ? .allow : .deny
    }
}
