import Foundation

/// A unit's own list of classes (分类口径), e.g. 二道区's six fields of its 1+2+6 task force.
/// The shipped categories stay; a class may say which of them it falls under.
public struct ClassificationScheme: Sendable, Codable, Equatable {
    public var id: Int64
    /// The region whose scheme it is (the city's code for the city's own).
    public var regionCode: String
    public var name: String
    public var classes: [SchemeClass]
    public var version: Int

    public init(id: Int64 = 0, regionCode: String, name: String, classes: [SchemeClass] = [], version: Int = 1) {
        self.id = id
        self.regionCode = regionCode
        self.name = name
        self.classes = classes
        self.version = version
    }

    /// The class a ledger cell names: by name, short name or a synonym, compared without spaces
    /// and with full-width letters and digits made half-width.
    public func matching(_ text: String) -> SchemeClass? {
        let key = Self.key(text)
        guard !key.isEmpty else { return nil }
        return classes.first { $0.names.contains { Self.key($0) == key } }
    }

    /// Which scheme: a region's scheme of a name.
    public static func key(region: String, name: String) -> String { region + "|" + key(name) }

    public static func key(_ text: String) -> String {
        TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
    }

    public static let maxName = 40
    public static let maxSynonyms = 20
}

public struct SchemeClass: Sendable, Codable, Equatable {
    public var id: Int64
    public var schemeId: Int64
    public var name: String
    /// How a paragraph names it: `现代农业` for 现代农业及农产品加工业.
    public var shortName: String
    /// The shipped category it falls under, when someone has said so.
    public var categoryCode: String?
    public var synonyms: [String]
    /// False for a class an import added (待确认) until the centre confirms or maps it.
    public var confirmed: Bool
    public var sort: Int

    public init(id: Int64 = 0, schemeId: Int64 = 0, name: String, shortName: String = "", categoryCode: String? = nil,
                synonyms: [String] = [], confirmed: Bool = true, sort: Int = 0) {
        self.id = id
        self.schemeId = schemeId
        self.name = name
        self.shortName = shortName
        self.categoryCode = categoryCode
        self.synonyms = synonyms
        self.confirmed = confirmed
        self.sort = sort
    }

    public var names: [String] { [name, shortName] + synonyms }
    public var paragraphName: String { shortName.isEmpty ? name : shortName }
}

/// The checks on a class as an administrator edits it.
public enum SchemeRules {
    public static func validate(_ item: SchemeClass, in scheme: ClassificationScheme, catalog: ReferenceCatalog) -> [FieldError] {
        var errors: [FieldError] = []
        let name = TextNormalizer.collapsedLine(item.name)
        if name.isEmpty { errors.append(FieldError("name", .required(field: "name"))) }
        if name.count > ClassificationScheme.maxName { errors.append(FieldError("name", .tooLong(field: "name", max: ClassificationScheme.maxName))) }
        if item.shortName.count > ClassificationScheme.maxName { errors.append(FieldError("shortName", .tooLong(field: "shortName", max: ClassificationScheme.maxName))) }
        if item.synonyms.count > ClassificationScheme.maxSynonyms || item.synonyms.contains(where: { $0.count > ClassificationScheme.maxName }) {
            errors.append(FieldError("synonyms", .tooLong(field: "synonyms", max: ClassificationScheme.maxName)))
        }
        if let code = item.categoryCode, !catalog.assignableCategories.contains(where: { $0.code == code }) {
            errors.append(FieldError("categoryCode", .unknownCode(field: "categoryCode", code: code)))
        }
        let others = scheme.classes.filter { $0.id != item.id }
        for word in item.names where !word.isEmpty {
            if others.contains(where: { $0.names.contains { ClassificationScheme.key($0) == ClassificationScheme.key(word) } }) {
                errors.append(FieldError("name", .scheme(.nameTaken(word))))
                break
            }
        }
        return errors
    }
}
