import Foundation
import GroundbreakDomain

/// A value in a JSON body that may be absent (leave as is), `null` (clear) or given.
enum Patch<Value: Decodable & Sendable>: Sendable {
    case absent
    case null
    case value(Value)
}

/// The body of `POST /api/v1/projects` and `PATCH /api/v1/projects/{id}`.
///
/// PATCH follows JSON merge-patch semantics: absent keys keep their value, `null` clears it.
/// Unknown keys are refused, so a misspelt field cannot be silently ignored.
struct ProjectWriteDTO: Decodable, Sendable, DeclaresOwnFields {
    enum Key: String, CodingKey, CaseIterable {
        case name, code, ownerName, ownerCreditCode, regionCode, zoneCode, categoryCode, industryDivision
        case investmentType, totalInvestment, constructionContent, address, longitude, latitude
        case plannedStart, plannedCompletion, actualStart, actualCompletion, levels, tags
        case leadDepartmentCode, supportDepartmentCodes, sponsorPositionId, secretaryPositionId
        case stage, version
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var strings: [Key: Patch<String>] = [:]
    var lists: [Key: Patch<[String]>] = [:]
    var totalInvestment: Patch<Int64> = .absent
    var longitude: Patch<Double> = .absent
    var latitude: Patch<Double> = .absent
    var sponsorPositionId: Patch<Int64> = .absent
    var secretaryPositionId: Patch<Int64> = .absent
    var version: Int?
    var unknownKeys: [String] = []

    static let stringKeys: [Key] = [
        .name, .code, .ownerName, .ownerCreditCode, .regionCode, .zoneCode, .categoryCode, .industryDivision,
        .investmentType, .constructionContent, .address, .plannedStart, .plannedCompletion, .actualStart,
        .actualCompletion, .leadDepartmentCode, .stage,
    ]
    static let listKeys: [Key] = [.levels, .tags, .supportDepartmentCodes]

    init(from decoder: any Decoder) throws {
        let any = try decoder.container(keyedBy: AnyKey.self)
        unknownKeys = any.allKeys.map(\.stringValue).filter { Key(rawValue: $0) == nil }.sorted()
        let container = try decoder.container(keyedBy: Key.self)
        func patch<T: Decodable>(_ key: Key, _ type: T.Type) throws -> Patch<T> {
            guard container.contains(key) else { return .absent }
            if try container.decodeNil(forKey: key) { return .null }
            return .value(try container.decode(T.self, forKey: key))
        }
        for key in Self.stringKeys { strings[key] = try patch(key, String.self) }
        for key in Self.listKeys { lists[key] = try patch(key, [String].self) }
        totalInvestment = try patch(.totalInvestment, Int64.self)
        longitude = try patch(.longitude, Double.self)
        latitude = try patch(.latitude, Double.self)
        sponsorPositionId = try patch(.sponsorPositionId, Int64.self)
        secretaryPositionId = try patch(.secretaryPositionId, Int64.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
    }

    /// Problems with the body itself, before any rule is applied.
    func shapeErrors(requireVersion: Bool, allowStage: Bool) -> [FieldError] {
        var errors = unknownKeys.map { FieldError($0, .unknownField($0)) }
        if requireVersion && version == nil { errors.append(FieldError("version", .required(field: "version"))) }
        if !allowStage, case .value = strings[.stage] ?? .absent {
            errors.append(FieldError("stage", .unknownField("stage")))
        }
        return errors
    }

    var stage: String? {
        if case .value(let stage) = strings[.stage] ?? .absent { return stage }
        return nil
    }

    /// Applies the given keys onto `input`, the raw form of the project.
    func apply(to input: inout ProjectInput) {
        func set(_ key: Key, _ path: WritableKeyPath<ProjectInput, String>) {
            switch strings[key] ?? .absent {
            case .absent: break
            case .null: input[keyPath: path] = ""
            case .value(let text): input[keyPath: path] = text
            }
        }
        func setList(_ key: Key, _ path: WritableKeyPath<ProjectInput, [String]>) {
            switch lists[key] ?? .absent {
            case .absent: break
            case .null: input[keyPath: path] = []
            case .value(let values): input[keyPath: path] = values
            }
        }
        func setText<T>(_ patch: Patch<T>, _ path: WritableKeyPath<ProjectInput, String>, _ render: (T) -> String) {
            switch patch {
            case .absent: break
            case .null: input[keyPath: path] = ""
            case .value(let value): input[keyPath: path] = render(value)
            }
        }
        set(.name, \.name)
        set(.code, \.code)
        set(.ownerName, \.ownerName)
        set(.ownerCreditCode, \.ownerCreditCode)
        set(.regionCode, \.regionCode)
        set(.zoneCode, \.zoneCode)
        set(.categoryCode, \.categoryCode)
        set(.industryDivision, \.industryDivision)
        set(.investmentType, \.investmentType)
        set(.constructionContent, \.constructionContent)
        set(.address, \.address)
        set(.plannedStart, \.plannedStart)
        set(.plannedCompletion, \.plannedCompletion)
        set(.actualStart, \.actualStart)
        set(.actualCompletion, \.actualCompletion)
        set(.leadDepartmentCode, \.leadDepartmentCode)
        setList(.levels, \.levels)
        setList(.tags, \.tags)
        setList(.supportDepartmentCodes, \.supportDepartmentCodes)
        setText(totalInvestment, \.totalInvestmentWan) { Money(yuan: $0).exactWanText }
        setText(longitude, \.longitude) { String($0) }
        setText(latitude, \.latitude) { String($0) }
        setText(sponsorPositionId, \.sponsorPositionId) { String($0) }
        setText(secretaryPositionId, \.secretaryPositionId) { String($0) }
    }
}

/// The body of `POST /api/v1/projects/{id}/transitions`.
struct TransitionRequestDTO: Codable, Sendable {
    var target: String
    var note: String?
    var actualStart: String?
    var actualCompletion: String?
    var version: Int
}
