import GroundbreakDomain
import Testing

/// Working days are counted by whole weeks and the exceptions in the span; stepping day by day,
/// as the calendar did before, must give the same answers.
@Suite("Working calendar: counting by weeks and exceptions agrees with stepping day by day")
struct WorkingCalendarCountingTests {
    @Test("random calendars and spans: working days, adding and subtracting, provisional days")
    func agreesWithStepping() {
        var generator = SystemRandomNumberGenerator()
        let base = Day(year: 2024, month: 1, day: 1)!
        for _ in 0..<60 {
            var exceptions: [CalendarException] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let day = base.adding(days: Int.random(in: 0..<(4 * 366), using: &generator))
                exceptions.append(CalendarException(day: day, kind: Bool.random(using: &generator) ? .holiday : .workday, festival: "测试"))
            }
            let years = Set([2024, 2025, 2026].filter { _ in Bool.random(using: &generator) })
            let calendar = WorkingCalendar(years: years, exceptions: exceptions)
            // The last exception given for a day is the one that holds.
            let kinds = Dictionary(exceptions.map { ($0.day, $0.kind) }, uniquingKeysWith: { _, last in last })
            func worked(_ day: Day) -> Bool { kinds[day].map { $0 == .workday } ?? (day.weekday <= 5) }
            for _ in 0..<60 {
                let start = base.adding(days: Int.random(in: -20..<(4 * 366), using: &generator))
                let end = start.adding(days: Int.random(in: -10...400, using: &generator))
                var stepped = 0
                var day = start.adding(days: 1)
                while day <= end {
                    if worked(day) { stepped += 1 }
                    day = day.adding(days: 1)
                }
                #expect(calendar.workingDays(after: start, through: end) == stepped, "\(start.iso)–\(end.iso)")

                let count = Int.random(in: -60...120, using: &generator)
                var current = start, remaining = abs(count), provisional = false
                while remaining > 0 {
                    current = current.adding(days: count > 0 ? 1 : -1)
                    if !years.contains(current.year) { provisional = true }
                    if worked(current) { remaining -= 1 }
                }
                let added = calendar.addingWorkingDays(count, to: start)
                #expect(added.day == current && added.provisional == provisional, "\(count) from \(start.iso)")
                #expect(calendar.isWorkingDay(start) == worked(start))
            }
        }
    }
}
