import Foundation
import ZIPFoundation

/// Reads the first worksheet of an xlsx package: values, dates told by their number format,
/// merged ranges. Every part is inflated under a byte budget counted as it inflates, since the
/// sizes a zip declares may lie.
enum XLSXReader {
    static func read(_ data: Data, limits: SpreadsheetLimits) throws -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError.damaged("zip")
        }
        let workbook = XLSXParts.Workbook()
        try XLSXParts.parse(try part("xl/workbook.xml", in: archive, limits: limits, required: true)!, with: workbook, part: "workbook.xml")
        let relationships = XLSXParts.Relationships()
        if let data = try part("xl/_rels/workbook.xml.rels", in: archive, limits: limits, required: false) {
            try XLSXParts.parse(data, with: relationships, part: "workbook.xml.rels")
        }
        guard let first = workbook.sheets.first else { throw SpreadsheetError.noWorksheet }
        let sheetPath = first.relationship.isEmpty ? "xl/worksheets/sheet1.xml" : resolve(relationships.targets[first.relationship] ?? "worksheets/sheet1.xml")

        let sharedStringsPath = relationships.targets.values.first { $0.hasSuffix("sharedStrings.xml") }.map(resolve) ?? "xl/sharedStrings.xml"
        let sharedStrings = XLSXParts.SharedStrings(limits: limits)
        if let data = try part(sharedStringsPath, in: archive, limits: limits, required: false) {
            try XLSXParts.parse(data, with: sharedStrings, part: "sharedStrings.xml")
        }
        let stylesPath = relationships.targets.values.first { $0.hasSuffix("styles.xml") }.map(resolve) ?? "xl/styles.xml"
        let styles = XLSXParts.Styles()
        if let data = try part(stylesPath, in: archive, limits: limits, required: false) {
            try XLSXParts.parse(data, with: styles, part: "styles.xml")
        }
        guard let sheetData = try part(sheetPath, in: archive, limits: limits, required: false) else { throw SpreadsheetError.noWorksheet }
        let worksheet = XLSXParts.Worksheet(limits: limits, sharedStrings: sharedStrings.strings, dateStyles: styles.dateStyles)
        try XLSXParts.parse(sheetData, with: worksheet, part: sheetPath)
        return assemble(name: first.name, cells: worksheet.cells, merges: worksheet.merges)
    }

    /// `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml` → a path inside the package.
    static func resolve(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func part(_ path: String, in archive: Archive, limits: SpreadsheetLimits, required: Bool) throws -> Data? {
        guard let entry = archive[path] else {
            if required { throw SpreadsheetError.notASpreadsheet }
            return nil
        }
        let declaredRatio = entry.uncompressedSize / max(entry.compressedSize, 1)
        if entry.uncompressedSize > UInt64(limits.maxPartBytes) || (entry.uncompressedSize > 1_000_000 && declaredRatio > limits.maxCompressionRatio) {
            throw SpreadsheetError.zipBomb(part: path)
        }
        var data = Data()
        let budget = Int(min(entry.uncompressedSize, UInt64(limits.maxPartBytes)))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= budget else { throw SpreadsheetError.zipBomb(part: path) }
                data.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.damaged(path)
        }
        return data
    }

    static func assemble(name: String, cells: [(CellPosition, SheetCell)], merges: [CellRange]) -> Sheet {
        let rowCount = (cells.map(\.0.row).max() ?? -1) + 1
        var rows = Array(repeating: [SheetCell](), count: rowCount)
        for (position, cell) in cells {
            if rows[position.row].count <= position.column {
                rows[position.row] += Array(repeating: .empty, count: position.column + 1 - rows[position.row].count)
            }
            rows[position.row][position.column] = cell
        }
        return Sheet(name: name, rows: rows, merges: merges)
    }
}
