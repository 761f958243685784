import Foundation

/// A calendar day in China (Asia/Shanghai), written `YYYY-MM-DD` in storage and JSON.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The years a plan or a target may name.
    public static let plausibleYears = 2000...2100

    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`, written by hand: `String(format:)` was a visible part of every ledger page.
    public var iso: String {
        // Four digits for the year as `%04d` writes them (a day counted from an instant may fall
        // outside `init`'s 1900–2200); months and days one or two.
        let digits = String(year)
        let padded = year >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return padded + (month < 10 ? "-0" : "-") + String(month) + (day < 10 ? "-0" : "-") + String(day)
    }

    public var description: String { iso }

    /// `2024年3月5日`, the way official documents write a date.
    public var chinese: String {
        "\(year)年\(month)月\(day)日"
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Parses the ways people type a date: `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`,
    /// `20240305`, with full-width digits.
    public static func parse(_ raw: String) -> Day? {
        if let day = parseISO(raw) { return day }
        let text = TextNormalizer.halfWidth(raw).trimmingCharacters(in: .whitespaces)
        if text.count == 8, text.allSatisfy(\.isASCIIDigit) {
            return Day(year: Int(text.prefix(4))!, month: Int(text.dropFirst(4).prefix(2))!, day: Int(text.suffix(2))!)
        }
        var normalized = text
        for separator in ["年", "月", "/", "."] {
            normalized = normalized.replacingOccurrences(of: separator, with: "-")
        }
        normalized = normalized.replacingOccurrences(of: "日", with: "")
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4
        else { return nil }
        return Day(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
    }

    /// `YYYY-MM-DD` exactly, as the store writes dates: read straight from the bytes, since
    /// lists decode thousands of them per request.
    static func parseISO(_ text: String) -> Day? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Day? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return Day(year: year, month: month, day: day)
        } ?? nil
    }

    // MARK: Arithmetic, via days since 1970-01-01 (proleptic Gregorian).

    /// Days since 1970-01-01.
    public var ordinal: Int {
        Self.civilOrdinal(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of any date with a year of four digits, also outside the years a
    /// `Day` is accepted in: a stored instant may lie there (an account locked until further
    /// notice is locked until `Date.distantFuture`, in 4001). Nil for no such date.
    public static func ordinal(year: Int, month: Int, day: Int) -> Int? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return civilOrdinal(year: year, month: month, day: day)
    }

    /// Howard Hinnant's days_from_civil.
    private static func civilOrdinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day {
        Day(ordinal: ordinal + days)
    }

    public func days(until other: Day) -> Int {
        other.ordinal - ordinal
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        Self.weekday(ordinal: ordinal)
    }

    /// The ISO weekday of the day `ordinal` days after 1970-01-01 (a Thursday, 4).
    public static func weekday(ordinal: Int) -> Int {
        ((ordinal % 7 + 7) % 7 + 3) % 7 + 1
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid date \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
