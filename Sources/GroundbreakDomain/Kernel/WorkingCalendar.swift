import Foundation

/// One dated exception to the Monday–Friday week, from the State Council holiday notice.
public struct CalendarException: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// A rest day even though it is Monday–Friday.
        case holiday
        /// A make-up working day (调休上班) even though it is a weekend.
        case workday
    }

    public var day: Day
    public var kind: Kind
    public var festival: String
    public var statutory: Bool

    public init(day: Day, kind: Kind, festival: String, statutory: Bool = false) {
        self.day = day
        self.kind = kind
        self.festival = festival
        self.statutory = statutory
    }
}

/// Working days as the State Council notices define them, for the years whose notice is loaded.
/// A day in any other year falls back to Monday–Friday and is marked provisional wherever it
/// shows, because the real notice may move it.
public struct WorkingCalendar: Sendable {
    public let years: Set<Int>
    private let exceptions: [Day: CalendarException]

    public init(years: Set<Int>, exceptions: [CalendarException]) {
        self.years = years
        self.exceptions = Dictionary(exceptions.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var lastLoadedYear: Int? { years.max() }

    /// Whether the answer for this day rests on a loaded notice.
    public func isProvisional(_ day: Day) -> Bool {
        !years.contains(day.year)
    }

    public func exception(on day: Day) -> CalendarException? {
        exceptions[day]
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        if let exception = exceptions[day] { return exception.kind == .workday }
        return day.weekday <= 5
    }

    /// The `count`-th working day after `day` (the day itself is not counted); with a negative
    /// count, the `-count`-th working day before it.
    public func addingWorkingDays(_ count: Int, to day: Day) -> CalendarResult {
        var current = day
        var remaining = abs(count)
        var provisional = false
        let step = count >= 0 ? 1 : -1
        while remaining > 0 {
            current = current.adding(days: step)
            if isProvisional(current) { provisional = true }
            if isWorkingDay(current) { remaining -= 1 }
        }
        return CalendarResult(day: current, provisional: provisional)
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`).
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var current = start.adding(days: 1)
        while current <= end {
            if isWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }

    /// Whether any day in the span depends on a year without a loaded notice.
    public func isProvisional(from start: Day, through end: Day) -> Bool {
        (min(start.year, end.year)...max(start.year, end.year)).contains { !years.contains($0) }
    }
}

/// A computed day, with whether it rests on an unloaded year.
public struct CalendarResult: Sendable, Equatable {
    public var day: Day
    public var provisional: Bool

    public init(day: Day, provisional: Bool) {
        self.day = day
        self.provisional = provisional
    }
}

/// Units in which an approval's time limit is set.
public enum LimitUnit: String, Sendable, Codable, CaseIterable {
    /// 工作日: counted on the working-day calendar.
    case workingDays
    /// 日: calendar days.
    case calendarDays
    /// 即时: decided on the spot.
    case immediate

    public var label: String { DomainText.limitUnit(self).zh }
}

extension WorkingCalendar {
    /// Adds `count` days in `unit` to `day`.
    public func adding(_ count: Int, _ unit: LimitUnit, to day: Day) -> CalendarResult {
        switch unit {
        case .workingDays: addingWorkingDays(count, to: day)
        case .calendarDays, .immediate: CalendarResult(day: day.adding(days: unit == .immediate ? 0 : count), provisional: false)
        }
    }

    /// Days in `unit` after `start` through `end`.
    public func count(_ unit: LimitUnit, after start: Day, through end: Day) -> Int {
        switch unit {
        case .workingDays: workingDays(after: start, through: end)
        case .calendarDays, .immediate: max(0, start.days(until: end))
        }
    }
}
