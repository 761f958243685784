import GroundbreakDomain

/// Which applications a list shows: a channel, a state, a unit (with those inside it), the year
/// it was entered, and words in its title.
struct FundingFilter: Sendable, Equatable {
    var channel: String?
    var state: FundingState?
    var unit: OrgUnit?
    var year: Int?
    var text: String?

    init() {}

    static func parse(_ items: [(String, String)], catalog: FundingCatalog, reference: ReferenceCatalog) -> Result<FundingFilter, ValidationFailure> {
        var filter = FundingFilter()
        var errors: [FieldError] = []
        let form = FormData(pairs: items)
        if !form["channel"].isEmpty {
            if catalog.channel(form["channel"]) != nil { filter.channel = form["channel"] }
            else { errors.append(FieldError("channel", .unknownCode(field: "channel", code: String(form["channel"].prefix(40))))) }
        }
        if !form["state"].isEmpty {
            if let state = FundingState(rawValue: form["state"]) { filter.state = state }
            else { errors.append(FieldError("state", .unknownCode(field: "state", code: String(form["state"].prefix(20))))) }
        }
        if !form["unit"].isEmpty {
            if let unit = reference.orgUnit(form["unit"]) { filter.unit = unit }
            else { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(form["unit"].prefix(40))))) }
        }
        if !form["year"].isEmpty {
            if let year = Int(form["year"]), Day.plausibleYears.contains(year) { filter.year = year }
            else { errors.append(FieldError("year", .numberOutOfRange(field: "year", min: "2000", max: "2100"))) }
        }
        let text = TextNormalizer.collapsedLine(form["q"])
        if !text.isEmpty { filter.text = String(text.prefix(100)) }
        return errors.isEmpty ? .success(filter) : .failure(ValidationFailure(errors))
    }

    var query: [(String, String)] {
        var items: [(String, String)] = []
        if let channel { items.append(("channel", channel)) }
        if let state { items.append(("state", state.rawValue)) }
        if let unit { items.append(("unit", unit.text)) }
        if let year { items.append(("year", String(year))) }
        if let text { items.append(("q", text)) }
        return items
    }

    func matches(_ application: FundingApplication, reference: ReferenceCatalog) -> Bool {
        if let channel, application.channelCode != channel { return false }
        if let state, application.state != state { return false }
        if let unit, !FundingForms.inside(application.unit, unit, reference) { return false }
        if let year, application.createdOn.year != year { return false }
        if let text, !application.title.contains(text) { return false }
        return true
    }

    func described(_ catalog: FundingCatalog, reference: ReferenceCatalog) -> String {
        var parts: [String] = []
        if let channel { parts.append(catalog.channelName(channel)) }
        if let state { parts.append(state.label) }
        if let unit { parts.append(unit.name(reference)) }
        if let year { parts.append(WebText.Funding.yearLabel(year)) }
        if let text { parts.append(WebText.Funding.containing(text)) }
        return parts.isEmpty ? WebText.Funding.allVisible : parts.joined(separator: "，")
    }
}

/// The units applications belong to, as forms offer and filters read them.
enum FundingForms {
    /// `unit` is `outer` or inside it (a district's subtree, a zone's).
    static func inside(_ unit: OrgUnit, _ outer: OrgUnit, _ reference: ReferenceCatalog) -> Bool {
        if unit == outer { return true }
        switch (unit.kind, outer.kind) {
        case (.region, .region): return reference.regionSubtree(outer.code).contains(unit.code)
        case (.zone, .zone): return reference.zoneSubtree(outer.code).contains(unit.code)
        default: return false
        }
    }

    /// Every district, zone and department, or those `reach` holds, as options.
    static func units(_ reach: FundingReach, reference: ReferenceCatalog) -> [Components.Option] {
        UnitOptions.options(UnitOptions.units(reference, departments: true).filter { reach.everyUnit || reach.units.contains($0) }, reference)
    }
}
