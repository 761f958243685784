import Foundation

/// Something that happened to a problem; each is kept, dated, with who did it.
public enum ProblemEvent: Sendable, Equatable {
    case raise
    /// 分办 (or a new owner): the owner, the units that help, the deadline, the level it is handled at.
    case assign(owner: OrgUnit, support: [OrgUnit], deadline: Day, level: ProblemLevel)
    case reply(text: String)
    /// The owner says it is solved; the evidence is what the raiser checks.
    case resolve(evidence: String)
    /// 销号, by the raiser or the centre.
    case closeOut(note: String)
    case reopen(reason: String)
    case suspend(reason: String)
    case resume(note: String)
    /// 提级: one rung up, with the rung's owner and a new deadline.
    case escalate(reason: EscalationReason, note: String, owner: OrgUnit, level: ProblemLevel, deadline: Day)

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case raise, assign, reply, resolve, closeOut, reopen, suspend, resume, escalate

        public var label: String { ProblemText.event(self).zh }
    }

    public enum EscalationReason: String, Sendable, Codable, CaseIterable {
        /// Past its deadline (automatic, or the centre acting on it).
        case overdue
        /// The owner says it is beyond its power.
        case beyondPower
        /// The centre raises it for its own reasons.
        case centre

        public var label: String { ProblemText.escalationReason(self).zh }
    }

    public var kind: Kind {
        switch self {
        case .raise: .raise
        case .assign: .assign
        case .reply: .reply
        case .resolve: .resolve
        case .closeOut: .closeOut
        case .reopen: .reopen
        case .suspend: .suspend
        case .resume: .resume
        case .escalate: .escalate
        }
    }

    /// The text kept with the event.
    public var text: String {
        switch self {
        case .reply(let text), .resolve(let text), .closeOut(let text), .reopen(let text), .suspend(let text), .resume(let text): text
        case .escalate(let reason, let note, _, _, _): note.isEmpty ? reason.label : "\(reason.label)：\(note)"
        case .raise, .assign: ""
        }
    }
}

/// The rules of the workflow: which event may follow which state, and what each must carry.
public enum ProblemRules {
    public static let maxText = 2000

    static let allowedFrom: [ProblemEvent.Kind: Set<ProblemStatus>] = [
        .assign: [.raised, .assigned, .inProgress],
        .reply: [.assigned, .inProgress],
        .resolve: [.assigned, .inProgress],
        .closeOut: [.resolved],
        .reopen: [.resolved, .closed],
        .suspend: [.raised, .assigned, .inProgress],
        .resume: [.suspended],
        .escalate: [.assigned, .inProgress],
    ]

    /// Whether an event of `kind` can follow a problem in `status` at all: what a page offers.
    public static func allows(_ kind: ProblemEvent.Kind, from status: ProblemStatus) -> Bool {
        allowedFrom[kind]?.contains(status) ?? true
    }

    /// The problem after `event` on `today`, or every reason it is refused.
    public static func apply(_ event: ProblemEvent, to problem: Problem, today: Day) -> Result<Problem, ValidationFailure> {
        var next = problem
        var errors: [FieldError] = []
        func refuse(_ field: String, _ text: ProblemText) { errors.append(FieldError(field, .problem(text))) }
        if let allowed = allowedFrom[event.kind], !allowed.contains(problem.status) {
            return .failure(ValidationFailure([FieldError("event", .problem(.eventNotAllowed(event.kind, problem.status)))]))
        }
        let text = TextNormalizer.collapsedLine(event.text)
        if text.count > maxText { refuse("text", .textTooLong(max: maxText)) }
        switch event {
        case .raise:
            break
        case .assign(let owner, let support, let deadline, let level):
            if deadline < today { refuse("deadline", .deadlineInPast) }
            if support.contains(owner) { refuse("supportUnits", .ownerInSupport) }
            next.owner = owner
            next.supportUnits = support
            next.deadline = deadline
            next.level = level
            next.status = .assigned
        case .reply:
            if text.isEmpty { refuse("text", .textRequired(.reply)) }
            next.status = .inProgress
        case .resolve:
            if text.isEmpty { refuse("text", .textRequired(.resolve)) }
            next.status = .resolved
            next.resolvedOn = today
        case .closeOut:
            next.status = .closed
            next.closedOn = today
        case .reopen(let reason):
            if reason.trimmingCharacters(in: .whitespaces).isEmpty { refuse("text", .textRequired(.reopen)) }
            next.status = .inProgress
            next.resolvedOn = nil
            next.closedOn = nil
            next.statusNote = text
        case .suspend(let reason):
            if reason.trimmingCharacters(in: .whitespaces).isEmpty { refuse("text", .textRequired(.suspend)) }
            next.suspendedFrom = problem.status
            next.status = .suspended
            next.statusNote = text
        case .resume:
            next.status = problem.suspendedFrom ?? .assigned
            next.suspendedFrom = nil
            next.statusNote = ""
        case .escalate(let reason, _, let owner, let level, let deadline):
            if level <= problem.level { refuse("level", .topOfLadder) }
            if reason == .overdue && !problem.isOverdue(on: today) { refuse("event", .notOverdue) }
            next.level = level
            next.owner = owner
            // The owner it leaves keeps helping (and seeing it); the new owner is not its own helper.
            var helpers = problem.supportUnits
            if let previous = problem.owner, !helpers.contains(previous) { helpers.append(previous) }
            next.supportUnits = helpers.filter { $0 != owner }
            next.deadline = deadline
            next.status = .assigned
            next.escalations += 1
            next.statusNote = text
        }
        return errors.isEmpty ? .success(next) : .failure(ValidationFailure(errors))
    }

    /// The escalation one rung up the ladder from where `problem` stands: the rung's owner and a
    /// deadline that many working days from today.
    public static func escalation(of problem: Problem, reason: ProblemEvent.EscalationReason, note: String, settings: ProblemSettings,
                                  calendar: WorkingCalendar, today: Day) -> Result<ProblemEvent, ValidationFailure> {
        guard let rung = settings.rung(above: problem.level) else {
            return .failure(ValidationFailure([FieldError("level", .problem(.topOfLadder))]))
        }
        guard let owner = settings.owner(of: rung, for: problem) else {
            return .failure(ValidationFailure([FieldError("owner", .problem(.ownerRequired))]))
        }
        let deadline = calendar.addingWorkingDays(rung.deadlineWorkingDays, to: today).day
        return .success(.escalate(reason: reason, note: note, owner: owner, level: rung.level, deadline: deadline))
    }

    /// The deadline a first assignment at `level` gets when the centre does not choose one.
    public static func defaultDeadline(level: ProblemLevel, settings: ProblemSettings, calendar: WorkingCalendar, today: Day) -> Day {
        calendar.addingWorkingDays(settings.rung(level)?.deadlineWorkingDays ?? 10, to: today).day
    }
}
