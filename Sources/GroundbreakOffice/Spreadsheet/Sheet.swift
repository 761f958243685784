import Foundation

/// What a cell holds once read, before anyone interprets it. Numbers keep the text the file
/// stored, so a 万元 figure with four decimals is never rounded through `Double`.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(String)
    case boolean(Bool)
    /// An error value the spreadsheet stored (`#DIV/0!`, `#REF!` …).
    case error(String)
    /// A formula the file carries without the value it last computed: we do not evaluate formulas.
    case uncachedFormula(String)
}

public struct SheetCell: Sendable, Equatable {
    public var value: CellValue
    /// The cell's number format shows a date: its number is an Excel serial day.
    public var isDate: Bool

    public init(_ value: CellValue, isDate: Bool = false) {
        self.value = value
        self.isDate = isDate
    }

    public static let empty = SheetCell(.empty)

    /// The cell as a person reads it, for messages and text fields.
    public var text: String {
        switch value {
        case .empty: ""
        case .text(let text): text
        case .number(let number): Self.plainNumber(number)
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        case .uncachedFormula(let formula): "=" + formula
        }
    }

    public var isBlank: Bool {
        switch value {
        case .empty: true
        case .text(let text): text.allSatisfy(\.isWhitespace)
        default: false
        }
    }

    /// `1.5E+3` → `1500`; plain decimals are kept as written.
    static func plainNumber(_ text: String) -> String {
        guard text.contains(where: { $0 == "E" || $0 == "e" }), let decimal = Decimal(string: text) else { return text }
        return NSDecimalNumber(decimal: decimal).stringValue
    }
}

/// A zero-based cell position; `A1` notation in and out.
public struct CellPosition: Sendable, Hashable, Comparable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    public static func < (lhs: CellPosition, rhs: CellPosition) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    /// `"AB12"` → row 11, column 27. Nil for anything else, including columns past XFD.
    public init?(reference: some StringProtocol) {
        var column = 0
        var digits = Substring("")
        var index = reference.startIndex
        while index < reference.endIndex, let ascii = reference[index].asciiValue, (65...90).contains(ascii) || (97...122).contains(ascii) {
            column = column * 26 + Int((ascii & 0xDF) - 64)
            index = reference.index(after: index)
            if column > Self.maxColumns { return nil }
        }
        digits = Substring(reference[index...])
        guard column > 0, let row = Int(digits), row >= 1 else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    public static let maxColumns = 16_384

    public static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    public var reference: String { Self.columnName(column) + String(row + 1) }
}

/// A rectangle of cells, e.g. a merged range `A1:F1`.
public struct CellRange: Sendable, Hashable {
    public var first: CellPosition
    public var last: CellPosition

    public init(first: CellPosition, last: CellPosition) {
        self.first = first
        self.last = last
    }

    public init?(reference: some StringProtocol) {
        let parts = reference.split(separator: ":")
        guard let first = parts.first.flatMap(CellPosition.init(reference:)) else { return nil }
        let last = parts.count == 2 ? CellPosition(reference: parts[1]) : first
        guard let last, parts.count <= 2 else { return nil }
        self.init(first: first, last: last)
    }

    public func contains(_ position: CellPosition) -> Bool {
        (first.row...last.row).contains(position.row) && (first.column...last.column).contains(position.column)
    }
}

/// One worksheet read whole: rows top to bottom, each as wide as the widest row.
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [[SheetCell]]
    public var merges: [CellRange]

    public init(name: String, rows: [[SheetCell]], merges: [CellRange] = []) {
        self.name = name
        self.rows = rows
        self.merges = merges
    }

    public subscript(row: Int, column: Int) -> SheetCell {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
        return rows[row][column]
    }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// The sheet with every merged range filled with its top-left value, the way a reader's eye
    /// fills it: a group header spanning four columns heads each of them.
    public func fillingMerges() -> Sheet {
        var filled = self
        for range in merges {
            let value = self[range.first.row, range.first.column]
            for row in range.first.row...range.last.row where filled.rows.indices.contains(row) {
                for column in range.first.column...range.last.column where (row, column) != (range.first.row, range.first.column) {
                    if filled.rows[row].count <= column {
                        filled.rows[row] += Array(repeating: .empty, count: column + 1 - filled.rows[row].count)
                    }
                    filled.rows[row][column] = value
                }
            }
        }
        return filled
    }
}
