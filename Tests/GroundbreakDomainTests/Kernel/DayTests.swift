import Foundation
import GroundbreakDomain
import Testing

@Suite("Days")
struct DayTests {
    @Test("the ways people type a date", arguments: ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "20260305", "２０２６－０３－０５", " 2026-3-5 "])
    func parses(text: String) {
        #expect(Day.parse(text) == Day(year: 2026, month: 3, day: 5))
    }

    @Test("every day is written YYYY-MM-DD, zero-padded, and reads back as itself")
    func writtenAsIso() {
        var day = Day(year: 1900, month: 1, day: 1)!
        let last = Day(year: 2200, month: 12, day: 31)!
        while day <= last {
            #expect(day.iso == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
            #expect(Day.parse(day.iso) == day)
            day = day.adding(days: 37)
        }
    }

    @Test("impossible dates are refused", arguments: ["2026-02-29", "2026-13-01", "2026-04-31", "26-3-5", "2026-3", "明天", "", "2026-03-05T10:00", "2026-0a-05", "+026-03-05", "2026-03- 5"])
    func refuses(text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test("leap years, arithmetic and weekdays")
    func arithmetic() throws {
        #expect(Day.parse("2024-02-29") != nil)
        #expect(Day.parse("2100-02-29") == nil)
        #expect(Day.parse("2000-02-29") != nil)
        let day = try #require(Day(year: 2026, month: 11, day: 23))
        #expect(day.weekday == 1, "2026-11-23 is a Monday")
        #expect(Day(year: 2026, month: 2, day: 15)!.weekday == 7)
        #expect(day.adding(days: 39) == Day(year: 2027, month: 1, day: 1))
        #expect(Day(year: 2024, month: 2, day: 28)!.adding(days: 2) == Day(year: 2024, month: 3, day: 1))
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(Day(year: 2025, month: 1, day: 1)!.days(until: Day(year: 2026, month: 1, day: 1)!) == 365)
        #expect(day.chinese == "2026年11月23日")
    }

    @Test("today is the day in China, not in UTC")
    func china() {
        // 2026-11-22 16:30 UTC is 2026-11-23 00:30 in Beijing.
        let late = Date(timeIntervalSince1970: TimeInterval(Day(year: 2026, month: 11, day: 22)!.ordinal * 86_400 + 16 * 3600 + 1800))
        #expect(Day.inChina(late) == Day(year: 2026, month: 11, day: 23))
        #expect(Day.inChina(Day(year: 2026, month: 11, day: 23)!.startInChina) == Day(year: 2026, month: 11, day: 23))
        #expect(Day.inChina(Day(year: 2026, month: 11, day: 23)!.startInChina.addingTimeInterval(-1)) == Day(year: 2026, month: 11, day: 22))
        let clock = FixedWallClock(late)
        #expect(clock.today() == Day(year: 2026, month: 11, day: 23))
        clock.advance(by: 86_400)
        #expect(clock.today() == Day(year: 2026, month: 11, day: 24))
    }
}
