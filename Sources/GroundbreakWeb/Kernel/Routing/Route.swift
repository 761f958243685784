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
        var fills: [(String, String)] = []
        if let id { fills.append((":id", String(id))) }
        if let (name, value) = parameter { fills.append((name, Route.encode(value))) }
        let base = Route.filling(endpoint.pattern, with: fills)
        self.endpoint = endpoint.endpoint
        path = query.isEmpty ? base : base + "?" + Route.query(query)
    }

    public var description: String { "\(endpoint) \(path)" }

    /// The pattern with each whole segment named in `fills` (`:id`, `:code`) replaced by its value.
    /// Split on `/`, not `replacingOccurrences`: every link of a page passes here, and Foundation's
    /// replace goes through `NSString` (a UTF-16 copy and a search by characters) for each one.
    static func filling(_ pattern: String, with fills: [(String, String)]) -> String {
        guard !fills.isEmpty else { return pattern }
        var result = ""
        result.reserveCapacity(pattern.utf8.count + fills.reduce(0) { $0 + $1.1.utf8.count })
        for (index, segment) in pattern.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result += "/" }
            if segment.first == ":", let fill = fills.first(where: { $0.0 == segment }) { result += fill.1 } else { result += segment }
        }
        return result
    }

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

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// Every byte of the UTF-8 but the unreserved ones as `%XX`. Written on bytes: every link of
    /// every page passes here, and Foundation's `addingPercentEncoding` was a twentieth of a page.
    static func encode(_ text: String) -> String {
        let utf8 = text.utf8
        guard !utf8.allSatisfy(isUnreserved) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if isUnreserved(byte) { bytes.append(byte) } else { bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
