import Foundation

/// Things a caller may try to do. Every endpoint names one; the policy decides.
public enum PolicyAction: String, Sendable, CaseIterable {
    case signedIn
    case viewProjects
    case viewReference
    case createProject
    case editProject
    case transitionProject
}

/// The one place that decides whether an identity may take an action.
///
/// Until roles and scopes arrive, every signed-in account may work on the whole ledger; the
/// decision still goes through here so that roles slot in without touching handlers.
public enum Policy {
    public enum Decision: Sendable, Equatable {
        case allow
        /// Not signed in.
        case unauthenticated
        /// Signed in, but not allowed.
        case deny
    }

    public static func decide(_ action: PolicyAction, for identity: Identity?) -> Decision {
        guard identity != nil else { return .unauthenticated }
        switch action {
        case .signedIn, .viewProjects, .viewReference, .createProject, .editProject, .transitionProject:
            return .allow
        }
    }
}
