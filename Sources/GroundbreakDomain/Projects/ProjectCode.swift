import Foundation

/// 投资项目统一代码: the 24-character national project code `dddd-dddddd-dd-dd-dddddd`.
///
/// Two formats share the shape (cn-reference §1): the current one (since 2020-11, GB/T 40058-2021)
/// starts with YYMM; the legacy one (2015–2020) starts with the year. The check digit is not
/// validated because its algorithm is not published in our sources.
public struct ProjectCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Format: String, Sendable, Codable {
        case current
        case legacy
    }

    public let value: String
    public let format: Format

    public var description: String { value }

    /// The 6-digit region (or department) segment.
    public var regionSegment: String {
        String(value.dropFirst(5).prefix(6))
    }

    /// Year and month of assignment for current codes; year only for legacy codes.
    public var assigned: (year: Int, month: Int?) {
        let head = Int(value.prefix(4))!
        switch format {
        case .current: return (2000 + head / 100, head % 100)
        case .legacy: return (head, nil)
        }
    }

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case wrongShape
        case unknownPeriod
    }

    public static func parse(_ raw: String) -> Result<ProjectCode, ParseError> {
        if let stored = canonical(raw) { return .success(stored) }
        let text = TextNormalizer.identifier(raw)
        guard !text.isEmpty else { return .failure(.empty) }
        let segments = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = segments.map(\.count)
        guard lengths == [4, 6, 2, 2, 6], segments.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else {
            return .failure(.wrongShape)
        }
        guard let format = format(head: Int(segments[0])!) else { return .failure(.unknownPeriod) }
        return .success(ProjectCode(value: text, format: format))
    }

    /// The code when `text` is already in its written form (`dddd-dddddd-dd-dd-dddddd`, ASCII):
    /// what every stored code is, read on each project load. The same answer as the general path,
    /// from the bytes alone; nil sends anything else there.
    private static func canonical(_ text: String) -> ProjectCode? {
        var head = 0
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 4, 11, 14, 17: guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                if count < 4 { head = head * 10 + Int(byte - UInt8(ascii: "0")) }
            }
            count += 1
            if count > 24 { return nil }
        }
        guard count == 24, let format = format(head: head) else { return nil }
        return ProjectCode(value: text, format: format)
    }

    /// The format the first segment says: YYMM (month 1–12) for current codes, a year 2015–2020
    /// for legacy ones; nil for any other period.
    private static func format(head: Int) -> Format? {
        switch head % 100 {
        case 1...12: .current
        case 15...20 where head / 100 == 20: .legacy
        default: nil
        }
    }

    private init(value: String, format: Format) {
        self.value = value
        self.format = format
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch ProjectCode.parse(text) {
        case .success(let code): self = code
        case .failure:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid project code"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
