import Foundation
import GroundbreakDomain

/// Where a table starts in a sheet people made by hand: title rows, a unit line, merged group
/// headers, then the column headers, then data.
public struct LocatedTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var index: Int
        public var field: String
        public var header: String
        /// 万元 or 亿元 from the header or the unit line; nil when neither says.
        public var unit: MoneyUnit?
        public var ignored: String?
        /// The year a header names before its words: `2019年计划投资`.
        public var year: Int? = nil
    }

    /// Zero-based row of the (lowest) header row; data starts below it.
    public var headerRow: Int
    public var columns: [Column]
    /// Headers nobody recognised, by column letter, so the preview can say they were left out.
    public var unknownHeaders: [(column: String, header: String)]

    public static func == (lhs: LocatedTable, rhs: LocatedTable) -> Bool {
        lhs.headerRow == rhs.headerRow && lhs.columns == rhs.columns
            && lhs.unknownHeaders.map { "\($0.column)=\($0.header)" } == rhs.unknownHeaders.map { "\($0.column)=\($0.header)" }
    }

    public func column(_ field: String) -> Column? { columns.first { $0.field == field } }
}

public enum HeaderLocator {
    /// How far down a header is looked for.
    static let searchDepth = 30

    /// The row naming the most known columns (at least two, one of them `required`), with each
    /// column matched alone or together with the group header merged above it.
    public static func locate(in sheet: Sheet, columns known: [ColumnCatalog.Column], required: Set<String>) -> LocatedTable? {
        let filled = sheet.fillingMerges()
        var best: LocatedTable?
        for row in 0..<min(filled.rows.count, searchDepth) {
            let candidate = table(at: row, in: filled, known: known)
            let fields = Set(candidate.columns.map(\.field))
            guard fields.count >= 2, !fields.isDisjoint(with: required) else { continue }
            if candidate.columns.count > (best?.columns.count ?? 0) { best = candidate }
        }
        guard var table = best else { return nil }
        let unitLine = defaultUnit(above: table.headerRow, in: filled)
        for index in table.columns.indices where table.columns[index].unit == nil {
            table.columns[index].unit = unitLine
        }
        return table
    }

    static func table(at row: Int, in sheet: Sheet, known: [ColumnCatalog.Column]) -> LocatedTable {
        var columns: [LocatedTable.Column] = []
        var unknown: [(String, String)] = []
        var taken: Set<String> = []
        for index in 0..<sheet.rows[row].count {
            let header = sheet[row, index].text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !header.isEmpty else { continue }
            let above = row > 0 ? sheet[row - 1, index].text : ""
            let (year, words) = yearPrefix(header)
            let candidates = [header, above + header, header + above] + (year == nil ? [] : [words])
            guard let column = candidates.lazy.compactMap({ ColumnCatalog.match($0, in: known) }).first, !taken.contains(column.field) else {
                unknown.append((CellPosition.columnName(index), header))
                continue
            }
            taken.insert(column.field)
            let unit = ColumnCatalog.normalised(header).unit ?? ColumnCatalog.normalised(above).unit
            columns.append(LocatedTable.Column(index: index, field: column.field, header: header, unit: unit, ignored: column.ignored,
                                               year: ColumnCatalog.match(header, in: known) == nil ? year : nil))
        }
        return LocatedTable(headerRow: row, columns: columns, unknownHeaders: unknown)
    }

    /// `2019年计划投资` → (2019, `计划投资`); `2019年度` too.
    static func yearPrefix(_ header: String) -> (Int?, String) {
        let text = TextNormalizer.halfWidth(header).filter { !$0.isWhitespace }
        let digits = text.prefix { $0.isASCIIDigit }
        guard digits.count == 4, let year = Int(digits), Day.plausibleYears.contains(year) else { return (nil, header) }
        var rest = text.dropFirst(4)
        guard rest.hasPrefix("年") else { return (nil, header) }
        rest = rest.dropFirst()
        if rest.hasPrefix("度") { rest = rest.dropFirst() }
        return (year, String(rest))
    }

    /// `单位：亿元` in a title line above the header.
    static func defaultUnit(above headerRow: Int, in sheet: Sheet) -> MoneyUnit? {
        for row in stride(from: headerRow - 1, through: 0, by: -1) {
            for cell in sheet.rows[row] {
                let text = TextNormalizer.halfWidth(cell.text).filter { !$0.isWhitespace }
                guard text.contains("单位") else { continue }
                if text.contains("亿元") { return .yi }
                if text.contains("万元") { return .wan }
            }
        }
        return nil
    }
}
