/// A typed request body handed to the rule that also reads the page's form, as the form's
/// name–value pairs: one rule for both doors, and the body's types already checked. The pairs
/// are the body's stored properties by name, absent ones left out, lists repeated.
protocol FormFields {}

extension FormFields {
    var pairs: [(String, String)] {
        Mirror(reflecting: self).children.flatMap { child -> [(String, String)] in
            guard let name = child.label else { return [] }
            return FormPairs.values(of: child.value).map { (name, $0) }
        }
    }
}

enum FormPairs {
    /// The text values a property stands for: none when absent, each element of a list.
    static func values(of value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let number as Int: [String(number)]
        case let number as Int64: [String(number)]
        case let list as [String]: list
        case let ids as LooseIdentifiers: ids.texts
        default:
            // An optional: its wrapped value, or nothing.
            Mirror(reflecting: value).displayStyle == .optional ? Mirror(reflecting: value).children.first.map { values(of: $0.value) } ?? [] : []
        }
    }
}

/// Identifiers a body may give as one number, a numeric string, a comma-separated string or a
/// list of either, as the document allows.
struct LooseIdentifiers: Decodable, Sendable {
    var texts: [String]

    init(texts: [String]) {
        self.texts = texts
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            texts = [String(number)]
        } else if let text = try? container.decode(String.self) {
            texts = [text]
        } else if let numbers = try? container.decode([Int64].self) {
            texts = numbers.map(String.init)
        } else {
            texts = try container.decode([String].self)
        }
    }
}
