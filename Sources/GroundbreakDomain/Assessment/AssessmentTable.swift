import Foundation

/// Seed 003 §四(三): 超额完成 → 优先评优, 完成 → 具备评优资格, 未完成 → 取消评优资格.
public enum HonoursEligibility: String, Sendable, Codable, CaseIterable {
    case priority, eligible, revoked
}

/// One item's result for one unit.
public struct ItemScore: Sendable, Codable, Equatable {
    public var code: String
    /// The measured value; nil when the unit has nothing to measure the item on.
    public var value: Double?
    /// Points earned; nil when the item is left out.
    public var points: Double?
    public var outcome: AssessmentOutcome?

    public init(code: String, value: Double?, points: Double?, outcome: AssessmentOutcome?) {
        self.code = code
        self.value = value
        self.points = points
        self.outcome = outcome
    }
}

/// One unit's line in the table.
public struct AssessmentRow: Sendable, Codable, Equatable {
    public var unit: AssessedUnit
    public var name: String
    public var figures: UnitFigures
    public var items: [ItemScore]
    /// Points earned over the weight of the items that could be measured, out of 100: a unit
    /// is not marked down for an item it had nothing to do on.
    public var score: Double
    public var rank: Int
    /// Places gained since last month (positive is better); nil for the year's first month or a unit not ranked then.
    public var rankChange: Int?
    public var honours: HonoursEligibility

    public init(unit: AssessedUnit, name: String, figures: UnitFigures, items: [ItemScore], score: Double, rank: Int = 0, rankChange: Int? = nil,
                honours: HonoursEligibility) {
        self.unit = unit
        self.name = name
        self.figures = figures
        self.items = items
        self.score = score
        self.rank = rank
        self.rankChange = rankChange
        self.honours = honours
    }

    public static func scored(unit: AssessedUnit, name: String, figures: UnitFigures, scheme: AssessmentScheme) -> AssessmentRow {
        var earned = 0.0, possible = 0.0
        let items = scheme.items.map { item -> ItemScore in
            guard let value = figures.value(item.measure), value.isFinite else { return ItemScore(code: item.code, value: nil, points: nil, outcome: nil) }
            let (points, outcome) = item.score(value)
            earned += points
            possible += item.weight
            return ItemScore(code: item.code, value: value, points: points, outcome: outcome)
        }
        let outcomes = items.compactMap(\.outcome)
        let honours: HonoursEligibility = outcomes.contains(.missed) ? .revoked
            : !outcomes.isEmpty && outcomes.allSatisfy { $0 == .exceeded } ? .priority : .eligible
        let score = possible > 0 ? (earned / possible * 100 * 100).rounded() / 100 : 0
        return AssessmentRow(unit: unit, name: name, figures: figures, items: items, score: score, honours: honours)
    }
}

/// The month's table: every compared unit scored and ranked; frozen when the month closes.
public struct AssessmentTable: Sendable, Codable, Equatable {
    public struct Frozen: Sendable, Codable, Equatable {
        public var at: Date
        public var by: String

        public init(at: Date, by: String) {
            self.at = at
            self.by = by
        }
    }

    public var month: Month
    public var scheme: AssessmentScheme
    public var rows: [AssessmentRow]
    public var frozen: Frozen?
    public var unitSet: AssessmentUnitSet

    public init(month: Month, scheme: AssessmentScheme, rows: [AssessmentRow], frozen: Frozen? = nil, unitSet: AssessmentUnitSet = .regions) {
        self.month = month
        self.scheme = scheme
        self.rows = rows
        self.frozen = frozen
        self.unitSet = unitSet
    }

    enum CodingKeys: String, CodingKey {
        case month, scheme, rows, frozen, unitSet
    }

    /// A table frozen before departments and groups were ranked names no set: it is the regions'.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        month = try container.decode(Month.self, forKey: .month)
        scheme = try container.decode(AssessmentScheme.self, forKey: .scheme)
        rows = try container.decode([AssessmentRow].self, forKey: .rows)
        frozen = try container.decodeIfPresent(Frozen.self, forKey: .frozen)
        unitSet = try container.decodeIfPresent(AssessmentUnitSet.self, forKey: .unitSet) ?? .regions
    }

    /// Highest score first; equal scores (to the hundredth shown) share a rank and the next rank
    /// skips (1, 1, 3); among equals the units keep their catalogue order. The change is measured
    /// against `previous` when it is of the same year.
    public static func ranked(_ rows: [AssessmentRow], previous: AssessmentTable?) -> [AssessmentRow] {
        let ordered = rows.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        let before = previous.flatMap { table in
            Dictionary(table.rows.map { ($0.unit, $0.rank) }, uniquingKeysWith: { first, _ in first })
        } ?? [:]
        var ranked: [AssessmentRow] = []
        for (index, row) in ordered.enumerated() {
            var row = row
            row.rank = index > 0 && ranked[index - 1].score == row.score ? ranked[index - 1].rank : index + 1
            row.rankChange = before[row.unit].map { $0 - row.rank }
            ranked.append(row)
        }
        return ranked
    }

    public func row(_ unit: AssessedUnit) -> AssessmentRow? { rows.first { $0.unit == unit } }

    public func row(_ unit: TargetUnit) -> AssessmentRow? { row(AssessedUnit(unit)) }
}
