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
    /// The same exceptions by day ordinal (whether it is worked), and those ordinals in order:
    /// approval clocks count working days over months for every item of a province, so a span is
    /// counted by whole weeks and only its exceptions are looked at.
    private let worked: [Int: Bool]
    private let exceptionOrdinals: [Int]
    /// The loaded years as ordinal spans.
    private let loadedSpans: [ClosedRange<Int>]

    public init(years: Set<Int>, exceptions: [CalendarException]) {
        self.years = years
        let byDay = Dictionary(exceptions.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        self.exceptions = byDay
        worked = Dictionary(uniqueKeysWithValues: byDay.map { ($0.key.ordinal, $0.value.kind == .workday) })
        exceptionOrdinals = worked.keys.sorted()
        loadedSpans = years.sorted().compactMap { year in
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return nil }
            return first.ordinal...last.ordinal
        }
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
        isWorkingDay(ordinal: day.ordinal)
    }

    private func isWorkingDay(ordinal: Int) -> Bool {
        worked[ordinal] ?? (Day.weekday(ordinal: ordinal) <= 5)
    }

    private func isProvisional(ordinal: Int) -> Bool {
        !loadedSpans.contains { $0.contains(ordinal) }
    }

    /// The `count`-th working day after `day` (the day itself is not counted); with a negative
    /// count, the `-count`-th working day before it.
    public func addingWorkingDays(_ count: Int, to day: Day) -> CalendarResult {
        var current = day.ordinal
        var remaining = abs(count)
        var provisional = false
        let step = count >= 0 ? 1 : -1
        while remaining > 0 {
            current += step
            if !provisional && isProvisional(ordinal: current) { provisional = true }
            if isWorkingDay(ordinal: current) { remaining -= 1 }
        }
        return CalendarResult(day: Day(ordinal: current), provisional: provisional)
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`):
    /// Monday to Friday counted by whole weeks, then each exception in the span that moves a day.
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard end > start else { return 0 }
        let first = start.ordinal + 1, last = end.ordinal
        let weeks = (last - first + 1) / 7
        var count = weeks * 5
        var ordinal = first + weeks * 7
        while ordinal <= last {
            if Day.weekday(ordinal: ordinal) <= 5 { count += 1 }
            ordinal += 1
        }
        var index = exceptionOrdinals.partitioningIndex { $0 >= first }
        while index < exceptionOrdinals.count, exceptionOrdinals[index] <= last {
            let day = exceptionOrdinals[index]
            let weekday = Day.weekday(ordinal: day) <= 5
            if let worked = worked[day], worked != weekday { count += worked ? 1 : -1 }
            index += 1
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


/// Two calendars are the same when they load the same years with the same exceptions (what a
/// figure kept for one calendar is checked against).
extension WorkingCalendar: Equatable {
    public static func == (left: WorkingCalendar, right: WorkingCalendar) -> Bool {
        left.years == right.years && left.exceptions == right.exceptions
    }
}
