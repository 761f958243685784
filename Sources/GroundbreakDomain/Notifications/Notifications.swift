import Foundation

/// What outbound webhooks can subscribe to. `*` subscribes to all.
public enum WebhookEventType: String, Sendable, CaseIterable, Codable {
    case problemRaised = "problem.raise"
    case problemAssigned = "problem.assign"
    case problemReplied = "problem.reply"
    case problemResolved = "problem.resolve"
    case problemClosed = "problem.closeOut"
    case problemReopened = "problem.reopen"
    case problemSuspended = "problem.suspend"
    case problemResumed = "problem.resume"
    case problemEscalated = "problem.escalate"
    case problemDueSoon = "problem.dueSoon"
    case problemOverdue = "problem.overdue"
    case supervisionCreated = "supervision.create"
    case supervisionFeedback = "supervision.feedback"
    case supervisionDone = "supervision.done"
    case supervisionClosed = "supervision.close"
    case supervisionReopened = "supervision.reopen"
    case supervisionUrged = "supervision.urge"
    case supervisionDueSoon = "supervision.dueSoon"
    case supervisionOverdue = "supervision.overdue"
    case minutesIssued = "meeting.minutes"

    public init(_ kind: ProblemEvent.Kind) {
        self = WebhookEventType(rawValue: "problem.\(kind.rawValue)")!
    }

    public init(_ kind: SupervisionEvent.Kind) {
        self = WebhookEventType(rawValue: "supervision.\(kind.rawValue)")!
    }
}

/// When a failed webhook delivery is tried again: after 1 minute, 5, 30, 2 hours, 12 hours; then
/// it is marked failed and stays in the log.
public enum RetryPolicy {
    public static let delays: [TimeInterval] = [60, 300, 1_800, 7_200, 43_200]

    /// The wait after the `attempts`-th failed attempt, or nil to give up.
    public static func delay(afterAttempts attempts: Int) -> TimeInterval? {
        attempts >= 1 && attempts <= delays.count ? delays[attempts - 1] : nil
    }
}

/// Which problems need a word on `today`: a reminder when the deadline is exactly `lead` working
/// days ahead (or fewer, for a deadline set closer than that and not yet reminded), an alert once
/// it has passed. Suspended and closed problems are left alone.
public enum ProblemReminders {
    public enum Kind: String, Sendable, Equatable {
        case dueSoon, overdue
    }

    public static func due(_ problems: [Problem], lead: Int, calendar: WorkingCalendar, today: Day) -> [(problem: Problem, kind: Kind)] {
        problems.compactMap { problem in
            guard [.assigned, .inProgress].contains(problem.status), let deadline = problem.deadline,
                  let kind = kind(deadline: deadline, lead: lead, calendar: calendar, today: today) else { return nil }
            return (problem, kind)
        }
    }

    /// For anything open with a deadline: overdue after it, due soon within `lead` working days of it.
    public static func kind(deadline: Day, lead: Int, calendar: WorkingCalendar, today: Day) -> Kind? {
        if today > deadline { return .overdue }
        return calendar.workingDays(after: today, through: deadline) <= lead ? .dueSoon : nil
    }
}
