import Foundation
import GroundbreakDomain

/// Why a store operation changed nothing.
public enum StoreError: Error, Sendable, Equatable {
    /// No such row (or not visible to the caller).
    case notFound
    /// The row changed since the caller read it; `currentVersion` is what it is now.
    case conflict(currentVersion: Int)
    /// The input breaks a rule; every problem is listed.
    case invalid(ValidationFailure)
    /// The change would put a project outside what the caller may change.
    case forbidden
    /// The attachment store cannot be written (disk full, folder read-only): nothing was kept.
    case storageUnavailable
}


/// A stored value no release writes: the row is damaged, and saying so beats guessing.
struct UnreadableRow: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "stored value in \(column) is not one this release writes: \(value.prefix(40))" }
}
