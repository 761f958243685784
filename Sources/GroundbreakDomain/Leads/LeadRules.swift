import Foundation

/// What may be done to a lead, checked before anything is kept.
public enum LeadAction: Sendable, Equatable {
    /// Forward to a later stage (skipping is allowed: a contact can end in a signing); moving into
    /// the signing stage records the signing, into the registration stage the credit code.
    case advance(to: String, on: Day, note: String, signing: LeadSigning?, creditCode: String?)
    case visit(LeadEvent.Direction, on: Day, note: String)
    case note(on: Day, note: String)
    case shelve(on: Day, reason: String)
    case lose(on: Day, reason: String)
    case reopen(on: Day, note: String)

    public var day: Day {
        switch self {
        case .advance(_, let on, _, _, _), .visit(_, let on, _), .note(let on, _), .shelve(let on, _), .lose(let on, _), .reopen(let on, _): on
        }
    }
}

public enum LeadRules {
    public static let maxTitle = 200
    public static let maxText = 2_000
    public static let maxName = 100

    /// What is wrong with a new lead: no title or investor, a kind of money or channel unknown,
    /// a unit that is not a district or zone of the catalogue, a credit code that does not check.
    public static func problems(_ lead: Lead, leads catalog: LeadCatalog, reference: ReferenceCatalog, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        let title = TextNormalizer.collapsedLine(lead.title)
        if title.isEmpty { errors.append(FieldError("title", .required(field: "title"))) }
        if title.count > maxTitle { errors.append(FieldError("title", .tooLong(field: "title", max: maxTitle))) }
        let investor = TextNormalizer.collapsedLine(lead.investor.name)
        if investor.isEmpty { errors.append(FieldError("investor", .required(field: "investor"))) }
        if investor.count > maxName || lead.investor.homeRegion.count > maxName || lead.handlerName.count > maxName {
            errors.append(FieldError("investor", .tooLong(field: "investor", max: maxName)))
        }
        if let code = lead.investor.creditCode, case .failure(let error) = CreditCode.parse(code) {
            errors.append(FieldError("creditCode", .creditCode(error)))
        }
        if lead.intendedInvestment < .zero { errors.append(FieldError("intendedInvestment", .amountNotPositive(field: "intendedInvestment"))) }
        if catalog.channels.first(where: { $0.code == lead.channelCode }) == nil {
            errors.append(FieldError("channel", .unknownCode(field: "channel", code: String(lead.channelCode.prefix(20)))))
        }
        let knownUnit = switch lead.unit.kind {
        case .region: reference.region(lead.unit.code) != nil
        case .zone: reference.zone(lead.unit.code) != nil
        case .department: false
        }
        if !knownUnit { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(lead.unit.text.prefix(40))))) }
        if let division = lead.industryDivision, !division.isEmpty, !reference.divisions.contains(where: { $0.code == division }) {
            errors.append(FieldError("industry", .unknownCode(field: "industry", code: String(division.prefix(10)))))
        }
        if lead.createdOn > today { errors.append(FieldError("createdOn", .dateInFuture)) }
        if !Day.plausibleYears.contains(lead.createdOn.year) { errors.append(FieldError("createdOn", .dateInvalid)) }
        if catalog.index(lead.stageCode) == nil { errors.append(FieldError("stage", .unknownCode(field: "stage", code: String(lead.stageCode.prefix(20))))) }
        return errors
    }

    /// The regions whose schemes' classes a lead of `unit` may belong to: its district and the
    /// regions above it (a zone, in no district, the city's), so a city scheme's class serves any lead.
    public static func schemeRegions(of unit: OrgUnit, reference: ReferenceCatalog) -> Set<String> {
        var code: String? = switch unit.kind {
        case .region: unit.code
        case .zone: reference.zone(unit.code) == nil ? nil : reference.regions.first { $0.kind == .city }?.code
        case .department: nil
        }
        var regions: Set<String> = []
        while let current = code, let region = reference.region(current), !regions.contains(current) {
            regions.insert(current)
            code = region.parentCode
        }
        return regions
    }

    /// The lead after `action` and the event that records it, or every reason it cannot be done.
    public static func apply(_ action: LeadAction, to lead: Lead, catalog: LeadCatalog, actor: String, today: Day) -> Result<(Lead, LeadEvent), ValidationFailure> {
        var errors: [FieldError] = []
        let day = action.day
        if day > today { errors.append(FieldError("on", .dateInFuture)) }
        if day < lead.createdOn { errors.append(FieldError("on", .fixed(LeadText.beforeCreated(lead.createdOn)))) }
        var next = lead
        var event = LeadEvent(leadId: lead.id, kind: .note, stageCode: lead.stageCode, on: day, actorName: actor)
        func text(_ value: String, required: Bool) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && trimmed.isEmpty { errors.append(FieldError("note", .required(field: "note"))) }
            if trimmed.count > maxText { errors.append(FieldError("note", .tooLong(field: "note", max: maxText))) }
            return trimmed
        }
        switch action {
        case .advance(let stage, _, let note, let signing, let creditCode):
            guard lead.status == .active else { return .failure(ValidationFailure([FieldError("stage", .fixed(LeadText.notActive(lead.status)))])) }
            guard let from = catalog.index(lead.stageCode), let to = catalog.index(stage) else {
                return .failure(ValidationFailure([FieldError("stage", .unknownCode(field: "stage", code: String(stage.prefix(20))))]))
            }
            if to <= from { errors.append(FieldError("stage", .fixed(LeadText.notForward(catalog.stageName(lead.stageCode))))) }
            event.note = text(note, required: false)
            // A stage passed over that records something must record it now.
            let passed = to > from ? catalog.stages[(from + 1)...to].compactMap(\.records) : []
            if passed.contains("signing") {
                if let signing {
                    if signing.amount <= .zero { errors.append(FieldError("signingAmount", .amountNotPositive(field: "signingAmount"))) }
                    if signing.on > today || signing.on < lead.createdOn { errors.append(FieldError("signedOn", .dateInvalid)) }
                    next.signing = signing
                } else {
                    errors.append(FieldError("signingAmount", .fixed(LeadText.signingRequired)))
                }
            }
            if passed.contains("registration") {
                switch creditCode.map(CreditCode.parse) {
                case .success(let code)?: next.registeredCreditCode = code.value
                case .failure(let error)?: errors.append(FieldError("registeredCreditCode", .creditCode(error)))
                case nil: errors.append(FieldError("registeredCreditCode", .fixed(LeadText.creditCodeRequired)))
                }
            }
            next.stageCode = stage
            next.stageSince = day
            next.assessedOn = lead.assessedOn ?? day
            event.kind = .advanced
            event.stageCode = stage
        case .visit(let direction, _, let note):
            event.kind = .visit
            event.direction = direction
            event.note = text(note, required: true)
        case .note(_, let note):
            event.note = text(note, required: true)
        case .shelve(_, let reason), .lose(_, let reason):
            guard lead.status == .active else { return .failure(ValidationFailure([FieldError("note", .fixed(LeadText.notActive(lead.status)))])) }
            let lost: Bool = if case .lose = action { true } else { false }
            next.status = lost ? .lost : .shelved
            next.statusReason = text(reason, required: true)
            next.assessedOn = lead.assessedOn ?? day
            event.kind = lost ? .lost : .shelved
            event.note = next.statusReason
        case .reopen(_, let note):
            guard lead.status != .active else { return .failure(ValidationFailure([FieldError("note", .fixed(LeadText.alreadyActive))])) }
            next.status = .active
            next.statusReason = ""
            event.kind = .reopened
            event.note = text(note, required: true)
        }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        next.firstActionOn = lead.firstActionOn ?? day
        next.lastActivityOn = max(lead.lastActivityOn, day)
        return .success((next, event))
    }
}
