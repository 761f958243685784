import Foundation
import GroundbreakDomain
@testable import GroundbreakWeb
import Testing

@Suite("The text guard's look at the raw body")
struct TextInputGuardTests {
    /// Scalars a body's strings are drawn from: plain, CJK, quotes and backslashes, and every kind
    /// of character the guard refuses, with their neighbours that it lets through.
    static let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\t", "\n", "\r", "中", "项", "€", "😀",
                                          "\u{00}", "\u{07}", "\u{08}", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
                                          "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}"]

    /// JSON as a client that escapes every non-ASCII character writes it (Python's default).
    static func asciiJSON(_ strings: [String]) -> String {
        "[" + strings.map { text in
            "\"" + text.utf16.map { unit -> String in
                switch unit {
                case 0x22: return "\\\""
                case 0x5C: return "\\\\"
                case 0x20..<0x7F: return String(UnicodeScalar(UInt8(unit)))
                default: return String(format: "\\u%04x", unit)
                }
            }.joined() + "\""
        }.joined(separator: ",") + "]"
    }

    @Test("a body may hold a refused character exactly when a string decoded from it does, raw or escaped")
    func rawLookMatchesTheDecodedStrings() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            let strings = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    // Mostly harmless characters, so that most bodies hold none of the refused ones.
                    Self.pool[Int.random(in: 0..<(Bool.random(using: &generator) ? 14 : Self.pool.count), using: &generator)]
                }))
            }
            let holds = strings.contains(where: TextNormalizer.hasForbiddenControls)
            let encoded = try JSONEncoder().encode(strings)
            let ascii = Data(Self.asciiJSON(strings).utf8)
            #expect(try JSONDecoder().decode([String].self, from: ascii) == strings)
            #expect(TextInputGuard.mayHoldForbidden(encoded) == holds, "round \(round): \(String(decoding: encoded, as: UTF8.self))")
            #expect(TextInputGuard.mayHoldForbidden(ascii) == holds, "round \(round): \(String(decoding: ascii, as: UTF8.self))")
        }
    }
}
