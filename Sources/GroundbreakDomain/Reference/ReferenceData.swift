import Foundation

/// Validity span and provenance shared by every reference row (DESIGN: reference data is data).
public struct Validity: Sendable, Codable, Equatable {
    public var validFrom: Day?
    public var validTo: Day?
    public var source: String

    public init(validFrom: Day? = nil, validTo: Day? = nil, source: String) {
        self.validFrom = validFrom
        self.validTo = validTo
        self.source = source
    }

    public func isValid(on day: Day) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validTo, day > validTo { return false }
        return true
    }
}

public struct Region: Sendable, Codable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable {
        case province, city, district, county, countyCity = "county_city", township
    }
    public var code: String
    public var name: String
    public var kind: Kind
    public var parentCode: String?
    /// For a retired code: the code that replaced it (e.g. 220381 → 220184).
    public var aliasOf: String?
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, name: String, kind: Kind, parentCode: String?, aliasOf: String?, sort: Int, validity: Validity) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.aliasOf = aliasOf
        self.sort = sort
        self.validity = validity
    }
}

public struct Zone: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var name: String
    public var shortName: String
    public var level: String
    public var codeSource: String
    public var parentCode: String?
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, name: String, shortName: String, level: String, codeSource: String, parentCode: String?, sort: Int, validity: Validity) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.level = level
        self.codeSource = codeSource
        self.parentCode = parentCode
        self.sort = sort
        self.validity = validity
    }
}

public struct Department: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var name: String
    public var shortName: String
    /// `city` or `district`.
    public var level: String
    public var regionCode: String?
    public var kind: String
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, name: String, shortName: String, level: String, regionCode: String?, kind: String, sort: Int, validity: Validity) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.level = level
        self.regionCode = regionCode
        self.kind = kind
        self.sort = sort
        self.validity = validity
    }
}

/// The local two-level project category (产业类别).
public struct Category: Sendable, Codable, Equatable, Identifiable {
    /// The shipped category (待补充) a project imported without a category the centre knows
    /// carries until someone supplies the real one.
    public static let pendingCode = "TBD"

    public var code: String
    public var level: Int
    public var parentCode: String?
    public var name: String
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, level: Int, parentCode: String?, name: String, sort: Int, validity: Validity) {
        self.code = code
        self.level = level
        self.parentCode = parentCode
        self.name = name
        self.sort = sort
        self.validity = validity
    }
}

/// GB/T 4754-2017 门类.
public struct IndustrySection: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var name: String
    public var validity: Validity
    public var id: String { code }

    public init(code: String, name: String, validity: Validity) {
        self.code = code
        self.name = name
        self.validity = validity
    }
}

/// GB/T 4754-2017 大类.
public struct IndustryDivision: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var sectionCode: String
    public var name: String
    public var validity: Validity
    public var id: String { code }

    public init(code: String, sectionCode: String, name: String, validity: Validity) {
        self.code = code
        self.sectionCode = sectionCode
        self.name = name
        self.validity = validity
    }
}

/// A size threshold (规模档). "以上" means ≥: a project is in every band whose minimum it reaches.
public struct SizeBand: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var label: String
    public var minimum: Money
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, label: String, minimum: Money, sort: Int, validity: Validity) {
        self.code = code
        self.label = label
        self.minimum = minimum
        self.sort = sort
        self.validity = validity
    }
}

public struct Tag: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var name: String
    public var description: String
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, name: String, description: String, sort: Int, validity: Validity) {
        self.code = code
        self.name = name
        self.description = description
        self.sort = sort
        self.validity = validity
    }
}

/// A seat (职务). Duties attach to seats, so a change of holder changes nothing else.
public struct Position: Sendable, Codable, Equatable, Identifiable {
    public enum Duty: String, Sendable, Codable, CaseIterable {
        /// 包保领导 seats: city leaders.
        case sponsor
        /// 项目秘书 seats.
        case secretary
        case staff

        public var label: String { DomainText.positionDuty(self).zh }
    }
    public var id: Int64
    public var title: String
    public var unitName: String
    public var duty: Duty
    /// Name of the person holding the seat today, if any.
    public var holderName: String?
    public var holderPhone: String?

    public init(id: Int64, title: String, unitName: String, duty: Duty, holderName: String?, holderPhone: String? = nil) {
        self.id = id
        self.title = title
        self.unitName = unitName
        self.duty = duty
        self.holderName = holderName
        self.holderPhone = holderPhone
    }

    /// `王某某（副市长）` or just the seat when vacant.
    public var display: String {
        if let holderName, !holderName.isEmpty { return "\(holderName)（\(title)）" }
        return "\(title)（空缺）"
    }
}
