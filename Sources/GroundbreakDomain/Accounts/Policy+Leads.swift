import Foundation

/// Which leads a caller reaches: units (a district or zone with those inside it), every unit, the
/// leads a seat is responsible for, and whether confidential leads of units not its own show.
public struct LeadReach: Sendable, Equatable {
    public var everyUnit: Bool
    public var units: Set<OrgUnit>
    /// The 招商 office: every lead, confidential ones included.
    public var everyConfidential: Bool
    /// The leads whose 分管领导 is this seat.
    public var seat: Int64?
    /// The scheme classes a working group's seat follows (the 7+3 groups): their leads.
    public var classes: Set<Int64>

    public init(everyUnit: Bool = false, units: Set<OrgUnit> = [], everyConfidential: Bool = false, seat: Int64? = nil, classes: Set<Int64> = []) {
        self.everyUnit = everyUnit
        self.units = units
        self.everyConfidential = everyConfidential
        self.seat = seat
        self.classes = classes
    }

    public static let none = LeadReach()

    public var isEmpty: Bool { !everyUnit && units.isEmpty && seat == nil && classes.isEmpty }

    /// A confidential lead is seen only by its own unit, its responsible seat and the 招商 office;
    /// a group following its class sees it only when it is not.
    public func sees(_ lead: Lead) -> Bool {
        let own = units.contains(lead.unit) || (seat != nil && lead.sponsorSeat == seat)
        if lead.confidential { return own || everyConfidential }
        return own || everyUnit || lead.schemeClassId.map(classes.contains) == true
    }

    /// A unit's own records (its activities, its rhythm line): every unit's for a city-wide reach.
    public func sees(unit: OrgUnit) -> Bool { everyUnit || units.contains(unit) }

    func union(_ other: LeadReach) -> LeadReach {
        LeadReach(everyUnit: everyUnit || other.everyUnit, units: units.union(other.units), everyConfidential: everyConfidential || other.everyConfidential,
                  seat: seat ?? other.seat, classes: classes.union(other.classes))
    }
}

extension Policy {
    /// Who reaches which leads (issue 17): attraction staff their unit's (a city-level 招商 office
    /// every unit's, confidential ones too), 县区 staff their unit's, the centre and administrators
    /// every unit's but not what is confidential, a leader the leads they are responsible for, a
    /// task force's or working group's seat the leads of the classes its groups follow.
    /// Working them (`.manageLeads`) is attraction staff's in their reach, and administrators'.
    public static func leadReach(_ action: PolicyAction, of principal: Principal, catalog: ReferenceCatalog) -> LeadReach {
        var reach = action == .viewLeads && !principal.followedClasses.isEmpty ? LeadReach(classes: principal.followedClasses) : .none
        for role in principal.roles {
            switch (role, action) {
            case (.admin, .viewLeads), (.admin, .manageLeads), (.center, .viewLeads):
                reach = reach.union(LeadReach(everyUnit: true))
            case (.attraction, .viewLeads), (.attraction, .manageLeads), (.region, .viewLeads):
                reach = reach.union(ownUnits(principal, catalog, cityOffice: role == .attraction))
            case (.sponsor, .viewLeads):
                if let seat = principal.positionId { reach = reach.union(LeadReach(seat: seat)) }
            default:
                break
            }
        }
        return reach
    }

    /// A unit's own leads: its region's or zone's subtree. A city department in the attraction role
    /// is the 招商 office: every unit, confidential leads included.
    static func ownUnits(_ principal: Principal, _ catalog: ReferenceCatalog, cityOffice: Bool) -> LeadReach {
        guard let unit = principal.unit else { return .none }
        switch unit.kind {
        case .region:
            guard catalog.region(unit.code) != nil else { return .none }
            return LeadReach(units: Set(catalog.regionSubtree(unit.code).map { OrgUnit(kind: .region, code: $0) }))
        case .zone:
            guard catalog.zone(unit.code) != nil else { return .none }
            return LeadReach(units: Set(catalog.zoneSubtree(unit.code).map { OrgUnit(kind: .zone, code: $0) }))
        case .department:
            guard let department = catalog.department(unit.code) else { return .none }
            if department.level == "city" { return cityOffice ? LeadReach(everyUnit: true, everyConfidential: true) : .none }
            return department.regionCode.map { region in LeadReach(units: Set(catalog.regionSubtree(region).map { OrgUnit(kind: .region, code: $0) })) } ?? .none
        }
    }

    /// An action on one lead: not there for a caller who cannot see it, refused to one who sees
    /// but may not work it.
    public static func decide(_ action: PolicyAction, onLead lead: Lead, for principal: Principal?, catalog: ReferenceCatalog) -> Decision {
        guard let principal else { return .unauthenticated }
        guard leadReach(.viewLeads, of: principal, catalog: catalog).sees(lead) else { return .notFound }
        if action == .viewLeads { return .allow }
        return leadReach(action, of: principal, catalog: catalog).sees(lead) ? .allow : .deny
    }
}
