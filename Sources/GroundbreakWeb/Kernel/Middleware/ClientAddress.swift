import Foundation
import GroundbreakDomain
import Hummingbird

/// Which address a request came from. The TCP peer, unless the peer is a configured trusted
/// proxy: then the nearest address in `X-Forwarded-For` that is not itself a trusted proxy.
/// A client cannot choose its own address by sending the header straight to us: from an
/// untrusted peer the header is ignored.
struct TrustedProxies: Sendable, Equatable {
    enum Entry: Sendable, Equatable {
        case exact(String)
        /// An IPv4 network: address and mask as 32-bit numbers.
        case ipv4Network(UInt32, UInt32)
    }

    let entries: [Entry]

    static let none = TrustedProxies(entries: [])

    /// `127.0.0.1, 10.0.0.0/8, ::1`: addresses and IPv4 networks. Nil names the first bad entry.
    static func parse(_ text: String) -> Result<TrustedProxies, InvalidEntry> {
        var entries: [Entry] = []
        for raw in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let item = String(raw)
            if let slash = item.firstIndex(of: "/") {
                guard let base = ipv4(String(item[..<slash])), let bits = Int(item[item.index(after: slash)...]), (0...32).contains(bits) else {
                    return .failure(InvalidEntry(text: item))
                }
                let mask: UInt32 = bits == 0 ? 0 : UInt32.max << (32 - bits)
                entries.append(.ipv4Network(base & mask, mask))
            } else {
                guard ipv4(item) != nil || item.contains(":") else { return .failure(InvalidEntry(text: item)) }
                entries.append(.exact(item.lowercased()))
            }
        }
        return .success(TrustedProxies(entries: entries))
    }

    struct InvalidEntry: Error, Equatable { let text: String }

    func contains(_ address: String) -> Bool {
        let address = address.lowercased()
        let v4 = Self.ipv4(address)
        return entries.contains { entry in
            switch entry {
            case .exact(let known): known == address
            case .ipv4Network(let network, let mask): v4.map { $0 & mask == network } ?? false
            }
        }
    }

    /// The client's address for a request from `peer` carrying `forwardedFor` headers.
    func client(peer: String, forwardedFor: [String]) -> String {
        guard contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard Self.looksLikeAddress(hop) else { return peer }
            if !contains(hop) { return hop }
        }
        return hops.first.flatMap { Self.looksLikeAddress($0) ? $0 : nil } ?? peer
    }

    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// An IPv4 address, or something made only of hex digits and colons (IPv6), at most 45 characters.
    static func looksLikeAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 45 else { return false }
        return ipv4(text) != nil || (text.contains(":") && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." })
    }
}

/// Puts the client's address (see `TrustedProxies`) into the context before anything else reads it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let proxies: TrustedProxies

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard !proxies.entries.isEmpty else { return try await next(request, context) }
        var context = context
        context.sourceIP = proxies.client(peer: context.sourceIP, forwardedFor: request.headers[values: .init("X-Forwarded-For")!])
        return try await next(request, context)
    }
}
