import Foundation

/// Where the month stands in the problem cycle of seed 001 §32: units report their problem lists
/// by the 10th, the centre assigns them by the 15th, what needs the city goes to the joint meeting
/// by the 25th; the rest of the month is following up.
public struct ProblemCycle: Sendable, Equatable {
    public enum Phase: String, Sendable, CaseIterable {
        case reporting, assigning, jointMeeting, following

        public var label: String { ProblemText.cyclePhase(self).zh }
    }

    public var month: Month
    public var phase: Phase
    public var reportBy: Day
    public var assignBy: Day
    public var jointMeetingBy: Day

    public init(today: Day, cycle: ProblemSettings.Cycle) {
        month = Month(today)
        let last = month.lastDay.day
        func day(_ number: Int) -> Day { Day(year: today.year, month: today.month, day: min(max(number, 1), last))! }
        reportBy = day(cycle.reportBy)
        assignBy = day(cycle.assignBy)
        jointMeetingBy = day(cycle.jointMeetingBy)
        phase = today <= reportBy ? .reporting : today <= assignBy ? .assigning : today <= jointMeetingBy ? .jointMeeting : .following
    }

    /// The day the current phase ends (the next deadline), nil when only following up is left.
    public var phaseEnds: Day? {
        switch phase {
        case .reporting: reportBy
        case .assigning: assignBy
        case .jointMeeting: jointMeetingBy
        case .following: nil
        }
    }
}

/// The figures of a set of problems that assessment reads: how many are solved, how fast, and who
/// lets them run late.
public struct ProblemFigures: Sendable, Equatable {
    public var total: Int
    public var open: Int
    public var overdue: Int
    public var escalated: Int
    public var closedThisMonth: Int
    /// Closed out of all raised; nil when there are none.
    public var resolutionRate: Double?
    /// Median calendar days from raising to closing out, over closed problems.
    public var medianDaysToClose: Int?
    /// Overdue open problems by owner unit, most first.
    public var overdueByOwner: [(owner: OrgUnit, count: Int)]

    public init(_ problems: [Problem], today: Day) {
        total = problems.count
        open = problems.filter(\.status.isOpen).count
        overdue = problems.filter { $0.isOverdue(on: today) }.count
        escalated = problems.filter { $0.escalations > 0 }.count
        let month = Month(today)
        closedThisMonth = problems.filter { $0.closedOn.map(Month.init) == month }.count
        let closed = problems.filter { $0.status == .closed }
        resolutionRate = total == 0 ? nil : Double(closed.count) / Double(total)
        let days = closed.compactMap { problem in problem.closedOn.map { $0.ordinal - problem.raisedOn.ordinal } }.sorted()
        medianDaysToClose = days.isEmpty ? nil : days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
        var byOwner: [OrgUnit: Int] = [:]
        for problem in problems where problem.isOverdue(on: today) {
            if let owner = problem.owner { byOwner[owner, default: 0] += 1 }
        }
        overdueByOwner = byOwner.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.owner.code < $1.owner.code }
    }

    public static func == (lhs: ProblemFigures, rhs: ProblemFigures) -> Bool {
        lhs.total == rhs.total && lhs.open == rhs.open && lhs.overdue == rhs.overdue && lhs.escalated == rhs.escalated
            && lhs.closedThisMonth == rhs.closedThisMonth && lhs.resolutionRate == rhs.resolutionRate && lhs.medianDaysToClose == rhs.medianDaysToClose
            && lhs.overdueByOwner.map(\.owner) == rhs.overdueByOwner.map(\.owner) && lhs.overdueByOwner.map(\.count) == rhs.overdueByOwner.map(\.count)
    }
}
