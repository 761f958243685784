import Foundation

/// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character computed from the
/// other 17 with weights 3^i mod 31 over the alphabet below (no I, O, Z, S, V).
public struct CreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case wrongLength
        case invalidCharacter
        case checkDigitMismatch(expected: Character)
    }

    public static func parse(_ raw: String) -> Result<CreditCode, ParseError> {
        if let stored = canonical(raw) { return .success(stored) }
        let text = TextNormalizer.identifier(raw)
        guard !text.isEmpty else { return .failure(.empty) }
        let characters = Array(text)
        guard characters.count == 18 else { return .failure(.wrongLength) }
        var indices: [Int] = []
        for character in characters {
            guard let index = alphabet.firstIndex(of: character) else { return .failure(.invalidCharacter) }
            indices.append(index)
        }
        // Characters 3–8 are the administrative division code: digits only.
        guard characters[2..<8].allSatisfy(\.isASCIIDigit) else { return .failure(.invalidCharacter) }
        let expected = checkCharacter(for: indices.prefix(17))
        guard characters[17] == expected else { return .failure(.checkDigitMismatch(expected: expected)) }
        return .success(CreditCode(value: text))
    }

    /// Each ASCII byte's place in `alphabet`, -1 for bytes outside it.
    private static let alphabetIndex: [Int] = (0..<128).map { byte in
        alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(byte)))) ?? -1
    }

    /// The code when `text` is already a valid code in its written form (18 ASCII characters of
    /// the alphabet, upper case): what every stored code is, read on each project load. The same
    /// answer as the general path, from the bytes alone; nil sends anything else there.
    private static func canonical(_ text: String) -> CreditCode? {
        var sum = 0
        var count = 0
        var last = -1
        for byte in text.utf8 {
            guard byte < 128, count < 18 else { return nil }
            let index = alphabetIndex[Int(byte)]
            guard index >= 0 else { return nil }
            // Characters 3–8 are the administrative division code: digits only.
            if count >= 2, count < 8, index > 9 { return nil }
            if count < 17 { sum += index * weights[count] } else { last = index }
            count += 1
        }
        guard count == 18, last == (31 - sum % 31) % 31 else { return nil }
        return CreditCode(value: text)
    }

    /// The check character for the first 17 characters of a code (used by tests and the demo data).
    public static func checkCharacter(forPrefix prefix: String) -> Character? {
        let indices = prefix.compactMap { alphabet.firstIndex(of: $0) }
        guard indices.count == 17, prefix.count == 17 else { return nil }
        return checkCharacter(for: indices[...])
    }

    private static func checkCharacter(for indices: ArraySlice<Int>) -> Character {
        var sum = 0
        for (offset, index) in indices.enumerated() {
            sum += index * weights[offset]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    private init(value: String) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard case .success(let code) = CreditCode.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid credit code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
