import Foundation
import GroundbreakDomain

/// The ledger as officials hand it to leaders: one column list shared by the xlsx and csv
/// exports, named as the import reads them, so an exported file imports back unchanged.
public enum LedgerExport {
    public enum Kind: Sendable { case integer, text, wrapped, amount, date }

    public struct Column: Sendable {
        public var header: String
        /// The merged group header above, if any.
        public var group: String?
        public var width: Double
        public var kind: Kind
    }

    public enum Value: Sendable, Equatable {
        case integer(Int)
        case text(String)
        case amount(Money)
        case date(Day?)
    }

    public static let columns: [Column] = {
        typealias T = OfficeText.Ledger
        return [
            Column(header: T.serial, group: nil, width: 6, kind: .integer),
            Column(header: T.name, group: nil, width: 30, kind: .wrapped),
            Column(header: T.code, group: T.basicsGroup, width: 24, kind: .text),
            Column(header: T.owner, group: T.basicsGroup, width: 24, kind: .wrapped),
            Column(header: T.creditCode, group: T.basicsGroup, width: 21, kind: .text),
            Column(header: T.region, group: T.basicsGroup, width: 10, kind: .text),
            Column(header: T.zone, group: T.basicsGroup, width: 16, kind: .text),
            Column(header: T.category, group: T.basicsGroup, width: 14, kind: .text),
            Column(header: T.section, group: T.basicsGroup, width: 14, kind: .text),
            Column(header: T.division, group: T.basicsGroup, width: 18, kind: .text),
            Column(header: T.investmentType, group: T.basicsGroup, width: 10, kind: .text),
            Column(header: T.levels, group: T.basicsGroup, width: 14, kind: .text),
            Column(header: T.content, group: T.constructionGroup, width: 40, kind: .wrapped),
            Column(header: T.address, group: T.constructionGroup, width: 20, kind: .wrapped),
            Column(header: T.totalInvestmentWan, group: T.investmentGroup, width: 14, kind: .amount),
            Column(header: T.stage, group: T.investmentGroup, width: 10, kind: .text),
            Column(header: T.plannedStart, group: T.investmentGroup, width: 11, kind: .date),
            Column(header: T.plannedCompletion, group: T.investmentGroup, width: 11, kind: .date),
            Column(header: T.actualStart, group: T.investmentGroup, width: 11, kind: .date),
            Column(header: T.actualCompletion, group: T.investmentGroup, width: 11, kind: .date),
            Column(header: T.leadDepartment, group: T.responsibilityGroup, width: 18, kind: .text),
            Column(header: T.sponsor, group: T.responsibilityGroup, width: 16, kind: .text),
            Column(header: T.secretary, group: T.responsibilityGroup, width: 16, kind: .text),
            Column(header: T.flags, group: nil, width: 20, kind: .wrapped),
        ]
    }()

    static let amountColumn = columns.firstIndex { $0.kind == .amount }!

    public static func values(_ project: Project, number: Int, catalog: ReferenceCatalog, today: Day) -> [Value] {
        let fields = project.fields
        let division = fields.industryDivision.flatMap { catalog.division($0) }
        func seat(_ id: Int64?) -> String { id.flatMap { catalog.position($0)?.display } ?? "" }
        return [
            .integer(number), .text(fields.name), .text(fields.code?.value ?? ""), .text(fields.ownerName), .text(fields.ownerCreditCode?.value ?? ""),
            .text(catalog.region(fields.regionCode)?.name ?? fields.regionCode), .text(fields.zoneCode.flatMap { catalog.zone($0)?.name } ?? ""),
            .text(catalog.category(fields.categoryCode)?.name ?? fields.categoryCode),
            .text(division.flatMap { catalog.section($0.sectionCode)?.name } ?? ""), .text(division?.name ?? ""),
            .text(fields.investmentType.label), .text(fields.levels.map(\.label).joined(separator: "；")),
            .text(fields.constructionContent), .text(fields.location.address),
            .amount(fields.totalInvestment), .text(project.stage.label),
            .date(fields.plannedStart), .date(fields.plannedCompletion), .date(fields.actualStart), .date(fields.actualCompletion),
            .text(fields.leadDepartmentCode.flatMap { catalog.department($0)?.name } ?? ""), .text(seat(fields.sponsorPositionId)), .text(seat(fields.secretaryPositionId)),
            .text(project.flags(rules: catalog.flagRules, today: today).map(\.label).joined(separator: "；")),
        ]
    }

    /// A row for the csv export: exact 万元 (so it imports back unchanged), ISO dates.
    public static func csvFields(_ values: [Value]) -> [String] {
        values.map { value in
            switch value {
            case .integer(let number): String(number)
            case .text(let text): text
            case .amount(let money): money.exactWanText
            case .date(let day): day?.iso ?? ""
            }
        }
    }

    public static var csvHeader: [String] { columns.map(\.header) }
}

/// Writes the ledger workbook: title, unit line, merged group headers over the column headers,
/// frozen panes, data rows, a totals row, print setup. Rows stream to disk as they come.
public final class LedgerWorkbookWriter {
    private let writer: XLSXWriter
    private let title: String
    private var total = Money.zero
    private var count = 0
    static let headerRows = 4

    /// `subtitle` is the line under the title (unit, date, filter).
    public init(directory: URL, title: String, subtitle: String) throws {
        self.title = title
        let columns = LedgerExport.columns
        let last = CellPosition.columnName(columns.count - 1)
        var merges = ["A1:\(last)1", "A2:\(last)2"]
        // Columns without a group span both header rows; a group spans its run of columns.
        var index = 0
        while index < columns.count {
            let name = CellPosition.columnName(index)
            guard let group = columns[index].group else {
                merges.append("\(name)3:\(name)4")
                index += 1
                continue
            }
            var end = index
            while end + 1 < columns.count && columns[end + 1].group == group { end += 1 }
            merges.append("\(name)3:\(CellPosition.columnName(end))3")
            index = end + 1
        }
        let layout = XLSXLayout(
            sheetName: OfficeText.Ledger.sheetName, columnWidths: columns.map(\.width), frozenRows: Self.headerRows, frozenColumns: 2,
            printTitleRows: 3...4, merges: merges, filterRow: 4
        )
        writer = try XLSXWriter(directory: directory, layout: layout)
        try writer.append([.text(title, .title)] + Array(repeating: .blank(.title), count: columns.count - 1), height: 32)
        try writer.append([.text(subtitle, .unitLine)] + Array(repeating: .blank(.unitLine), count: columns.count - 1), height: 20)
        try writer.append(columns.map { .text($0.group ?? $0.header, .groupHeader) }, height: 20)
        try writer.append(columns.map { .text($0.header, .header) }, height: 30)
    }

    public func append(_ values: [LedgerExport.Value]) throws {
        count += 1
        var cells: [XLSXCell] = []
        for (value, column) in zip(values, LedgerExport.columns) {
            switch value {
            case .integer(let number): cells.append(.number(String(number), .integer))
            case .text(let text): cells.append(.text(text, column.kind == .wrapped ? .wrappedText : .text))
            case .amount(let money):
                total = total + money
                cells.append(.number(money.exactWanText, .amount))
            case .date(let day): cells.append(day.map { .date(CellReading.serial(of: $0), .date) } ?? .blank(.date))
            }
        }
        try writer.append(cells)
    }

    /// The totals row (a SUBTOTAL formula, so a filtered view sums what it shows, with the figure
    /// cached for readers that do not calculate), then the package.
    public func finish(to destination: URL, created: Date) throws {
        let columns = LedgerExport.columns
        let firstData = Self.headerRows + 1
        let lastData = Self.headerRows + count
        let amountColumn = CellPosition.columnName(LedgerExport.amountColumn)
        var cells: [XLSXCell] = [.text(OfficeText.Ledger.total(count), .totalLabel)]
        for index in 1..<columns.count {
            if index == LedgerExport.amountColumn {
                cells.append(.formula("SUBTOTAL(9,\(amountColumn)\(firstData):\(amountColumn)\(max(lastData, firstData)))", cached: total.exactWanText))
            } else {
                cells.append(.blank(.totalLabel))
            }
        }
        try writer.append(cells, height: 22)
        writer.addMerge("A\(lastData + 1):B\(lastData + 1)")
        try writer.finish(to: destination, title: title, created: created, filterThrough: lastData)
    }
}
