import Foundation

/// One row of a 储备项目库 list, planned: the project (on the ledger, or a reserve project to put
/// there), its entry as the row gives it (under the version the preview read: 0 for a new entry),
/// and whether it goes into the city's library.
public struct ReserveImportWrite: Sendable {
    public var target: RowProject
    public var entry: ReserveEntry
    public var promote: Bool
    public var row: Int

    public init(target: RowProject, entry: ReserveEntry, promote: Bool, row: Int) {
        self.target = target
        self.entry = entry
        self.promote = promote
        self.row = row
    }
}
