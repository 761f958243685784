import GroundbreakDomain

/// The units forms and filters offer: every district (not the city itself) and zone, and the
/// departments where a list has them, grouped for the select.
enum UnitOptions {
    static func units(_ reference: ReferenceCatalog, departments: Bool = false) -> [OrgUnit] {
        reference.assignableRegions.filter { $0.kind != .city }.map { OrgUnit(kind: .region, code: $0.code) }
            + reference.zones.map { OrgUnit(kind: .zone, code: $0.code) }
            + (departments ? reference.departments.map { OrgUnit(kind: .department, code: $0.code) } : [])
    }

    static func options(_ units: [OrgUnit], _ reference: ReferenceCatalog) -> [Components.Option] {
        units.map { unit in
            let group = switch unit.kind {
            case .region: WebText.Common.regions
            case .zone: WebText.Accounts.zones
            case .department: WebText.Funding.department
            }
            return Components.Option(unit.text, unit.name(reference), group: group)
        }
    }

    /// Every district and zone, for a filter.
    static func districtsAndZones(_ reference: ReferenceCatalog) -> [Components.Option] { options(units(reference), reference) }
}
