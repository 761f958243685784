import Foundation

/// An `application/x-www-form-urlencoded` body or query: ordered pairs, keys may repeat
/// (multi-selects send one pair per chosen option).
public struct FormData: Sendable, Equatable {
    public var pairs: [(String, String)]

    public init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    public init(encoded: String) {
        pairs = encoded.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = FormData.decode(pieces[0])
            let value = pieces.count > 1 ? FormData.decode(pieces[1]) : ""
            return (key, value)
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public subscript(_ key: String) -> String {
        pairs.first { $0.0 == key }?.1 ?? ""
    }

    public func all(_ key: String) -> [String] {
        pairs.filter { $0.0 == key }.map(\.1)
    }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.pairs.map { "\($0.0)=\($0.1)" } == rhs.pairs.map { "\($0.0)=\($0.1)" }
    }
}
