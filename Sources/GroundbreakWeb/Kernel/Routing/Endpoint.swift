import Foundation
import GroundbreakDomain
import HTTPTypes
import Hummingbird

typealias Handler = @Sendable (EndpointRequest) async throws -> Response

/// One route the server answers: method, path pattern, what the caller must be allowed to do,
/// which object its `:id` names, and the handler. Each feature declares its own in its folder
/// (an `EndpointSet`); `Features.all` lists the features, and registration, the OpenAPI coverage
/// test and the authorisation matrix all walk what they declare.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Machine endpoints with no session: health, metrics, static files.
        case system
        /// HTML pages and form posts.
        case page
        /// JSON under `/api/v1`.
        case api
    }

    /// The feature that declares it (`problems`) and its name there (`problemShow`).
    public let feature: String
    public let name: String
    let declaration: EndpointDeclaration

    public var method: HTTPRequest.Method { declaration.method }
    public var pattern: String { declaration.pattern }
    public var kind: Kind { declaration.kind }
    /// What the caller must be allowed to do; `nil` for routes open to anyone.
    public var action: PolicyAction? { declaration.action }
    public var target: ObjectTarget { declaration.target }
    /// Routes that take a file: a larger body limit, and `multipart/form-data` for the page.
    public var acceptsUpload: Bool { declaration.acceptsUpload }
    /// Routes a user who must change the password may still use.
    public var allowedBeforePasswordChange: Bool { action == nil || declaration.beforePasswordChange }
    /// Reads that may come from the replica a few seconds behind (see `ReadRouting`).
    public var toleratesLag: Bool { declaration.toleratesLag }
    /// Whether the request changes state and therefore needs a CSRF proof when made with a session.
    public var isMutation: Bool { method != .get && method != .head }
    var handler: Handler { declaration.handler }

    public var description: String { feature + "." + name }

    public static func == (lhs: Endpoint, rhs: Endpoint) -> Bool { lhs.feature == rhs.feature && lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(feature)
        hasher.combine(name)
    }

    /// Every endpoint of every feature, in declaration order.
    public static let allCases: [Endpoint] = Features.all.flatMap { $0.declared }
}

/// What a feature writes for each of its endpoints.
struct EndpointDeclaration: Sendable {
    var method: HTTPRequest.Method
    var pattern: String
    var action: PolicyAction?
    var target: ObjectTarget = .none
    var acceptsUpload = false
    var beforePasswordChange = false
    /// The sign-in form, which has no session yet and proves itself with a signed cookie instead.
    var signInForm = false
    var system = false
    /// Dashboards, rankings, the big screen and exports: read from the replica when one is
    /// configured and close enough (see `ReadRouting`).
    var toleratesLag = false
    var handler: Handler

    /// This read, marked as one that tolerates a few seconds' lag.
    var lagTolerant: Self {
        var copy = self
        copy.toleratesLag = true
        return copy
    }

    var kind: Endpoint.Kind { system ? .system : pattern.hasPrefix("/api/") ? .api : .page }

    static func get(_ pattern: String, _ action: PolicyAction?, on target: ObjectTarget = .none, beforePasswordChange: Bool = false,
                    _ handler: @escaping Handler) -> Self {
        Self(method: .get, pattern: pattern, action: action, target: target, beforePasswordChange: beforePasswordChange, handler: handler)
    }

    static func post(_ pattern: String, _ action: PolicyAction?, on target: ObjectTarget = .none, upload: Bool = false, beforePasswordChange: Bool = false,
                     signInForm: Bool = false, _ handler: @escaping Handler) -> Self {
        Self(method: .post, pattern: pattern, action: action, target: target, acceptsUpload: upload, beforePasswordChange: beforePasswordChange,
             signInForm: signInForm, handler: handler)
    }

    static func patch(_ pattern: String, _ action: PolicyAction?, on target: ObjectTarget = .none, _ handler: @escaping Handler) -> Self {
        Self(method: .patch, pattern: pattern, action: action, target: target, handler: handler)
    }

    /// Health, metrics and static files: no session, no policy.
    static func system(_ pattern: String, _ handler: @escaping Handler) -> Self {
        Self(method: .get, pattern: pattern, action: nil, system: true, handler: handler)
    }
}

/// A feature's endpoints: one case each, and one `switch` saying everything about each.
protocol EndpointSet: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The feature's name, as its folder is named (lower case).
    static var feature: String { get }
    var declaration: EndpointDeclaration { get }
    /// What an API endpoint promises (the OpenAPI document is built from these); `nil` for pages.
    var contract: OperationContract? { get }
    /// The main-navigation entries the feature offers (none by default).
    static var navigation: [NavigationEntry] { get }
}

extension EndpointSet {
    static var navigation: [NavigationEntry] { [] }

    var endpoint: Endpoint { Endpoint(feature: Self.feature, name: rawValue, declaration: declaration) }
    var pattern: String { declaration.pattern }

    static var declared: [Endpoint] { allCases.map(\.endpoint) }
    static var contracts: [(Endpoint, OperationContract?)] { allCases.map { ($0.endpoint, $0.contract) } }

    /// The case an endpoint was declared as, when it is one of this feature's.
    init?(_ endpoint: Endpoint) {
        guard endpoint.feature == Self.feature else { return nil }
        self.init(rawValue: endpoint.name)
    }

    func matches(_ endpoint: Endpoint) -> Bool { endpoint.feature == Self.feature && endpoint.name == rawValue }
    static func == (lhs: Endpoint, rhs: Self) -> Bool { rhs.matches(lhs) }
    static func == (lhs: Self, rhs: Endpoint) -> Bool { lhs.matches(rhs) }
    static func != (lhs: Endpoint, rhs: Self) -> Bool { !rhs.matches(lhs) }
    static func != (lhs: Self, rhs: Endpoint) -> Bool { !lhs.matches(rhs) }
}

