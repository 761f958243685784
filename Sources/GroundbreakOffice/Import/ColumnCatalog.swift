import Foundation
import GroundbreakDomain

/// The column names and value words import understands, read from `ledger_columns.json`.
public struct ColumnCatalog: Sendable, Decodable {
    public struct Column: Sendable, Decodable, Equatable {
        public var field: String
        /// The name our exports write.
        public var header: String
        public var synonyms: [String]
        public var kind: Kind?
        /// Recognised but not imported, with the reason shown in the preview.
        public var ignored: String?
        /// The header and its synonyms as compared (`normalised`), worked out once: a sheet's
        /// first rows are each matched against every column.
        let names: Set<String>

        public enum Kind: String, Sendable, Decodable { case amount, date, month }

        enum CodingKeys: String, CodingKey { case field, header, synonyms, kind, ignored }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            field = try container.decode(String.self, forKey: .field)
            header = try container.decode(String.self, forKey: .header)
            synonyms = try container.decode([String].self, forKey: .synonyms)
            kind = try container.decodeIfPresent(Kind.self, forKey: .kind)
            ignored = try container.decodeIfPresent(String.self, forKey: .ignored)
            names = Set(([header] + synonyms).map { ColumnCatalog.normalised($0).name })
        }
    }

    public var columns: [Column]
    public var monthlyColumns: [Column]
    /// A unit's 签约项目台账 (issue 17).
    public var signingColumns: [Column]
    /// A unit's 向上资金 application list (issue 19).
    public var fundingColumns: [Column]
    /// A unit's 储备项目库 list (issue 19).
    public var reserveColumns: [Column]
    public var values: [String: [String: String]]
    public var subtotalMarkers: SubtotalMarkers

    /// `合计`, `小计`: the words of a line people add for the eye, as written in the data file and
    /// as compared (half-width, without spaces), worked out once: every cell of a file is checked.
    public struct SubtotalMarkers: Sendable, Decodable {
        public let words: [String]
        let keys: [String]

        public init(from decoder: any Decoder) throws {
            words = try decoder.singleValueContainer().decode([String].self)
            keys = words.map { TextNormalizer.halfWidth($0).filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        }
    }

    public static func shipped() throws -> ColumnCatalog {
        guard let url = Bundle.module.url(forResource: "ledger_columns", withExtension: "json", subdirectory: "Mappings") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(ColumnCatalog.self, from: Data(contentsOf: url))
    }

    /// A header as compared: half-width, no spaces or line breaks, units in brackets set aside.
    public static func normalised(_ header: String) -> (name: String, unit: MoneyUnit?) {
        var text = TextNormalizer.halfWidth(header).filter { !$0.isWhitespace }
        var unit: MoneyUnit?
        for (word, value) in [("亿元", MoneyUnit.yi), ("万元", .wan), ("元", .yuan)] where text.contains(word) {
            unit = value
            break
        }
        // Bracketed asides: (万元), (调度口径，万元), [必填].
        var result = ""
        var depth = 0
        var aside = ""
        for character in text {
            switch character {
            case "(", "[", "【", "<", "《": depth += 1; aside = ""
            case ")", "]", "】", ">", "》":
                if depth > 0 {
                    depth -= 1
                    // An aside that is not a unit stays part of the name (调度口径).
                    let stripped = aside.replacingOccurrences(of: "万元", with: "").replacingOccurrences(of: "亿元", with: "")
                        .replacingOccurrences(of: "元", with: "").replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
                        .replacingOccurrences(of: "%", with: "百分比")
                    result += stripped
                }
            default:
                if depth > 0 { aside.append(character) } else { result.append(character) }
            }
        }
        text = result.replacingOccurrences(of: "：", with: "").replacingOccurrences(of: ":", with: "")
        for word in ["亿元", "万元"] where text.hasSuffix(word) { text.removeLast(word.count) }
        return (text, unit)
    }

    /// The column a header names, among `columns`.
    public static func match(_ header: String, in columns: [Column]) -> Column? {
        let name = normalised(header).name
        guard !name.isEmpty else { return nil }
        return columns.first { $0.names.contains(name) }
    }

    /// A word for a value, e.g. `在建` → `construction` for the field `stage`.
    public func value(_ text: String, field: String) -> String? {
        let key = TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
        return values[field]?[key]
    }

    public func isSubtotal(_ text: String) -> Bool {
        let key = TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
        return subtotalMarkers.keys.contains { key.hasPrefix($0) || key.hasSuffix($0) }
    }
}
