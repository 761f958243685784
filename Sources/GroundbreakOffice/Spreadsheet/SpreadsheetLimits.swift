import Foundation

/// What a file may weigh before we refuse it unread. A real unit's ledger is a few thousand rows
/// and a few dozen columns; these leave ample room and stop a crafted file from exhausting memory.
public struct SpreadsheetLimits: Sendable, Equatable {
    /// The file as uploaded.
    public var maxFileBytes = 20 * 1024 * 1024
    /// Any one part of an xlsx once inflated (the sheet, the shared strings).
    public var maxPartBytes = 200 * 1024 * 1024
    /// Inflated size over compressed size: a zip bomb inflates a thousandfold.
    public var maxCompressionRatio: UInt64 = 200
    public var maxRows = 100_000
    public var maxColumns = 200
    public var maxSharedStrings = 1_000_000
    public var maxCellCharacters = 32_767

    public init() {}
}
