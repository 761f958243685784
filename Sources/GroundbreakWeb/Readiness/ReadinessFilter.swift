import GroundbreakDomain

/// Which projects a readiness list shows: a district or zone (with those inside it), and for the
/// 开工条件 summary the year of the planned start (this year when absent).
struct ReadinessFilter: Sendable, Equatable {
    var unit: OrgUnit?
    var year: Int?

    init(unit: OrgUnit? = nil, year: Int? = nil) {
        self.unit = unit
        self.year = year
    }

    static func parse(_ items: [(String, String)], reference: ReferenceCatalog) -> Result<ReadinessFilter, ValidationFailure> {
        var filter = ReadinessFilter()
        var errors: [FieldError] = []
        let form = FormData(pairs: items)
        if !form["unit"].isEmpty {
            if let unit = reference.districtOrZone(form["unit"]) {
                filter.unit = unit
            } else { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(form["unit"].prefix(40))))) }
        }
        if !form["year"].isEmpty {
            if let year = Int(form["year"]), Day.plausibleYears.contains(year) { filter.year = year }
            else { errors.append(FieldError("year", .numberOutOfRange(field: "year", min: "2000", max: "2100"))) }
        }
        return errors.isEmpty ? .success(filter) : .failure(ValidationFailure(errors))
    }

    var query: [(String, String)] {
        var items: [(String, String)] = []
        if let unit { items.append(("unit", unit.text)) }
        if let year { items.append(("year", String(year))) }
        return items
    }

    func described(_ reference: ReferenceCatalog, year: Int?) -> String {
        var parts: [String] = [unit.map { $0.name(reference) } ?? WebText.Readiness.allVisible]
        if let year { parts.append(WebText.Readiness.plannedIn(year)) }
        return parts.joined(separator: "，")
    }
}
