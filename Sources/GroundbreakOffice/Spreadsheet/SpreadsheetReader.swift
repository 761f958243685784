import Foundation
import GroundbreakDomain

/// Any table a unit sends us: xlsx, or csv in UTF-8 or GB18030 (what Excel on a Chinese desktop
/// saves). The kind is told by the bytes, not by the file name.
public enum SpreadsheetReader {
    public static func read(_ bytes: [UInt8], limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> Sheet {
        guard !bytes.isEmpty else { throw SpreadsheetError.empty }
        guard bytes.count <= limits.maxFileBytes else { throw SpreadsheetError.tooLarge(bytes: bytes.count, limit: limits.maxFileBytes) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.read(Data(bytes), limits: limits) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw SpreadsheetError.encryptedOrLegacy }
        if bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: Array("%PDF".utf8)) || bytes.prefix(512).contains(0) {
            throw SpreadsheetError.notASpreadsheet
        }
        return try readCSV(bytes, limits: limits)
    }

    static func readCSV(_ bytes: [UInt8], limits: SpreadsheetLimits) throws -> Sheet {
        let text = try TextDecoding.decode(bytes)
        let rows: [[String]]
        do {
            rows = try CSV.parse(text, limits: CSV.Limits(maxRows: limits.maxRows, maxCells: limits.maxCells, maxFieldCharacters: limits.maxCellCharacters))
        } catch let exceeded as CSV.LimitExceeded {
            switch exceeded {
            case .rows: throw SpreadsheetError.tooManyRows(limit: limits.maxRows)
            case .cells: throw SpreadsheetError.tooManyCells(limit: limits.maxCells)
            case .fieldLength(let row, let column):
                throw SpreadsheetError.cellTooLong(reference: CellPosition(row: row, column: column).reference, limit: limits.maxCellCharacters)
            }
        } catch {
            throw SpreadsheetError.damaged("csv")
        }
        var sheetRows: [[SheetCell]] = []
        sheetRows.reserveCapacity(rows.count)
        for row in rows {
            guard row.count <= limits.maxColumns else { throw SpreadsheetError.tooManyColumns(limit: limits.maxColumns) }
            sheetRows.append(row.map { $0.isEmpty ? .empty : SheetCell(.text(TextNormalizer.removingForbiddenControls($0))) })
        }
        return Sheet(name: "", rows: sheetRows)
    }
}

/// UTF-8 (with or without a byte-order mark), else GB18030, which also covers GBK and GB2312.
public enum TextDecoding {
    /// Foundation's number for GB 18030-2000 (CoreFoundation's 0x0632 in the NSString space).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ bytes: [UInt8]) throws -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        if let text = String(data: Data(body), encoding: gb18030), !text.contains("\u{FFFD}") { return text }
        throw SpreadsheetError.undecodableText
    }
}
