import Foundation
import GroundbreakDomain

/// What the `:id` in a path names, and how the guard loads it and asks the policy about it. A
/// feature declares its own (`ObjectTarget.problem` in Problems) beside its endpoints; the guard
/// runs whichever the endpoint names and keeps what it loaded in `EndpointRequest.loaded`.
public struct ObjectTarget: Sendable, Hashable, CustomStringConvertible {
    typealias Loader = @Sendable (_ input: inout EndpointRequest, _ action: PolicyAction) async throws -> Policy.Decision

    public let name: String
    let load: Loader?

    init(_ name: String, load: @escaping Loader) {
        self.name = name
        self.load = load
    }

    private init(none: Void) {
        name = "none"
        load = nil
    }

    /// No object: the route-level decision stands.
    public static let none = ObjectTarget(none: ())

    public var description: String { name }
    public static func == (lhs: ObjectTarget, rhs: ObjectTarget) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The objects the guard loaded for a request, one per type.
struct LoadedObjects: Sendable {
    private var objects: [ObjectIdentifier: any Sendable] = [:]

    subscript<T: Sendable>(_ type: T.Type) -> T? {
        get { objects[ObjectIdentifier(type)] as? T }
        set { objects[ObjectIdentifier(type)] = newValue }
    }
}
