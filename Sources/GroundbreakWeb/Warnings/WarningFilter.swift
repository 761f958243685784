import GroundbreakDomain

/// Which lights a list shows: colours (default red and yellow) and a region (with those below it).
struct WarningFilter: Sendable, Equatable {
    var colours: Set<WarningColour> = [.red, .yellow]
    var regionCode: String?

    init() {}

    static func parse(_ items: [(String, String)], catalog: ReferenceCatalog) -> Result<WarningFilter, ValidationFailure> {
        var filter = WarningFilter()
        var errors: [FieldError] = []
        let form = FormData(pairs: items)
        if !form["colour"].isEmpty {
            let parts = form["colour"].split(separator: ",").map(String.init)
            let colours = parts.compactMap(WarningColour.init(rawValue:))
            if colours.count == parts.count { filter.colours = Set(colours) }
            else { errors.append(FieldError("colour", .unknownCode(field: "colour", code: String(form["colour"].prefix(30))))) }
        }
        if !form["region"].isEmpty {
            if let code = catalog.canonicalRegionCode(form["region"]), catalog.region(code) != nil { filter.regionCode = code }
            else { errors.append(FieldError("region", .unknownCode(field: "region", code: String(form["region"].prefix(30))))) }
        }
        return errors.isEmpty ? .success(filter) : .failure(ValidationFailure(errors))
    }

    var items: [(String, String)] {
        var items: [(String, String)] = []
        if colours != [.red, .yellow] { items.append(("colour", WarningColour.allCases.filter(colours.contains).map(\.rawValue).joined(separator: ","))) }
        if let regionCode { items.append(("region", regionCode)) }
        return items
    }

    func described(_ catalog: ReferenceCatalog) -> String {
        let colours = WarningColour.allCases.reversed().filter(colours.contains).map(\.label).joined(separator: "、")
        return WebText.Warnings.filterLine(colours, regionCode.flatMap { catalog.region($0)?.name })
    }
}
