import Foundation

/// A calendar month, the period of a monthly report (`2026-10`).
public struct Month: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a day falls in.
    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    /// `2026-10`, `2026-1`, `2026年10月`, `202610`.
    public static func parse(_ raw: String) -> Month? {
        if let month = parseISO(raw) { return month }
        var text = TextNormalizer.halfWidth(raw).trimmingCharacters(in: .whitespaces)
        if text.count == 6, text.allSatisfy(\.isASCIIDigit) {
            return Month(year: Int(text.prefix(4))!, month: Int(text.suffix(2))!)
        }
        text = text.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return Month(year: Int(parts[0])!, month: Int(parts[1])!)
    }

    /// `YYYY-MM`, as the store writes it: read byte by byte, since the figures pages read a
    /// million of them (the general path normalises full-width text first).
    static func parseISO(_ text: String) -> Month? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Month? in
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
            var year = 0, month = 0
            for index in 0..<4 {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                year = year * 10 + digit
            }
            for index in 5..<7 {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                month = month * 10 + digit
            }
            return Month(year: year, month: month)
        } ?? nil
    }

    /// Years are four digits (1900–2200, see `init`).
    public var iso: String { String(year) + (month < 10 ? "-0" : "-") + String(month) }
    public var description: String { iso }
    public var label: String { "\(year)年\(month)月" }

    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }
    public var previous: Month { month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)! }

    /// Months of the year up to and including this one.
    public var monthsOfYearSoFar: [Month] { (1...month).map { Month(year: year, month: $0)! } }

    /// The `day`-th of the following month (or its last day when shorter): when this month's report is due.
    public func dueDate(day: Int) -> Day {
        let following = next
        return Day(year: following.year, month: following.month, day: min(max(1, day), Day.daysIn(month: following.month, year: following.year)))!
    }
}
