import Foundation

/// What a site needs before a start (要素保障), as data (`readiness_items.json`): the items by
/// group (land, planning, utilities, funds, labour), which of them a start needs, the problem
/// category an unmet one is raised under, the ways land is supplied, and the 几通一平 levels.
public struct ReadinessCatalog: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var group: String
        public var problemCategory: String
        /// A start needs it done (or not needed).
        public var forStart: Bool
        /// Records how the land was supplied (供地方式).
        public var recordsWay: Bool?

        public init(code: String, name: String, group: String, problemCategory: String, forStart: Bool, recordsWay: Bool? = nil) {
            self.code = code
            self.name = name
            self.group = group
            self.problemCategory = problemCategory
            self.forStart = forStart
            self.recordsWay = recordsWay
        }
    }

    /// 五通一平, 七通一平, 九通一平: reached when every one of its items is done or not needed.
    public struct Level: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var items: [String]

        public init(code: String, name: String, items: [String]) {
            self.code = code
            self.name = name
            self.items = items
        }
    }

    public var source: String
    public var landWays: [String]
    public var items: [Item]
    public var levels: [Level]
    /// The level a start needs (seed 001 §23: 五通一平 at least).
    public var minimumLevelForStart: String

    public init(source: String, landWays: [String], items: [Item], levels: [Level], minimumLevelForStart: String) {
        self.source = source
        self.landWays = landWays
        self.items = items
        self.levels = levels
        self.minimumLevelForStart = minimumLevelForStart
    }

    public func item(_ code: String) -> Item? { items.first { $0.code == code } }

    /// The item whose done day is the day land was supplied.
    public var landSupplyItem: Item? { items.first { $0.recordsWay == true } }

    /// What makes the file unusable, in words; empty when it is sound.
    public var problems: [String] {
        var problems: [String] = []
        let codes = Set(items.map(\.code))
        if items.isEmpty { problems.append("no items") }
        if codes.count != items.count { problems.append("item codes repeat") }
        for level in levels where !Set(level.items).isSubset(of: codes) { problems.append("\(level.code): unknown items") }
        if !levels.contains(where: { $0.code == minimumLevelForStart }) { problems.append("minimumLevelForStart names no level") }
        if items.filter({ $0.recordsWay == true }).count > 1 { problems.append("more than one item records the land's way") }
        return problems
    }
}
