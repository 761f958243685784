/// A typed request body handed to the rule that also reads the page's form, as the form's
/// name–value pairs: one rule for both doors, and the body's types already checked.
protocol FormFields {
    var pairs: [(String, String)] { get }
}

/// Builds form pairs from a body's optional fields, leaving out the absent ones.
struct FormPairs {
    private(set) var pairs: [(String, String)] = []

    mutating func add(_ name: String, _ value: String?) {
        if let value { pairs.append((name, value)) }
    }

    mutating func add(_ name: String, _ value: Int?) {
        if let value { pairs.append((name, String(value))) }
    }

    mutating func add(_ name: String, _ values: [String]?) {
        for value in values ?? [] { pairs.append((name, value)) }
    }
}

/// Identifiers a body may give as one number, a numeric string, a comma-separated string or a
/// list of either, as the document allows.
struct LooseIdentifiers: Decodable, Sendable {
    var texts: [String]

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
