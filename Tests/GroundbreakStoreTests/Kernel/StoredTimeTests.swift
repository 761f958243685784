import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import Testing

@Suite("Stored instants")
struct StoredTimeTests {
    @Test("written as %04d-%02d-%02dT%02d:%02d:%02d.%03dZ writes them, and read back to the millisecond")
    func textMatchesTheFormat() throws {
        var generator = SystemRandomNumberGenerator()
        // Milliseconds from 1900 to 2200, with the edges and instants before 1970 among them.
        let first: Int64 = -2_208_988_800_000, last: Int64 = 7_258_118_399_999
        let edges: [Int64] = [first, last, -1, 0, 1, 999, 1_000, 86_399_999, 86_400_000, 951_782_400_000]
        for drawn in edges + (0..<5_000).map({ _ in Int64.random(in: first...last, using: &generator) }) {
            let date = Date(timeIntervalSince1970: Double(drawn) / 1000)
            // The millisecond the instant falls in, as the writer counts it (a Double of a whole
            // millisecond may lie just below it).
            let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
            let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
            let day = Day(ordinal: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
            let secondOfDay = Int(seconds - Int64(day.ordinal) * 86_400)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", day.year, day.month, day.day,
                                  secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, Int(millis - seconds * 1000))
            let text = StoredTime.text(date)
            #expect(text == expected, "\(drawn)")
            let back = try #require(StoredTime.date(text), "\(text)")
            #expect(Int64((back.timeIntervalSince1970 * 1000).rounded()) == millis, "\(text)")
        }
    }

    @Test("an instant outside the calendar's years reads back as written: an account locked until further notice is locked until Date.distantFuture (4001)")
    func farInstantsReadBack() throws {
        for date in [Date.distantFuture, Date(timeIntervalSince1970: 253_402_300_799), Date(timeIntervalSince1970: -5_000_000_000)] {
            let text = StoredTime.text(date)
            let back = try #require(StoredTime.date(text), "\(text)")
            #expect(back.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970.rounded(.down), "\(text)")
        }
        #expect(StoredTime.text(.distantFuture).hasPrefix("4001-01-01T"))
        #expect(StoredTime.date("4001-02-29T00:00:00.000Z") == nil, "not a date in any year")
        #expect(StoredTime.date("0000-01-01T00:00:00.000Z") == nil)
    }
}
