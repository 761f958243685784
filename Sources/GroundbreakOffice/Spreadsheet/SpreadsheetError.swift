import Foundation

/// Why a file could not be read at all, each with the sentence shown to the user.
public enum SpreadsheetError: Error, Equatable, Sendable {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case notASpreadsheet
    /// An OLE compound file: an encrypted xlsx or an old binary .xls.
    case encryptedOrLegacy
    case damaged(String)
    case zipBomb(part: String)
    case tooManyRows(limit: Int)
    case tooManyColumns(limit: Int)
    case tooManyCells(limit: Int)
    case tooManySharedStrings(limit: Int)
    case cellTooLong(reference: String, limit: Int)
    case noWorksheet
    case undecodableText

    public var message: String {
        switch self {
        case .empty: OfficeText.Read.empty
        case .tooLarge(let bytes, let limit): OfficeText.Read.tooLarge(bytes: bytes, limit: limit)
        case .notASpreadsheet: OfficeText.Read.notASpreadsheet
        case .encryptedOrLegacy: OfficeText.Read.encryptedOrLegacy
        case .damaged(let detail): OfficeText.Read.damaged(detail)
        case .zipBomb(let part): OfficeText.Read.zipBomb(part)
        case .tooManyRows(let limit): OfficeText.Read.tooManyRows(limit)
        case .tooManyColumns(let limit): OfficeText.Read.tooManyColumns(limit)
        case .tooManyCells(let limit): OfficeText.Read.tooManyCells(limit)
        case .tooManySharedStrings(let limit): OfficeText.Read.tooManySharedStrings(limit)
        case .cellTooLong(let reference, let limit): OfficeText.Read.cellTooLong(reference, limit)
        case .noWorksheet: OfficeText.Read.noWorksheet
        case .undecodableText: OfficeText.Read.undecodableText
        }
    }
}
