import Foundation

/// Which units one table compares (seed 003 §四(三), seed 001 §37): the 县(市)区 and 开发区, the
/// 市直部门, or the working groups of one task force. Each set is ranked on its own: a department
/// is never placed against a district.
public enum AssessmentUnitSet: Sendable, Hashable, Codable {
    case regions
    case departments
    case groups(taskForceId: Int64)

    /// `regions`, `departments`, `groups:12`: the query parameter and the stored key.
    public var key: String {
        switch self {
        case .regions: "regions"
        case .departments: "departments"
        case .groups(let id): "groups:\(id)"
        }
    }

    public static func parse(_ text: String) -> AssessmentUnitSet? {
        switch text {
        case "regions": return .regions
        case "departments": return .departments
        default:
            guard text.hasPrefix("groups:"), let id = Int64(text.dropFirst("groups:".count)), id > 0 else { return nil }
            return .groups(taskForceId: id)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let set = Self.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown unit set \(text)"))
        }
        self = set
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    public var taskForceId: Int64? {
        if case .groups(let id) = self { return id }
        return nil
    }
}

/// A unit on a table: a region, zone or department (as targets name them), or a working group by
/// its number. Encoded as a target unit is, so tables frozen before groups were ranked still read.
public struct AssessedUnit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case region, zone, department, group
    }

    public var kind: Kind
    public var code: String

    public init(kind: Kind, code: String) {
        self.kind = kind
        self.code = code
    }

    public init(_ unit: TargetUnit) {
        self.init(kind: Kind(rawValue: unit.kind.rawValue)!, code: unit.code)
    }

    public static func group(_ id: Int64) -> AssessedUnit { AssessedUnit(kind: .group, code: String(id)) }

    /// The target unit it is, for all but a working group (which holds no targets).
    public var targetUnit: TargetUnit? { TargetUnit.Kind(rawValue: kind.rawValue).map { TargetUnit(kind: $0, code: code) } }

    /// `region:220104`, `department:CC-GXJ`, `group:7`.
    public var text: String { "\(kind.rawValue):\(code)" }
}

/// A working group as the assessment sees it: its projects, and the unit whose 序时进度 curve its
/// plans are measured on (its task force's district or zone).
public struct AssessedGroup: Sendable, Equatable {
    public var id: Int64
    public var taskForceId: Int64
    public var name: String
    public var projectIds: Set<Int64>
    public var curveUnit: TargetUnit
    /// The scheme classes it follows: its 招商 leads.
    public var classIds: Set<Int64>

    public init(id: Int64, taskForceId: Int64, name: String, projectIds: Set<Int64>, curveUnit: TargetUnit, classIds: Set<Int64> = []) {
        self.id = id
        self.taskForceId = taskForceId
        self.name = name
        self.projectIds = projectIds
        self.curveUnit = curveUnit
        self.classIds = classIds
    }
}

/// An approval item decided: on which project, by which department, when, and whether within its limit.
public struct DecidedApproval: Sendable, Equatable {
    public var projectId: Int64
    public var departmentCode: String
    public var decidedOn: Day
    public var onTime: Bool

    public init(projectId: Int64, departmentCode: String, decidedOn: Day, onTime: Bool) {
        self.projectId = projectId
        self.departmentCode = departmentCode
        self.decidedOn = decidedOn
        self.onTime = onTime
    }
}

extension AssessedUnit {
    /// The district or zone as a unit of the organisation; nil for a department or a group.
    public var regionOrZone: OrgUnit? {
        switch kind {
        case .region: OrgUnit(kind: .region, code: code)
        case .zone: OrgUnit(kind: .zone, code: code)
        case .department, .group: nil
        }
    }
}

extension OrgUnit {
    /// The unit as targets and figures name it.
    public var targetUnit: TargetUnit {
        switch kind {
        case .region: TargetUnit(kind: .region, code: code)
        case .zone: TargetUnit(kind: .zone, code: code)
        case .department: TargetUnit(kind: .department, code: code)
        }
    }
}
