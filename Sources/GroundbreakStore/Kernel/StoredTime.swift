import Foundation
import GroundbreakDomain
import SQLKit

/// How instants are written in the database: ISO 8601 UTC with milliseconds, so text order is
/// time order on both engines.
enum StoredTime {
    static func text(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let milliPart = Int(millis - seconds * 1000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let day = Day(ordinal: Int(days))
        // By hand rather than `String(format:)`: every write stamps a time or two, and the
        // formatter was a twentieth of a create's work.
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
        return day.iso + "T" + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2) + ":" + padded(secondOfDay % 60, 2)
            + "." + padded(milliPart, 3) + "Z"
    }

    static func date(_ text: String) -> Date? {
        // 2026-11-23T08:15:30.123Z
        let scalars = Array(text.utf8)
        guard scalars.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < scalars.count, (48...57).contains(scalars[index]) else { return nil }
                value = value * 10 + Int(scalars[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              // Any year `text` writes, not only a `Day`'s: an account locked until further notice
              // is locked until `Date.distantFuture`.
              let day = Day.ordinal(year: year, month: month, day: dayOfMonth)
        else { return nil }
        var millis = 0
        if scalars.count >= 24, scalars[19] == UInt8(ascii: "."), let fraction = number(20..<23) { millis = fraction }
        let seconds = Double(day * 86_400 + hour * 3600 + minute * 60 + second) + Double(millis) / 1000
        return Date(timeIntervalSince1970: seconds)
    }

    /// A stored instant that is not one: the row is damaged, and saying so beats showing 1970.
    struct Unreadable: Error, CustomStringConvertible {
        let column: String
        let text: String
        var description: String { "stored time in \(column) is not an instant: \(text.prefix(40))" }
    }

    static func decode(_ row: any SQLRow, _ column: String) throws -> Date {
        let text = try row.decode(column: column, as: String.self)
        guard let date = date(text) else { throw Unreadable(column: column, text: text) }
        return date
    }

    static func decodeOptional(_ row: any SQLRow, _ column: String) throws -> Date? {
        guard let text = try row.decode(column: column, as: String?.self) else { return nil }
        guard let date = date(text) else { throw Unreadable(column: column, text: text) }
        return date
    }
}
