import Foundation
import GroundbreakDomain

/// A sheet cut into its header and data rows, with the rows people put in for the eye
/// (blank separators, section titles, subtotal lines, a numbering row) set aside.
public struct TableRows: Sendable {
    public struct Row: Sendable {
        /// 1-based, as Excel numbers rows.
        public var number: Int
        public var cells: [String: SheetCell]

        public func cell(_ field: String) -> SheetCell? {
            guard let cell = cells[field], !cell.isBlank else { return nil }
            return cell
        }
    }

    public var table: LocatedTable
    public var rows: [Row]
    public var skipped: [(row: Int, reason: String)]
    /// What a title row above the headers says (a ledger's unit, year, threshold).
    var title = LedgerTitle()

    public enum Failure: Error, Equatable, Sendable {
        case noHeader
        case missingColumns([String])
    }

    /// `cut`, its failure said as the preview says it.
    public static func read(_ sheet: Sheet, columns: [ColumnCatalog.Column], required: [String], identifying: Set<String>,
                            catalog: ColumnCatalog) -> Result<TableRows, ImportProblem> {
        cut(sheet, columns: columns, required: required, identifying: identifying, catalog: catalog).mapError { failure in
            switch failure {
            case .noHeader: ImportProblem(row: nil, message: OfficeText.Import.noHeader)
            case .missingColumns(let names): ImportProblem(row: nil, message: OfficeText.Import.missingColumns(names))
            }
        }
    }

    /// Cuts `sheet` by `columns`; `required` must each have a column (by field).
    public static func cut(_ sheet: Sheet, columns: [ColumnCatalog.Column], required: [String], identifying: Set<String>,
                           catalog: ColumnCatalog) -> Result<TableRows, Failure> {
        guard let table = HeaderLocator.locate(in: sheet, columns: columns, required: identifying) else { return .failure(.noHeader) }
        let present = Set(table.columns.map(\.field))
        let missing = required.filter { !present.contains($0) }
        guard missing.isEmpty else {
            return .failure(.missingColumns(missing.compactMap { field in columns.first { $0.field == field }?.header }))
        }
        var rows: [Row] = []
        var skipped: [(Int, String)] = []
        let used = table.columns.filter { $0.ignored == nil }
        let identifyingColumns = table.columns.filter { identifying.contains($0.field) }
        var index = table.headerRow + 1
        while index < sheet.rows.count {
            defer { index += 1 }
            let cells = sheet.rows[index]
            let number = index + 1
            let filled = cells.filter { !$0.isBlank }
            if filled.isEmpty { skipped.append((number, OfficeText.Import.blankRow)); continue }
            if cells.contains(where: { catalog.isSubtotal($0.text) }) && identifyingColumns.allSatisfy({ catalog.isSubtotalOrEmpty(sheet[index, $0.index].text) }) {
                skipped.append((number, OfficeText.Import.subtotalRow)); continue
            }
            if filled.count == 1 && table.columns.count > 2 { skipped.append((number, OfficeText.Import.sectionRow(filled[0].text))); continue }
            if identifyingColumns.allSatisfy({ sheet[index, $0.index].isBlank || isNumbering(sheet[index, $0.index]) }) {
                skipped.append((number, filled.allSatisfy(isNumbering) ? OfficeText.Import.numberingRow : OfficeText.Import.unnamedRow)); continue
            }
            var row = Row(number: number, cells: [:])
            for column in used { row.cells[column.field] = sheet[index, column.index] }
            rows.append(row)
        }
        return .success(TableRows(table: table, rows: rows, skipped: skipped))
    }

    /// `1`, `2`, `（一）`, `甲`: what a column-numbering row under a header holds.
    static func isNumbering(_ cell: SheetCell) -> Bool {
        if case .number = cell.value { return true }
        let text = cell.text.trimmingCharacters(in: .whitespaces)
        return text.count <= 4 && (Int(text) != nil || ["甲", "乙", "丙", "丁"].contains(text))
    }
}

extension TableRows {
    /// The codes and names a lookup of stored projects needs.
    public var lookupKeys: (codes: [String], names: [String]) {
        var codes: Set<String> = []
        var names: Set<String> = []
        for row in rows {
            if let code = row.cell("code") { codes.insert(TextNormalizer.identifier(code.text)) }
            if let name = row.cell("name") {
                // As typed and as we store it: full-width digits and letters made half-width.
                names.insert(TextNormalizer.collapsedLine(name.text))
                names.insert(ValueResolver.plainText(name.text))
            }
        }
        return (codes.sorted(), names.sorted())
    }
}

extension ColumnCatalog {
    func isSubtotalOrEmpty(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).isEmpty || isSubtotal(text)
    }
}
