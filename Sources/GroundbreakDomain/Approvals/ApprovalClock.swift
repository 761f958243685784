import Foundation

/// The clock of one approval item: how much of its limit is used, and by when it is due.
public struct ApprovalClockReading: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case notStarted, running, dueSoon, overdue, paused, doneOnTime, doneLate, rejected, notNeeded

        public var label: String { DomainText.clockState(self).zh }
        public var isOpenAndLate: Bool { self == .overdue }
    }

    public var state: State
    public var limit: Int
    public var unit: LimitUnit
    /// Days used, pauses excluded (nil before acceptance).
    public var elapsed: Int?
    public var remaining: Int?
    /// The last day to decide, pauses added (nil before acceptance).
    public var due: Day?
    /// Days excluded by pauses so far.
    public var pausedDays: Int
    /// The due date or count rests on a year whose holiday notice is not loaded.
    public var provisional: Bool
}

public enum ApprovalClock {
    /// Share of the limit after which an item is "due soon".
    public static let dueSoonShare = 0.8

    public static func read(_ approval: ProjectApproval, item: ApprovalItem, calendar: WorkingCalendar, today: Day) -> ApprovalClockReading {
        let unit = item.unit
        let limit = item.limit
        var reading = ApprovalClockReading(state: .notStarted, limit: limit, unit: unit, elapsed: nil, remaining: nil, due: nil, pausedDays: 0, provisional: false)
        switch approval.status {
        case .notNeeded:
            reading.state = .notNeeded
            return reading
        case .notStarted, .applied:
            return reading
        default:
            break
        }
        guard let accepted = approval.acceptedOn else { return reading }
        // Counting starts the day after acceptance, or on it for items that say so; an item
        // decided on the spot is due on the day it is accepted.
        let start = item.countsFromNextDay || unit == .immediate ? accepted : accepted.adding(days: -1)
        let end = approval.decidedOn ?? today
        let paused = pausedDays(approval.pauses, unit: unit, calendar: calendar, through: end)
        let elapsed = max(0, calendar.count(unit, after: start, through: end) - paused)
        let due = calendar.adding(limit + paused, unit, to: start)
        reading.elapsed = elapsed
        reading.remaining = max(0, limit - elapsed)
        reading.due = due.day
        reading.pausedDays = paused
        reading.provisional = due.provisional || (unit == .workingDays && calendar.isProvisional(from: start, through: end))
        // Past the due day is late even when no working day has passed since it (a weekend or a
        // holiday after a Friday deadline): "20 of 20" the day after the due date is not "due soon".
        let late = elapsed > limit || end > due.day
        switch approval.status {
        case .approved:
            reading.state = late ? .doneLate : .doneOnTime
        case .rejected:
            reading.state = .rejected
        case .paused:
            reading.state = .paused
        default:
            if late { reading.state = .overdue }
            else if limit == 0 || Double(elapsed) >= dueSoonShare * Double(limit) { reading.state = .dueSoon }
            else { reading.state = .running }
        }
        return reading
    }

    /// Days in `unit` covered by pauses, each from its first to its last day inclusive, up to `end`.
    static func pausedDays(_ pauses: [ApprovalPause], unit: LimitUnit, calendar: WorkingCalendar, through end: Day) -> Int {
        pauses.reduce(0) { total, pause in
            let last = min(pause.to ?? end, end)
            guard last >= pause.from else { return total }
            return total + calendar.count(unit == .immediate ? .calendarDays : unit, after: pause.from.adding(days: -1), through: last)
        }
    }

    /// A stage ends when its last parallel item is due: the latest due date, not the sum.
    public static func stageDue(_ readings: [ApprovalClockReading]) -> Day? {
        readings.compactMap(\.due).max()
    }
}
