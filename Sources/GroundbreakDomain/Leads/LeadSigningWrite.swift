import Foundation

/// One row of a unit's 签约项目台账 as the import commits it: a new lead recorded as signed, or a
/// lead already followed moved to its signing; with the row's 进展 kept as a progress note.
public struct LeadSigningWrite: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A project the unit never recorded: a lead that came in on its signing day.
        case create(Lead)
        /// A lead followed and not yet signed, at the version read.
        case sign(leadId: Int64, version: Int)
    }

    public var target: Target
    public var signing: LeadSigning
    public var progress: String
    /// The spreadsheet row, as Excel numbers it.
    public var row: Int

    public init(target: Target, signing: LeadSigning, progress: String, row: Int) {
        self.target = target
        self.signing = signing
        self.progress = progress
        self.row = row
    }
}
