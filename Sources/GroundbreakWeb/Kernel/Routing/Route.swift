import Foundation
import GroundbreakDomain

/// Typed links: every href the pages write is a `Route`, built from the endpoint it points at,
/// so a link cannot point at a path the router does not serve. Each feature declares its own
/// links (`static func problem(_:)` …) beside its endpoints.
public struct Route: Sendable, Equatable, CustomStringConvertible {
    public let endpoint: Endpoint
    public let path: String

    /// The endpoint's pattern with `:id` (or another parameter) filled in, and the query items
    /// encoded, in order, as given.
    init(_ endpoint: some EndpointSet, id: Int64? = nil, parameter: (String, String)? = nil, query: [(String, String)] = []) {
        var base = endpoint.pattern
        if let id { base = base.replacingOccurrences(of: ":id", with: String(id)) }
        if let (name, value) = parameter { base = base.replacingOccurrences(of: name, with: Route.encode(value)) }
        self.endpoint = endpoint.endpoint
        path = query.isEmpty ? base : base + "?" + Route.query(query)
    }

    public var description: String { "\(endpoint) \(path)" }

    /// The path with more query items, joined with `?` or `&` as the route's own query needs.
    public func path(adding items: [(String, String)]) -> String {
        let base = path
        guard !items.isEmpty else { return base }
        return base + (base.contains("?") ? "&" : "?") + Route.query(items)
    }

    /// The path with a confirmation for the page to show (one of its fixed wordings).
    public func path(notice: String) -> String {
        path(adding: [("notice", notice)])
    }

    /// `application/x-www-form-urlencoded` encoding of query items.
    public static func query(_ items: [(String, String)]) -> String {
        items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
