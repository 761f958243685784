import Foundation
import GroundbreakDomain

/// What a title row above the headers says: "XX区2019年3000万元以上重点项目台账" gives the unit,
/// the year and the threshold; "区重点" the level. Only the rows above the header are read.
struct LedgerTitle: Equatable {
    var text: String = ""
    var unitText: String?
    var year: Int?
    var threshold: Money?
    var level: ProjectLevel?

    static func read(_ sheet: Sheet, above headerRow: Int) -> LedgerTitle {
        for row in 0..<min(headerRow, sheet.rows.count) {
            let line = sheet.rows[row].map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: " ")
            let plain = TextNormalizer.halfWidth(line).filter { !$0.isWhitespace }
            guard let title = parse(plain), title.year != nil || title.threshold != nil else { continue }
            var found = title
            found.text = TextNormalizer.collapsedLine(line)
            return found
        }
        return LedgerTitle()
    }

    static func parse(_ text: String) -> LedgerTitle? {
        guard !text.contains("单位:") || text.count > 12 else { return nil }
        var title = LedgerTitle()
        let characters = Array(text)
        // The year: four digits followed by 年.
        var yearEnd: Int?
        for index in 0..<max(characters.count - 4, 0) where characters[index + 4] == "年" {
            let digits = String(characters[index..<index + 4])
            if digits.allSatisfy(\.isASCIIDigit), let year = Int(digits), Day.plausibleYears.contains(year),
               index == 0 || !characters[index - 1].isASCIIDigit {
                title.year = year
                let unit = String(characters[0..<index]).trimmingCharacters(in: CharacterSet(charactersIn: "“”\"《》()（）:：,，"))
                title.unitText = unit.isEmpty ? nil : unit
                yearEnd = index + 5
                break
            }
        }
        // The threshold: a number then 万元 or 亿元 then 以上 (or 及以上).
        let rest = String(characters[(yearEnd ?? 0)...])
        for (word, unit) in [("万元", MoneyUnit.wan), ("亿元", .yi)] {
            guard let range = rest.range(of: word), rest[range.upperBound...].hasPrefix("以上") || rest[range.upperBound...].hasPrefix("及以上") else { continue }
            let number = String(rest[..<range.lowerBound].reversed().prefix { $0.isASCIIDigit || $0 == "." }.reversed())
            if !number.isEmpty, case .success(let money) = Money.parse(number, unit: unit) { title.threshold = money }
        }
        if text.contains("省重点") { title.level = .provinceKey } else if text.contains("市重点") { title.level = .cityKey }
        else if text.contains("区重点") || text.contains("县重点") { title.level = .districtKey }
        return title
    }
}
