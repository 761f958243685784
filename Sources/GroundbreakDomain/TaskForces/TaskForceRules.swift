import Foundation

/// What a task force must be to be kept: a known district or zone, a name, groups with names of
/// their own, text within bounds (the store checks that its seats and projects exist). Each
/// problem is named in Chinese.
public enum TaskForceRules {
    public static let maxName = 80
    public static let maxText = 2_000
    public static let maxGroups = 20

    public static func problems(_ taskForce: TaskForce, catalog: ReferenceCatalog) -> [FieldError] {
        var errors: [FieldError] = []
        switch taskForce.unit.kind {
        case .region where catalog.region(taskForce.unit.code) != nil, .zone where catalog.zone(taskForce.unit.code) != nil: break
        default: errors.append(FieldError("unit", .unknownCode(field: "unit", code: taskForce.unit.text)))
        }
        let name = TextNormalizer.collapsedLine(taskForce.name)
        if name.isEmpty { errors.append(FieldError("name", .required(field: "name"))) }
        if name.count > maxName || taskForce.shape.count > maxName || taskForce.office.count > maxName {
            errors.append(FieldError("name", .taskForce(.tooLong(max: maxName))))
        }
        if taskForce.duty.count > maxText { errors.append(FieldError("duty", .taskForce(.tooLong(max: maxText)))) }
        if taskForce.groups.count > maxGroups { errors.append(FieldError("groups", .taskForce(.tooManyGroups(max: maxGroups)))) }
        let names = taskForce.groups.map { TextNormalizer.collapsedLine($0.name) }
        if names.contains(where: \.isEmpty) { errors.append(FieldError("groups", .taskForce(.groupNameRequired))) }
        if Set(names).count != names.count { errors.append(FieldError("groups", .taskForce(.groupNameTwice))) }
        if taskForce.groups.contains(where: { $0.duty.count > maxText || ($0.leadUnits + $0.supportUnits).contains { $0.count > maxName } }) {
            errors.append(FieldError("groups", .taskForce(.tooLong(max: maxText))))
        }
        return errors
    }
}

/// A refused task force, zh-CN.
public enum TaskForceText: Sendable, Equatable {
    case tooLong(max: Int)
    case tooManyGroups(max: Int)
    case groupNameRequired
    case groupNameTwice
    case projectUnknown(Int64)
    case seatUnknown(Int64)
    case classUnknown(Int64)

    public var zh: String {
        switch self {
        case .tooLong(let max): "不能超过 \(max) 个字"
        case .tooManyGroups(let max): "工作组最多 \(max) 个"
        case .groupNameRequired: "每个工作组都要有名称"
        case .groupNameTwice: "工作组名称不能重复"
        case .projectUnknown(let id): "没有编号为 \(id) 的项目"
        case .seatUnknown(let id): "没有编号为 \(id) 的岗位"
        case .classUnknown(let id): "没有编号为 \(id) 的分类口径类别"
        }
    }
}
