import Foundation

/// A 招商活动 (seed 001 §15–20: 走出去、请进来, fairs, signing ceremonies): what happened, when, who of
/// the unit's leaders went, whom it met, and the leads it brought or moved.
public struct AttractionActivity: Sendable, Codable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case tripOut, visitIn, fair, signingCeremony, online, other

        public var label: String { LeadText.activityKind(self) }
    }

    public var id: Int64
    public var unit: OrgUnit
    public var kind: Kind
    public var on: Day
    public var title: String
    /// The leader who led it (a seat), when one did.
    public var leaderSeat: Int64?
    /// The investors met, as written.
    public var investorsMet: String
    /// The leads it created or advanced.
    public var leadIds: [Int64]
    public var note: String
    public var recordedBy: String

    public init(id: Int64 = 0, unit: OrgUnit, kind: Kind, on: Day, title: String, leaderSeat: Int64? = nil, investorsMet: String = "", leadIds: [Int64] = [],
                note: String = "", recordedBy: String = "") {
        self.id = id
        self.unit = unit
        self.kind = kind
        self.on = on
        self.title = title
        self.leaderSeat = leaderSeat
        self.investorsMet = investorsMet
        self.leadIds = leadIds
        self.note = note
        self.recordedBy = recordedBy
    }

    /// What is wrong with it before it is kept.
    public func problems(reference: ReferenceCatalog, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        let title = TextNormalizer.collapsedLine(title)
        if title.isEmpty { errors.append(FieldError("title", .required(field: "title"))) }
        if title.count > LeadRules.maxTitle { errors.append(FieldError("title", .tooLong(field: "title", max: LeadRules.maxTitle))) }
        if on > today { errors.append(FieldError("on", .dateInFuture)) }
        if !Day.plausibleYears.contains(on.year) { errors.append(FieldError("on", .dateInvalid)) }
        if investorsMet.count > LeadRules.maxText || note.count > LeadRules.maxText { errors.append(FieldError("note", .tooLong(field: "note", max: LeadRules.maxText))) }
        let known = switch unit.kind {
        case .region: reference.region(unit.code) != nil
        case .zone: reference.zone(unit.code) != nil
        case .department: false
        }
        if !known { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(unit.text.prefix(40))))) }
        return errors
    }
}

/// The seeds' rhythm for one month (seed 000: "每月都要有新项目签约"; seed 001 §25: every district a
/// 招商 activity a month): each compared unit's activities and signings, and the units short of either.
public struct AttractionRhythm: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var unit: OrgUnit
        public var activities: Int
        public var signings: Int
        public var signedAmount: Money

        public var isShort: Bool { activities == 0 || signings == 0 }
    }

    public var month: Month
    public var lines: [Line]

    /// A unit's signings are those of its leads and of the units inside it (`Lead.isInside`).
    public init(month: Month, units: [OrgUnit], activities: [AttractionActivity], leads: [Lead], reference: ReferenceCatalog) {
        self.month = month
        lines = units.map { unit in
            let inside = Lead.inside(unit, reference: reference)
            let signed = leads.compactMap { lead in inside(lead) ? lead.signing : nil }.filter { Month($0.on) == month }
            return Line(unit: unit, activities: activities.filter { $0.unit == unit && Month($0.on) == month }.count, signings: signed.count,
                        signedAmount: signed.reduce(.zero) { $0 + $1.amount })
        }
    }

    public var short: [Line] { lines.filter(\.isShort) }
}
