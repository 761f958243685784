import Foundation
import GroundbreakDomain

/// A list as a leader takes it away: a title, the filter it was drawn with, the columns and the
/// rows, and how many there are. Every list page that exports builds one from the rows it shows.
public struct ListSheet: Sendable {
    public enum Kind: Sendable { case text, wrapped, integer, amount, date }

    public struct Column: Sendable {
        public var header: String
        public var width: Double
        public var kind: Kind

        public init(_ header: String, width: Double = 14, _ kind: Kind = .text) {
            self.header = header
            self.width = width
            self.kind = kind
        }
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        /// An amount in 万元, written as its exact decimal text.
        case wan(Money?)
        case date(Day?)
    }

    public var title: String
    /// "筛选条件：…；导出时间：…", the line under the title.
    public var filterLine: String
    public var columns: [Column]
    public var rows: [[Value]]

    public init(title: String, filterLine: String, columns: [Column], rows: [[Value]]) {
        self.title = title
        self.filterLine = filterLine
        self.columns = columns
        self.rows = rows
    }
}

/// Writes a `ListSheet` as an xlsx: title and filter lines merged across, the header row frozen,
/// filtered and repeated on every printed page, the rows, and a count line.
public enum ListWorkbook {
    public static func write(_ sheet: ListSheet, to destination: URL, created: Date, countLine: String) throws {
        let scratch = destination.deletingLastPathComponent().appendingPathComponent(".xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let columns = max(sheet.columns.count, 1)
        let last = CellPosition.columnName(columns - 1)
        let layout = XLSXLayout(sheetName: String(sheet.title.prefix(31)), columnWidths: sheet.columns.map(\.width), frozenRows: 3, frozenColumns: 1,
                                printTitleRows: 3...3, merges: ["A1:\(last)1", "A2:\(last)2"], filterRow: 3)
        let writer = try XLSXWriter(directory: scratch, layout: layout)
        let pad = { (style: XLSXStyle) in Array(repeating: XLSXCell.blank(style), count: columns - 1) }
        try writer.append([.text(sheet.title, .title)] + pad(.title), height: 30)
        try writer.append([.text(sheet.filterLine, .unitLine)] + pad(.unitLine), height: 20)
        try writer.append(sheet.columns.map { .text($0.header, .header) }, height: 24)
        for row in sheet.rows {
            try writer.append(zip(row, sheet.columns).map { value, column in
                switch value {
                case .text(let text): .text(text, column.kind == .wrapped ? .wrappedText : .text)
                case .integer(let number): .number(String(number), .integer)
                case .wan(let money): money.map { .number($0.exactWanText, .amount) } ?? .blank(.amount)
                case .date(let day): day.map { .date(CellReading.serial(of: $0), .date) } ?? .blank(.date)
                }
            })
        }
        let totalRow = 3 + sheet.rows.count + 1
        try writer.append([.text(countLine, .totalLabel)] + pad(.totalLabel), height: 22)
        writer.addMerge("A\(totalRow):\(last)\(totalRow)")
        try writer.finish(to: destination, title: sheet.title, created: created, filterThrough: totalRow - 1)
    }
}
