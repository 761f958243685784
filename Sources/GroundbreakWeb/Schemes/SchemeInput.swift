import GroundbreakDomain

/// A class as a form or a body gives it: `synonyms` one per line (or separated by 、，,;；),
/// `confirmed` true or false, `version` the scheme's version read.
enum SchemeInput {
    static func draft(_ pairs: [(String, String)], base: SchemeClass) -> (item: SchemeClass, version: Int?, errors: [FieldError]) {
        let form = FormData(pairs: pairs)
        var item = base
        var errors: [FieldError] = []
        let has = Set(pairs.map(\.0))
        if has.contains("name") { item.name = form["name"] }
        if has.contains("shortName") { item.shortName = form["shortName"] }
        if has.contains("categoryCode") { item.categoryCode = form["categoryCode"].isEmpty ? nil : form["categoryCode"] }
        if has.contains("synonyms") {
            item.synonyms = pairs.filter { $0.0 == "synonyms" }.flatMap { $0.1.split { "\n\r、，,;；".contains($0) }.map(String.init) }
        }
        if has.contains("confirmed") {
            switch form["confirmed"] {
            case "true", "1": item.confirmed = true
            case "false", "0", "": item.confirmed = false
            default: errors.append(FieldError("confirmed", .unknownCode(field: "confirmed", code: String(form["confirmed"].prefix(20)))))
            }
        }
        var version: Int?
        if has.contains("version") {
            if let value = Int(form["version"]) { version = value } else { errors.append(FieldError("version", .notWholeNumber(field: "version"))) }
        }
        return (item, version, errors)
    }
}

/// A class by the API.
struct SchemeClassRequest: Decodable, Sendable {
    var name: String?
    var shortName: String?
    var categoryCode: String?
    var synonyms: [String]?
    var confirmed: Bool?
    var version: Int?

    var pairs: [(String, String)] {
        var pairs: [(String, String)] = []
        if let name { pairs.append(("name", name)) }
        if let shortName { pairs.append(("shortName", shortName)) }
        if let categoryCode { pairs.append(("categoryCode", categoryCode)) }
        if let synonyms { pairs += synonyms.isEmpty ? [("synonyms", "")] : synonyms.map { ("synonyms", $0) } }
        if let confirmed { pairs.append(("confirmed", confirmed ? "true" : "false")) }
        if let version { pairs.append(("version", String(version))) }
        return pairs
    }
}

/// A new scheme by the API.
struct SchemeRequest: Decodable, Sendable {
    var regionCode: String
    var name: String
}
