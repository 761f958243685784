import GroundbreakDomain

/// Which leads a list shows: a unit (with those inside it), a stage, a status, a channel, those
/// with a clock past due, and words in the title or investor.
struct LeadFilter: Sendable, Equatable {
    var unit: OrgUnit?
    var stage: String?
    var status: LeadStatus?
    var channel: String?
    var overdueOnly = false
    var text: String?

    init() {}

    static func parse(_ items: [(String, String)], catalog: LeadCatalog, reference: ReferenceCatalog) -> Result<LeadFilter, ValidationFailure> {
        var filter = LeadFilter()
        var errors: [FieldError] = []
        let form = FormData(pairs: items)
        if !form["unit"].isEmpty {
            if let unit = reference.districtOrZone(form["unit"]) {
                filter.unit = unit
            } else { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(form["unit"].prefix(40))))) }
        }
        if !form["stage"].isEmpty {
            if catalog.index(form["stage"]) != nil { filter.stage = form["stage"] }
            else { errors.append(FieldError("stage", .unknownCode(field: "stage", code: String(form["stage"].prefix(20))))) }
        }
        if !form["status"].isEmpty {
            if let status = LeadStatus(rawValue: form["status"]) { filter.status = status }
            else { errors.append(FieldError("status", .unknownCode(field: "status", code: String(form["status"].prefix(20))))) }
        }
        if !form["channel"].isEmpty {
            if catalog.channels.contains(where: { $0.code == form["channel"] }) { filter.channel = form["channel"] }
            else { errors.append(FieldError("channel", .unknownCode(field: "channel", code: String(form["channel"].prefix(20))))) }
        }
        filter.overdueOnly = ["1", "true"].contains(form["overdue"])
        let text = TextNormalizer.collapsedLine(form["q"])
        if !text.isEmpty { filter.text = String(text.prefix(100)) }
        return errors.isEmpty ? .success(filter) : .failure(ValidationFailure(errors))
    }

    var query: [(String, String)] {
        var items: [(String, String)] = []
        if let unit { items.append(("unit", unit.text)) }
        if let stage { items.append(("stage", stage)) }
        if let status { items.append(("status", status.rawValue)) }
        if let channel { items.append(("channel", channel)) }
        if overdueOnly { items.append(("overdue", "1")) }
        if let text { items.append(("q", text)) }
        return items
    }

    /// The funnel's filter: the same leads at every stage and status.
    var funnelScope: LeadFilter {
        var scope = self
        scope.stage = nil
        scope.status = nil
        scope.overdueOnly = false
        return scope
    }

    /// Whether a lead (overdue or not) is one the filter keeps; the unit's subtree is taken once
    /// for the whole list rather than once per lead.
    func matcher(reference: ReferenceCatalog) -> (_ lead: Lead, _ overdue: Bool) -> Bool {
        let inside = unit.map { Lead.inside($0, reference: reference) }
        return { [self] lead, overdue in
            if let inside, !inside(lead) { return false }
            if let stage, lead.stageCode != stage { return false }
            if let status, lead.status != status { return false }
            if let channel, lead.channelCode != channel { return false }
            if overdueOnly && !overdue { return false }
            if let text, !lead.title.contains(text) && !lead.investor.name.contains(text) { return false }
            return true
        }
    }

    func described(_ catalog: LeadCatalog, reference: ReferenceCatalog) -> String {
        var parts: [String] = []
        if let unit { parts.append(unit.name(reference)) }
        if let stage { parts.append(catalog.stageName(stage)) }
        if let status { parts.append(status.label) }
        if let channel { parts.append(catalog.channelName(channel)) }
        if overdueOnly { parts.append(WebText.Leads.overdueOnly) }
        if let text { parts.append(WebText.Leads.containing(text)) }
        return parts.isEmpty ? WebText.Leads.allVisible : parts.joined(separator: "，")
    }
}
