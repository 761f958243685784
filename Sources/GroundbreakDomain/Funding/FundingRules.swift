import Foundation

/// What may be kept for an application and how it moves. Every refusal names the field and says
/// why in words; nothing is half-applied.
public enum FundingRules {
    /// Everything wrong with a new application, against the catalogue and the reference units.
    public static func problems(_ draft: FundingApplication, catalog: FundingCatalog, reference: ReferenceCatalog, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if draft.title.isEmpty { errors.append(FieldError("title", .required(field: "title"))) }
        if draft.title.count > 200 { errors.append(FieldError("title", .tooLong(field: "title", max: 200))) }
        if draft.handlerName.count > 60 { errors.append(FieldError("handlerName", .tooLong(field: "handlerName", max: 60))) }
        if let channel = catalog.channel(draft.channelCode) {
            if channel.programmes.isEmpty, !draft.programme.isEmpty {
                errors.append(FieldError("programme", .fixed(FundingText.noProgrammes(channel.name))))
            } else if !channel.programmes.isEmpty, !channel.programmes.contains(draft.programme) {
                errors.append(FieldError("programme", draft.programme.isEmpty ? .required(field: "programme") : .unknownCode(field: "programme", code: String(draft.programme.prefix(40)))))
            }
        } else {
            errors.append(FieldError("channel", draft.channelCode.isEmpty ? .required(field: "channel") : .unknownCode(field: "channel", code: String(draft.channelCode.prefix(40)))))
        }
        if !reference.knows(draft.unit) { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(draft.unit.text.prefix(40))))) }
        if draft.projects.isEmpty { errors.append(FieldError("projects", .fixed(FundingText.noProjects))) }
        if Set(draft.projects.map(\.projectId)).count != draft.projects.count { errors.append(FieldError("projects", .fixed(FundingText.projectTwice))) }
        for project in draft.projects where project.asked.yuan <= 0 || project.asked > Money.maximum {
            errors.append(FieldError("asked", project.asked.yuan <= 0 ? .amountNotPositive(field: "asked") : .fixed(FundingText.amountTooLarge)))
        }
        if draft.createdOn > today { errors.append(FieldError("createdOn", .dateInFuture)) }
        return errors
    }


    /// The kinds of event that may be recorded on an application in `state`.
    /// The projects, amounts asked, title, 专项 and batch may still be changed: before a decision.
    public static func revisable(_ state: FundingState) -> Bool { [.planning, .applied, .reviewing].contains(state) }

    public static func allowed(in state: FundingState) -> [FundingEvent.Kind] {
        switch state {
        case .planning: [.submitted, .note]
        case .applied: [.reviewing, .selected, .rejected, .note]
        case .reviewing: [.selected, .rejected, .note]
        case .selected: [.issued, .note]
        case .rejected: [.note]
        case .issued: [.issued, .arrived, .note]
        case .arrived, .spending: [.issued, .arrived, .spent, .note]
        }
    }

    /// The application after `event`, or every reason it cannot be recorded.
    public static func apply(_ event: FundingEvent, to current: FundingApplication, today: Day) -> Result<FundingApplication, ValidationFailure> {
        var errors: [FieldError] = []
        let kind = event.kind
        if kind == .created || !allowed(in: current.state).contains(kind) {
            return .failure(ValidationFailure([FieldError("kind", .fixed(FundingText.notNow(kind, current.state)))]))
        }
        if event.on > today { errors.append(FieldError("on", .dateInFuture)) }
        let earliest = earliestDay(for: kind, in: current)
        if event.on < earliest { errors.append(FieldError("on", .fixed(FundingText.before(earliest)))) }
        if kind.isMoney {
            if let amount = event.amount, amount.yuan > 0, amount <= Money.maximum {
                if let ceiling = ceiling(for: kind, in: current), current.total(kind) + amount > ceiling.amount {
                    errors.append(FieldError("amount", .fixed(FundingText.above(kind, ceiling.of, ceiling.amount, recorded: current.total(kind)))))
                }
            } else {
                errors.append(FieldError("amount", event.amount == nil ? .required(field: "amount") : .amountNotPositive(field: "amount")))
            }
        }
        if (kind == .rejected || kind == .note) && event.note.isEmpty { errors.append(FieldError("note", .required(field: "note"))) }
        if event.note.count > 1000 { errors.append(FieldError("note", .tooLong(field: "note", max: 1000))) }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        var next = current
        let moved: FundingState? = switch kind {
        case .submitted: .applied
        case .reviewing: .reviewing
        case .selected: .selected
        case .rejected: .rejected
        case .issued: current.state == .selected ? .issued : nil
        case .arrived: current.state == .issued ? .arrived : nil
        case .spent: current.state == .spending ? nil : .spending
        case .created, .note: nil
        }
        if let moved {
            next.state = moved
            next.stateSince = event.on
        }
        if kind == .submitted { next.submittedOn = event.on }
        if kind == .selected { next.approved = event.amount }
        next.events.append(event)
        return .success(next)
    }

    /// An event cannot be dated before what it follows: the application's own day, the last move,
    /// and for money the first 入选, 下达 or 到位 it comes from.
    static func earliestDay(for kind: FundingEvent.Kind, in application: FundingApplication) -> Day {
        let follows: Day? = switch kind {
        case .issued: application.first(.selected)
        case .arrived: application.first(.issued)
        case .spent: application.first(.arrived)
        case .note: application.createdOn
        default: application.stateSince
        }
        return max(application.createdOn, follows ?? application.createdOn)
    }

    /// Money never runs ahead of where it comes from: 入选 within what was asked, 下达 within 入选,
    /// 到位 within 下达, 支出 within 到位.
    static func ceiling(for kind: FundingEvent.Kind, in application: FundingApplication) -> (of: FundingEvent.Kind, amount: Money)? {
        switch kind {
        case .selected: (.created, application.asked)
        case .issued: application.approved.map { (.selected, $0) }
        case .arrived: (.issued, application.issued)
        case .spent: (.arrived, application.arrived)
        default: nil
        }
    }
}
