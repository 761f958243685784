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
}

