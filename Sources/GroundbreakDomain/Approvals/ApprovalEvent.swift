import Foundation

/// Something that happened to an approval item. Every event is kept with who recorded it and
/// why; dates and pauses change only through events.
public enum ApprovalEvent: Sendable, Equatable {
    case apply(on: Day)
    case accept(on: Day)
    /// 容缺受理: what is missing and by when it must be supplied.
    case acceptWithDeficiency(on: Day, supplementDue: Day, missing: String)
    case supplementReceived(on: Day)
    /// 告知承诺.
    case acceptByCommitment(on: Day)
    /// Stops the clock from `from` (补正, 专家评审, 听证 …).
    case pause(from: Day, reason: String)
    /// Restarts the clock on `on`; the pause covered the days before it.
    case resume(on: Day)
    case approve(on: Day, documentNumber: String)
    case reject(on: Day, reason: String)
    case notNeeded(reason: String)
    /// Corrects recorded dates; always with a reason.
    case correct(appliedOn: Day?, acceptedOn: Day?, decidedOn: Day?, reason: String)

    public enum Kind: String, Sendable, CaseIterable {
        case apply, accept, acceptWithDeficiency, supplementReceived, acceptByCommitment, pause, resume, approve, reject, notNeeded, correct

        public var label: String { DomainText.approvalEvent(self).zh }
    }

    public var kind: Kind {
        switch self {
        case .apply: .apply
        case .accept: .accept
        case .acceptWithDeficiency: .acceptWithDeficiency
        case .supplementReceived: .supplementReceived
        case .acceptByCommitment: .acceptByCommitment
        case .pause: .pause
        case .resume: .resume
        case .approve: .approve
        case .reject: .reject
        case .notNeeded: .notNeeded
        case .correct: .correct
        }
    }

    /// The reason recorded with the event, where it has one.
    public var reason: String {
        switch self {
        case .pause(_, let reason), .reject(_, let reason), .notNeeded(let reason), .correct(_, _, _, let reason): reason
        case .acceptWithDeficiency(_, _, let missing): missing
        case .approve(_, let number): number
        default: ""
        }
    }
}

/// The rules of approval events: which may follow which, and what they must carry.
public enum ApprovalRules {
    public static func apply(_ event: ApprovalEvent, to approval: ProjectApproval, today: Day) -> Result<ProjectApproval, ValidationFailure> {
        var next = approval
        var errors: [FieldError] = []
        func notFuture(_ day: Day, _ field: String) { if day > today { errors.append(FieldError(field, .dateInFuture)) } }
        func need(_ text: String, _ field: String) { if text.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(field, .required(field: field))) } }
        func allowed(_ statuses: Set<ApprovalStatus>) -> Bool {
            guard statuses.contains(approval.status) else {
                errors.append(FieldError("kind", .approvalEventNotAllowed(event.kind, approval.status)))
                return false
            }
            return true
        }
        let running: Set<ApprovalStatus> = [.accepted, .acceptedWithDeficiency, .byCommitment]
        switch event {
        case .apply(let day):
            if allowed([.notStarted]) { notFuture(day, "on"); next.status = .applied; next.appliedOn = day }
        case .accept(let day), .acceptByCommitment(let day):
            if allowed([.notStarted, .applied]) {
                notFuture(day, "on")
                if let applied = approval.appliedOn, day < applied { errors.append(FieldError("on", .dateBeforeApplication)) }
                next.status = event.kind == .accept ? .accepted : .byCommitment
                next.acceptedOn = day
                next.appliedOn = approval.appliedOn ?? day
            }
        case .acceptWithDeficiency(let day, let due, let missing):
            if allowed([.notStarted, .applied]) {
                notFuture(day, "on")
                need(missing, "missingMaterials")
                if due < day { errors.append(FieldError("supplementDue", .dateBeforeAcceptance)) }
                next.status = .acceptedWithDeficiency
                next.acceptedOn = day
                next.appliedOn = approval.appliedOn ?? day
                next.supplementDue = due
                next.missingMaterials = TextNormalizer.collapsedLine(missing)
            }
        case .supplementReceived(let day):
            if allowed([.acceptedWithDeficiency]) {
                notFuture(day, "on")
                next.status = .accepted
                next.supplementDue = nil
            }
        case .pause(let from, let reason):
            if allowed(running) {
                notFuture(from, "on")
                need(reason, "reason")
                if let accepted = approval.acceptedOn, from <= accepted { errors.append(FieldError("on", .dateBeforeAcceptance)) }
                next.statusBeforePause = approval.status
                next.status = .paused
                next.pauses.append(ApprovalPause(reason: TextNormalizer.collapsedLine(reason), from: from))
            }
        case .resume(let day):
            if allowed([.paused]), let open = approval.pauses.indices.last {
                notFuture(day, "on")
                if day <= approval.pauses[open].from { errors.append(FieldError("on", .dateBeforePause)) }
                next.pauses[open].to = day.adding(days: -1)
                next.status = approval.statusBeforePause ?? .accepted
                next.statusBeforePause = nil
            }
        case .approve(let day, let number):
            if allowed(running) {
                notFuture(day, "on")
                need(number, "documentNumber")
                if let accepted = approval.acceptedOn, day < accepted { errors.append(FieldError("on", .dateBeforeAcceptance)) }
                next.status = .approved
                next.decidedOn = day
                next.documentNumber = TextNormalizer.collapsedLine(number)
            }
        case .reject(let day, let reason):
            if allowed(running.union([.paused])) {
                notFuture(day, "on")
                need(reason, "reason")
                next.status = .rejected
                next.decidedOn = day
                if let open = next.pauses.indices.last, next.pauses[open].to == nil { next.pauses[open].to = day }
            }
        case .notNeeded(let reason):
            if allowed([.notStarted, .applied]) {
                need(reason, "reason")
                next.status = .notNeeded
            }
        case .correct(let applied, let accepted, let decided, let reason):
            need(reason, "reason")
            if let applied { notFuture(applied, "appliedOn"); next.appliedOn = applied }
            if let accepted {
                notFuture(accepted, "acceptedOn")
                if approval.acceptedOn == nil { errors.append(FieldError("acceptedOn", .approvalEventNotAllowed(.correct, approval.status))) }
                next.acceptedOn = accepted
            }
            if let decided {
                notFuture(decided, "decidedOn")
                if approval.decidedOn == nil { errors.append(FieldError("decidedOn", .approvalEventNotAllowed(.correct, approval.status))) }
                next.decidedOn = decided
            }
            if let a = next.appliedOn, let b = next.acceptedOn, b < a { errors.append(FieldError("acceptedOn", .dateBeforeApplication)) }
            if let b = next.acceptedOn, let c = next.decidedOn, c < b { errors.append(FieldError("decidedOn", .dateBeforeAcceptance)) }
        }
        return errors.isEmpty ? .success(next) : .failure(ValidationFailure(errors))
    }
}
