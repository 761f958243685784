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

    /// `+` as a space and `%XX` as its byte, as Foundation's `removingPercentEncoding` does, on
    /// the bytes (Foundation's went through NSString: a twentieth of a ledger request); bytes that
    /// are not UTF-8 become U+FFFD, and a stray `%` leaves the text as it came, spaces aside.
    static func decode(_ text: Substring) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        var wellFormed = true
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != utf8.endIndex, let high = hexValue(utf8[index]) else { wellFormed = false; break }
                let next = utf8.index(after: index)
                guard next != utf8.endIndex, let low = hexValue(utf8[next]) else { wellFormed = false; break }
                bytes.append(high << 4 | low)
                index = utf8.index(after: next)
            default:
                bytes.append(byte)
            }
            if !wellFormed { break }
        }
        if wellFormed { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
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
