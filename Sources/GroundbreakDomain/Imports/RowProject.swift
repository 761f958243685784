import Foundation

/// The project a row of a unit's list is for: one on the ledger, or one the ledger lacks, to be
/// kept in 谋划储备 with what the row says of it.
public enum RowProject: Sendable {
    case project(Int64)
    case reserve(ProjectInput)

    /// What the preview promised for the row, as its digest compares it.
    public func digestKey(row: Int) -> String {
        switch self {
        case .project(let id): "p\(row):\(id)"
        case .reserve(let input): "r\(row):\(input.regionCode)/\(input.zoneCode)/\(input.name)/\(input.code)"
        }
    }
}
