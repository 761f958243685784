import Foundation
import GroundbreakDomain

/// 重点项目推进情况表 as leaders receive it: a title and a unit line, then each group (一、朝阳区
/// (12个)) with its projects and its 小计, and the 合计 at the foot. Amounts in 万元; 完成年度计划
/// is the table's own share, never recomputed here.
public struct ProgressWorkbook: Sendable {
    public var title: String
    public var unitLine: String
    /// The scheme's name when lines carry their class (a column of its own).
    public var schemeName: String?
    public var table: ProgressTable
    public var month: Int

    public init(title: String, unitLine: String, schemeName: String?, table: ProgressTable, month: Int) {
        self.title = title
        self.unitLine = unitLine
        self.schemeName = schemeName
        self.table = table
        self.month = month
    }

    typealias T = OfficeText.Progress

    var headers: [(String, Double)] {
        var headers: [(String, Double)] = [(T.serial, 6), (T.name, 34), (T.region, 10)]
        if let schemeName { headers.append((schemeName, 14)) }
        let figures: [(String, Double)] = [(T.total, 14), (T.plan, 14), (T.thisMonth(month), 13), (T.cumulative(month), 15), (T.percent, 11)]
        return headers + figures + [(T.progress, 24), (T.problems, 30)]
    }

    public func write(to destination: URL, created: Date, regionName: (String) -> String) throws {
        let scratch = destination.deletingLastPathComponent().appendingPathComponent(".xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let columns = headers.count
        let last = CellPosition.columnName(columns - 1)
        let layout = XLSXLayout(sheetName: T.sheetName, columnWidths: headers.map(\.1), frozenRows: 3, frozenColumns: 2,
                                printTitleRows: 3...3, merges: ["A1:\(last)1", "A2:\(last)2"], filterRow: nil)
        let writer = try XLSXWriter(directory: scratch, layout: layout)
        let pad = { (style: XLSXStyle, count: Int) in Array(repeating: XLSXCell.blank(style), count: count) }
        try writer.append([.text(title, .title)] + pad(.title, columns - 1), height: 30)
        try writer.append([.text(unitLine, .unitLine)] + pad(.unitLine, columns - 1), height: 20)
        try writer.append(headers.map { .text($0.0, .header) }, height: 30)
        var row = 3
        var serial = 0
        let classColumn = schemeName == nil ? 0 : 1
        func money(_ value: Money?, _ style: XLSXStyle) -> XLSXCell { value.map { .number($0.exactWanText, style) } ?? .blank(style) }
        func percent(_ value: Double?, _ style: XLSXStyle) -> XLSXCell { value.map { .number(Decimals.text($0, places: 2), style) } ?? .blank(style) }
        func totals(_ label: String, _ totals: ProgressTable.Totals) throws {
            var cells: [XLSXCell] = [.text(label, .totalLabel)] + pad(.totalLabel, 2 + classColumn)
            cells += [money(totals.total, .totalAmount), money(totals.plan, .totalAmount), money(totals.month, .totalAmount), money(totals.cumulative, .totalAmount)]
            cells += [percent(totals.percentOfPlan, .totalAmount), .blank(.totalLabel), .blank(.totalLabel)]
            try writer.append(cells, height: 22)
            row += 1
            writer.addMerge("A\(row):\(CellPosition.columnName(2 + classColumn))\(row)")
        }
        for (index, group) in table.groups.enumerated() {
            try writer.append([.text(T.groupTitle(MeetingMinutes.numeral(index + 1), group.title, group.lines.count), .groupHeader)] + pad(.groupHeader, columns - 1), height: 22)
            row += 1
            writer.addMerge("A\(row):\(last)\(row)")
            for line in group.lines {
                serial += 1
                var cells: [XLSXCell] = [.number(String(serial), .integer), .text(line.name, .wrappedText), .text(regionName(line.regionCode), .text)]
                if schemeName != nil { cells.append(.text(line.className ?? "", .text)) }
                cells += [money(line.total, .amount), money(line.plan, .amount), money(line.month, .amount), money(line.cumulative, .amount)]
                cells += [percent(line.percentOfPlan, .amount), .text(line.progressText, .wrappedText), .text(line.problems.joined(separator: T.problemSeparator), .wrappedText)]
                try writer.append(cells)
                row += 1
            }
            try totals(T.subtotal, group.totals)
        }
        try totals(T.total(table.totals.count), table.totals)
        try writer.finish(to: destination, title: title, created: created, filterThrough: row)
    }
}
