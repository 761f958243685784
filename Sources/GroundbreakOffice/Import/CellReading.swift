import Foundation
import GroundbreakDomain

/// Reads amounts, dates and months the ways people type them into a ledger.
public enum CellReading {
    /// 1899-12-30: day 0 of Excel's 1900 date system, counting its phantom 1900-02-29.
    static let excelEpoch = Day(year: 1900, month: 1, day: 1)!.ordinal - 2

    public static func day(fromSerial serial: Double) -> Day? {
        guard serial >= 61, serial < 2_958_466 else { return nil }
        return Day(ordinal: excelEpoch + Int(serial.rounded(.down)))
    }

    public static func serial(of day: Day) -> Int { day.ordinal - excelEpoch }

    /// An amount in yuan. A number cell is in `unit` (the header's, else 万元); text may carry its
    /// own unit (`1.2亿`, `3500万元`). Excel's binary fractions are rounded to the yuan.
    public static func money(_ cell: SheetCell, unit: MoneyUnit?) -> Result<Money, MoneyParseError> {
        let unit = unit ?? .wan
        switch cell.value {
        case .number(let number):
            guard let decimal = Decimal(string: number) else { return .failure(.notANumber) }
            guard decimal >= 0 else { return .failure(.negative) }
            var yuan = decimal * Decimal(unit.yuanPerUnit)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &yuan, 0, .plain)
            guard rounded <= Decimal(Money.maximum.yuan) else { return .failure(.tooLarge) }
            return .success(Money(yuan: NSDecimalNumber(decimal: rounded).int64Value))
        default:
            let text = TextNormalizer.halfWidth(cell.text).trimmingCharacters(in: .whitespaces)
            let own: MoneyUnit? = text.hasSuffix("亿元") || text.hasSuffix("亿") ? .yi
                : text.hasSuffix("万元") || text.hasSuffix("万") ? .wan
                : text.hasSuffix("元") ? .yuan : nil
            return Money.parse(text, unit: own ?? unit)
        }
    }

    /// Why a cell's value cannot be read at all: a formula without a saved result, an error value.
    static func unreadable(_ cell: SheetCell) -> String? {
        switch cell.value {
        case .uncachedFormula(let formula): OfficeText.Import.uncachedFormula(formula)
        case .error(let code): OfficeText.Import.errorValue(code)
        default: nil
        }
    }

    /// A whole percent 0–100: `45`, `45%`, or a fraction between 0 and 1 as a percent-formatted
    /// cell holds it (0.45 is 45 %; a progress below 1 % is not worth a figure).
    static func percent(_ cell: SheetCell) -> Int? {
        var text = TextNormalizer.halfWidth(cell.text).trimmingCharacters(in: .whitespaces)
        let marked = text.hasSuffix("%")
        if marked { text.removeLast() }
        guard var value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        if !marked, value > 0, value < 1 { value *= 100 }
        let rounded = value.rounded()
        return (0...100).contains(rounded) ? Int(rounded) : nil
    }

    /// A count of people or things: a whole number, thousands separators allowed.
    static func count(_ cell: SheetCell) -> Int? {
        let text = TextNormalizer.halfWidth(cell.text).replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        if let whole = Int(text) { return whole >= 0 ? whole : nil }
        guard let value = Double(text), value.isFinite, value >= 0, value.rounded() == value, value < 1e9 else { return nil }
        return Int(value)
    }

    /// A day: a date cell, a serial number in a date column, `2024-03-15`, `2024/3/15`,
    /// `2024年3月15日`, `20240315`; a month alone (`2024.3`, `2024年3月`, `202403`) is its first day.
    public static func day(_ cell: SheetCell) -> Day? {
        if case .number(let number) = cell.value, let value = Double(number) {
            if cell.isDate || value >= 61 && value < 200_000 && value.rounded() == value { return day(fromSerial: value) }
            return monthOrDay(number).flatMap { $0.day }
        }
        let text = TextNormalizer.halfWidth(cell.text).trimmingCharacters(in: .whitespaces)
        if let day = Day.parse(text) { return day }
        if let day = Day.parse(String(text.prefix(10))), text.count > 10, text.dropFirst(10).first == " " || text.dropFirst(10).first == "T" { return day }
        return monthOrDay(text).flatMap { $0.day }
    }

    /// A month: `2026-10`, `2026.10`, `2026年10月`, `202610`, or any day in it.
    public static func month(_ cell: SheetCell) -> Month? {
        if case .number(let number) = cell.value, let value = Double(number), cell.isDate || value >= 61 && value < 200_000 && value.rounded() == value {
            return day(fromSerial: value).map(Month.init)
        }
        let text = TextNormalizer.halfWidth(cell.text).trimmingCharacters(in: .whitespaces)
        if let parsed = monthOrDay(text) { return parsed.month }
        return Day.parse(text).map(Month.init)
    }

    /// `2024.3` / `2024-03` / `2024年3月` / `202403` → March 2024. A number typed as 2024.1 is
    /// January: Excel has already dropped the zero of 2024.10, which the preview shows the user.
    static func monthOrDay(_ raw: String) -> (month: Month, day: Day)? {
        var text = ""
        if raw.count == 6, raw.allSatisfy(\.isASCIIDigit) {
            text = raw.prefix(4) + "-" + raw.suffix(2)
        } else {
            // One pass (every month cell of a file of 10,000 rows comes here): 年 / . become the
            // separator, 月 and 月份 go.
            var afterMonth = false
            for character in raw {
                defer { afterMonth = character == "月" }
                switch character {
                case "年", "/", ".": text.append("-")
                case "月": continue
                case "份" where afterMonth: continue
                default: text.append(character)
                }
            }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let year = Int(parts[0]), let number = Int(parts[1]), let month = Month(year: year, month: number),
              let day = Day(year: year, month: number, day: 1)
        else { return nil }
        return (month, day)
    }
}
