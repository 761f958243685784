import GroundbreakDomain

/// The reference data by the names and codes people type, normalised once per import: every cell
/// of a ten-thousand-row sheet is then one dictionary lookup, not a scan of the lists.
/// Where two entries share a key the first one in the catalogue wins, as a scan would find it;
/// seats keep every match, because a shared name must be refused as ambiguous.
struct NameLookup: Sendable {
    let cityName: String
    let regions: [String: String]
    let assignableRegionCodes: Set<String>
    let zones: [String: String]
    let categories: [String: String]
    let divisionsByName: [String: String]
    let departments: [String: String]
    let investmentTypes: [String: String]
    let stages: [String: String]
    let levels: [String: String]
    let seats: [Position.Duty: SeatNames]

    struct SeatNames: Sendable {
        var byDisplay: [String: [Int64]] = [:]
        var byTitle: [String: [Int64]] = [:]
        var byHolder: [String: [Int64]] = [:]
    }

    init(catalog: ReferenceCatalog, columns: ColumnCatalog) {
        cityName = catalog.regions.first { $0.kind == .city }.map { Self.key($0.name) } ?? ""
        regions = Self.index(catalog.assignableRegions) { [Self.key($0.name)] } value: { $0.code }
        assignableRegionCodes = Set(catalog.assignableRegions.map(\.code))
        zones = Self.index(catalog.zones) { [$0.code, Self.key($0.name), Self.key($0.shortName)] } value: { $0.code }
        categories = Self.index(catalog.assignableCategories) { [$0.code, Self.key($0.name)] } value: { $0.code }
        divisionsByName = Self.index(catalog.divisions) { [Self.key($0.name)] } value: { $0.code }
        departments = Self.index(catalog.departments) { [$0.code, Self.key($0.name), Self.key($0.shortName)] } value: { $0.code }
        investmentTypes = Self.index(InvestmentType.allCases) { [$0.label, $0.rawValue] } value: { $0.rawValue }
            .merging(columns.values["investmentType"] ?? [:]) { first, _ in first }
        stages = Self.index(Stage.allCases) { [$0.label, $0.rawValue] } value: { $0.rawValue }
            .merging(columns.values["stage"] ?? [:]) { first, _ in first }
        levels = Self.index(ProjectLevel.allCases) { [$0.label, $0.rawValue] } value: { $0.rawValue }
        var seats: [Position.Duty: SeatNames] = [:]
        for position in catalog.positions {
            var names = seats[position.duty] ?? SeatNames()
            names.byDisplay[Self.key(position.display), default: []].append(position.id)
            names.byTitle[Self.key(position.title), default: []].append(position.id)
            if let holder = position.holderName { names.byHolder[Self.key(holder), default: []].append(position.id) }
            seats[position.duty] = names
        }
        self.seats = seats
    }

    /// How names are compared: half-width, without any spaces.
    static func key(_ text: String) -> String {
        TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
    }

    private static func index<T>(_ items: [T], keys: (T) -> [String], value: (T) -> String) -> [String: String] {
        var index: [String: String] = [:]
        for item in items {
            for key in keys(item) where !key.isEmpty && index[key] == nil { index[key] = value(item) }
        }
        return index
    }

    /// `长春市朝阳区`, `朝阳区` or a region code (a retired code is followed to the one in use).
    func region(_ text: String, catalog: ReferenceCatalog) -> String? {
        let key = Self.key(text)
        let bare = !cityName.isEmpty && key.hasPrefix(cityName) && key.count > cityName.count ? String(key.dropFirst(cityName.count)) : key
        if let code = catalog.canonicalRegionCode(bare), assignableRegionCodes.contains(code) { return code }
        return regions[bare] ?? regions[key]
    }

    /// A region named inside longer text, `二道区东站街道` → 二道区: the longest name found.
    func regionWithin(_ text: String) -> String? {
        let key = Self.key(text)
        return regions.filter { !$0.key.isEmpty && key.contains($0.key) }.max { $0.key.count < $1.key.count }?.value
    }

    /// `C26`, `26`, the name, or the code and the name together.
    func division(_ text: String, catalog: ReferenceCatalog) -> String? {
        let key = Self.key(text)
        if let code = divisionsByName[key] { return code }
        let afterSection = key.first.map { $0.isLetter && $0.isASCII } == true ? String(key.dropFirst()) : key
        let digits = String(afterSection.prefix { $0.isASCIIDigit })
        guard digits.count == 2, let division = catalog.division(digits) else { return nil }
        let rest = String(afterSection.dropFirst(2))
        return rest.isEmpty || rest == Self.key(division.name) ? digits : nil
    }

    /// `王某（副市长）` as we export it, the seat title, or the holder's name when only one seat has it.
    func seat(_ text: String, duty: Position.Duty) -> Int64? {
        guard let names = seats[duty] else { return nil }
        let key = Self.key(text)
        if let byDisplay = names.byDisplay[key] { return byDisplay.count == 1 ? byDisplay[0] : nil }
        if let byTitle = names.byTitle[key], byTitle.count == 1 { return byTitle[0] }
        if let byHolder = names.byHolder[key], byHolder.count == 1 { return byHolder[0] }
        return nil
    }
}
