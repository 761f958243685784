import Foundation

/// What a file may weigh before we refuse it, checked while it is read so that reading stops at
/// the first limit crossed. From real ledgers: a city's year ledger (seed 002, ~1,300 projects ×
/// ~40 columns) is well under 1 MB as xlsx; our own 10,000-project export is 2 MB as xlsx,
/// 20 MB inflated, 400,000 cells. The limits leave several times that and stop a crafted file
/// long before it costs seconds of CPU or hundreds of MB.
public struct SpreadsheetLimits: Sendable, Equatable {
    /// The file as uploaded.
    public var maxFileBytes = 10 * 1024 * 1024
    /// Any one part of an xlsx once inflated (the sheet, the shared strings).
    public var maxPartBytes = 64 * 1024 * 1024
    /// Inflated size over compressed size: a zip bomb inflates a thousandfold.
    public var maxCompressionRatio: UInt64 = 100
    public var maxRows = 100_000
    public var maxColumns = 200
    /// Non-empty cells in the sheet (csv: every field).
    public var maxCells = 2_000_000
    public var maxSharedStrings = 1_000_000
    public var maxCellCharacters = 32_767

    public init() {}
}
