import Foundation
import ZIPFoundation

/// A cell as we write it, with one of the workbook's fixed styles.
public enum XLSXCell: Sendable {
    case text(String, XLSXStyle = .text)
    case number(String, XLSXStyle = .amount)
    case date(Int, XLSXStyle = .date)
    /// A formula with the value it computes, so readers that do not calculate see the figure.
    case formula(String, cached: String, XLSXStyle = .totalAmount)
    case blank(XLSXStyle = .text)
}

/// The page a sheet is laid out on: the title and header rows that repeat on every printed page,
/// frozen panes, merged ranges, column widths, landscape fitted to the width.
public struct XLSXLayout: Sendable {
    public var sheetName: String
    public var columnWidths: [Double]
    /// Rows above the data (title, unit line, headers) frozen on screen.
    public var frozenRows: Int
    /// 1-based rows printed at the top of every page.
    public var printTitleRows: ClosedRange<Int>
    public var merges: [String]
    /// Leading columns kept in view when scrolling sideways (序号, 项目名称).
    public var frozenColumns: Int
    /// The header row that carries the filter buttons, 1-based.
    public var filterRow: Int?

    public init(sheetName: String, columnWidths: [Double], frozenRows: Int, frozenColumns: Int, printTitleRows: ClosedRange<Int>, merges: [String], filterRow: Int?) {
        self.sheetName = sheetName
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.printTitleRows = printTitleRows
        self.merges = merges
        self.filterRow = filterRow
    }
}

/// Writes one worksheet row by row to a file on disk, then packs the workbook: memory stays flat
/// however many rows there are. Strings are written inline, so no shared-string table is held.
public final class XLSXWriter {
    public let directory: URL
    private var layout: XLSXLayout
    private let sheet: FileHandle
    private var buffer: [UInt8] = []
    private var rowNumber = 0

    /// `directory` must be empty and private to this export; it is removed by `finish`'s caller.
    public init(directory: URL, layout: XLSXLayout) throws {
        self.directory = directory
        self.layout = layout
        let worksheets = directory.appendingPathComponent("xl/worksheets")
        try FileManager.default.createDirectory(at: worksheets, withIntermediateDirectories: true)
        let path = worksheets.appendingPathComponent("sheet1.xml")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        sheet = try FileHandle(forWritingTo: path)
        write(XLSXTemplates.sheetHead(layout))
    }

    public var rowsWritten: Int { rowNumber }

    /// A merged range known only once rows are written (a totals row).
    public func addMerge(_ range: String) {
        layout.merges.append(range)
    }

    public func append(_ cells: [XLSXCell], height: Double? = nil) throws {
        rowNumber += 1
        var xml = "<row r=\"\(rowNumber)\"" + (height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "") + ">"
        for (index, cell) in cells.enumerated() {
            let reference = XLSXTemplates.column(index) + String(rowNumber)
            switch cell {
            case .text(let text, let style):
                xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XLSXTemplates.escaped(text))</t></is></c>"
            case .number(let number, let style):
                xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(number)</v></c>"
            case .date(let serial, let style):
                xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(serial)</v></c>"
            case .formula(let formula, let cached, let style):
                xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><f>\(XLSXTemplates.escaped(formula))</f><v>\(cached)</v></c>"
            case .blank(let style):
                xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>"
            }
        }
        write(xml + "</row>")
        if buffer.count > 1 << 20 { try flush() }
    }

    /// Closes the sheet, writes the other parts and packs them into `destination`.
    /// `filterThrough` is the last data row the filter covers (the totals row stays out of it).
    public func finish(to destination: URL, title: String, created: Date, filterThrough: Int) throws {
        write(XLSXTemplates.sheetTail(layout, filterThrough: filterThrough))
        try flush()
        try sheet.close()
        let parts = XLSXTemplates.packageParts(layout: layout, title: title, created: created, filterThrough: filterThrough)
        for (path, text) in parts {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let archive = try Archive(url: destination, accessMode: .create)
        for path in parts.map(\.0).sorted(by: XLSXTemplates.packageOrder) + ["xl/worksheets/sheet1.xml"] {
            try archive.addEntry(with: path, relativeTo: directory, compressionMethod: .deflate)
        }
    }

    private func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func flush() throws {
        try sheet.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
