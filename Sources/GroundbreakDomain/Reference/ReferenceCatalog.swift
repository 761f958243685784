import Foundation

/// All reference data in memory, with the lookups validation, filters and pages need.
/// Built once from the store and replaced whole when an administrator edits reference data.
public struct ReferenceCatalog: Sendable {
    public let regions: [Region]
    public let zones: [Zone]
    public let departments: [Department]
    public let categories: [Category]
    public let sections: [IndustrySection]
    public let divisions: [IndustryDivision]
    public let sizeBands: [SizeBand]
    public let tags: [Tag]
    public let positions: [Position]
    public let flagRules: [FlagRule]

    private let regionsByCode: [String: Region]
    private let zonesByCode: [String: Zone]
    private let departmentsByCode: [String: Department]
    private let categoriesByCode: [String: Category]
    private let sectionsByCode: [String: IndustrySection]
    private let divisionsByCode: [String: IndustryDivision]
    private let bandsByCode: [String: SizeBand]
    private let tagsByCode: [String: Tag]
    private let positionsById: [Int64: Position]

    public init(
        regions: [Region] = [], zones: [Zone] = [], departments: [Department] = [], categories: [Category] = [],
        sections: [IndustrySection] = [], divisions: [IndustryDivision] = [], sizeBands: [SizeBand] = [],
        tags: [Tag] = [], positions: [Position] = [], flagRules: [FlagRule] = []
    ) {
        self.regions = regions.sorted { ($0.sort, $0.code) < ($1.sort, $1.code) }
        self.zones = zones.sorted { ($0.sort, $0.code) < ($1.sort, $1.code) }
        self.departments = departments.sorted { ($0.sort, $0.code) < ($1.sort, $1.code) }
        self.categories = categories.sorted { ($0.sort, $0.code) < ($1.sort, $1.code) }
        self.sections = sections.sorted { $0.code < $1.code }
        self.divisions = divisions.sorted { $0.code < $1.code }
        self.sizeBands = sizeBands.sorted { $0.minimum < $1.minimum }
        self.tags = tags.sorted { ($0.sort, $0.code) < ($1.sort, $1.code) }
        self.positions = positions.sorted { $0.id < $1.id }
        self.flagRules = flagRules
        regionsByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        zonesByCode = Dictionary(zones.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        departmentsByCode = Dictionary(departments.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        categoriesByCode = Dictionary(categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        sectionsByCode = Dictionary(sections.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        divisionsByCode = Dictionary(divisions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        bandsByCode = Dictionary(sizeBands.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        tagsByCode = Dictionary(tags.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        positionsById = Dictionary(positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Lookups

    public func region(_ code: String) -> Region? { regionsByCode[code] }
    public func zone(_ code: String) -> Zone? { zonesByCode[code] }
    public func department(_ code: String) -> Department? { departmentsByCode[code] }
    public func category(_ code: String) -> Category? { categoriesByCode[code] }
    public func section(_ code: String) -> IndustrySection? { sectionsByCode[code] }
    public func division(_ code: String) -> IndustryDivision? { divisionsByCode[code] }
    public func sizeBand(_ code: String) -> SizeBand? { bandsByCode[code] }
    public func tag(_ code: String) -> Tag? { tagsByCode[code] }
    public func position(_ id: Int64) -> Position? { positionsById[id] }

    /// Regions a project may be placed in: current codes, not aliases.
    public var assignableRegions: [Region] {
        regions.filter { $0.aliasOf == nil && $0.kind != .province }
    }

    /// Follows retired codes to the code in use (220381 → 220184).
    public func canonicalRegionCode(_ code: String) -> String? {
        var current = code
        var seen: Set<String> = []
        while let region = regionsByCode[current] {
            guard let next = region.aliasOf else { return current }
            guard seen.insert(current).inserted else { return nil }
            current = next
        }
        return nil
    }

    /// The region and all regions below it.
    public func regionSubtree(_ code: String) -> Set<String> {
        subtree(of: code, children: regions.filter { $0.aliasOf == nil }.map { ($0.code, $0.parentCode) })
    }

    /// The zone and the zones that are part of it (长春新区 contains 高新区, 北湖 …).
    public func zoneSubtree(_ code: String) -> Set<String> {
        subtree(of: code, children: zones.map { ($0.code, $0.parentCode) })
    }

    /// A district or zone as a filter or form writes it (`region:220104`, `zone:CC-LHS`), when the catalogue has it.
    public func districtOrZone(_ text: String) -> OrgUnit? {
        orgUnit(text).flatMap { $0.kind == .department ? nil : $0 }
    }

    /// A first-level category and its second-level children.
    public func categorySubtree(_ code: String) -> Set<String> {
        subtree(of: code, children: categories.map { ($0.code, $0.parentCode) })
    }

    public func divisions(inSection section: String) -> [IndustryDivision] {
        divisions.filter { $0.sectionCode == section }
    }

    /// The highest band a total investment reaches.
    public func band(for amount: Money) -> SizeBand? {
        sizeBands.last { amount >= $0.minimum }
    }

    /// Categories that can be put on a project: second-level ones, and first-level ones without children.
    public var assignableCategories: [Category] {
        let parents = Set(categories.compactMap(\.parentCode))
        return categories.filter { !parents.contains($0.code) }
    }

    /// A region by its code (a retired one followed) or its name, as a person types it: `二道区`, `220105`.
    public func regionCode(named text: String) -> String? {
        let key = TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
        return canonicalRegionCode(key) ?? regions.first { TextNormalizer.halfWidth($0.name).filter { !$0.isWhitespace } == key }?.code
    }

    /// `department:CC-GXJ`, `region:220104` or `zone:CC-LHS`, when the catalogue has that unit.
    public func orgUnit(_ text: String) -> OrgUnit? {
        guard let unit = OrgUnit.parse(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        return knows(unit) ? unit : nil
    }

    /// Whether the catalogue has the unit: an unknown code is refused wherever a unit is given.
    public func knows(_ unit: OrgUnit) -> Bool {
        switch unit.kind {
        case .department: department(unit.code) != nil
        case .region: region(unit.code) != nil
        case .zone: zone(unit.code) != nil
        }
    }

    public func positions(withDuty duty: Position.Duty) -> [Position] {
        positions.filter { $0.duty == duty }
    }

    private func subtree(of root: String, children pairs: [(String, String?)]) -> Set<String> {
        var byParent: [String: [String]] = [:]
        for (code, parent) in pairs { if let parent { byParent[parent, default: []].append(code) } }
        var result: Set<String> = [root]
        var queue = [root]
        while let next = queue.popLast() {
            for child in byParent[next] ?? [] where result.insert(child).inserted {
                queue.append(child)
            }
        }
        return result
    }
}
