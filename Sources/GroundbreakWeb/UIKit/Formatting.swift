import Foundation
import GroundbreakDomain

/// How figures are shown on pages: 万元 with two decimals and thousands separators, 亿元 where
/// a page says so, times in China.
enum Format {
    static func wan(_ money: Money) -> String {
        money.formatted(in: .wan, decimals: 2, grouped: true)
    }

    static func yi(_ money: Money) -> String {
        money.formatted(in: .yi, decimals: 2, grouped: true)
    }

    static func day(_ day: Day?) -> String {
        day?.iso ?? "—"
    }

    static func dateTime(_ date: Date) -> String {
        let day = Day.inChina(date)
        let seconds = Int(date.timeIntervalSince1970) + Day.chinaOffsetSeconds
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return String(format: "%@ %02d:%02d", day.iso, secondOfDay / 3600, secondOfDay / 60 % 60)
    }

    /// A longitude or latitude to six decimals (about 0.1 m), without trailing zeros: a stored
    /// 125.745 prints as 125.745, not 125.74499999999999.
    static func coordinate(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A share (0…1) as a percentage with one decimal: 0.746 → 74.6%; "—" when there is none.
    static func share(_ share: Double?) -> String {
        share.map { Decimals.percent($0 * 100) } ?? "—"
    }

    static func count(_ value: Int) -> String {
        Money(yuan: Int64(value)).formatted(in: .yuan, decimals: 0, grouped: true)
    }

    /// A long text as a heading: its first line, at most 40 characters, an ellipsis when cut.
    static func headline(_ text: String, limit: Int = 40) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > limit ? String(line.prefix(limit)) + "…" : line
    }
}
