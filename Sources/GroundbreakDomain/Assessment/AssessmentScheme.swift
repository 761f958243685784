import Foundation

/// What an assessment item measures on a unit, year to date through the month assessed: each a
/// figure the system already keeps and shows elsewhere.
public enum AssessmentMeasure: String, Sendable, Codable, CaseIterable {
    /// Completed investment (调度口径) as a share of the year's target, against 序时进度: 100 is on schedule.
    case investmentSchedule
    /// 新开工率: the year's planned new starts actually started (the targets page's `NEW_START_RATE`).
    case newStartRate
    /// 续建项目复工率 (`RESUME_RATE`).
    case resumeRate
    /// 入统率: started projects at or above the statistics threshold admitted to the library.
    case admissionRate
    /// Problems due this year solved by their deadline, in percent.
    case problemsOnTime
    /// Monthly reports owed this year sent by the due day, in percent.
    case reportsOnTime
    /// Approval items of the unit's projects decided this year within their limit, in percent.
    case approvalsOnTime
    /// 签约率 (seed 003 §四(三)): the unit's 招商 leads that came in by the month's end and were
    /// signed by then, in percent (the leads page's funnel rate for the unit, as of the month).
    case leadSigningRate
    /// "每月都要有新项目签约" (seed 000): the months of the year so far with at least one new signing, in percent.
    case signingMonths
}

/// How a measured value becomes points.
public struct AssessmentScoring: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Seed 003 §四(三): 超额完成 (at or above `exceedAt`) and 完成 (at or above `meetAt`) score
        /// the full weight, 未完成 scores nothing and costs the unit its eligibility for honours.
        case tiered
        /// Nothing at `zeroAt`, the full weight at `fullAt`, straight between (either direction).
        case linear
    }

    public var kind: Kind
    public var meetAt: Double?
    public var exceedAt: Double?
    public var zeroAt: Double?
    public var fullAt: Double?

    public init(kind: Kind, meetAt: Double? = nil, exceedAt: Double? = nil, zeroAt: Double? = nil, fullAt: Double? = nil) {
        self.kind = kind
        self.meetAt = meetAt
        self.exceedAt = exceedAt
        self.zeroAt = zeroAt
        self.fullAt = fullAt
    }
}

/// 超额完成 / 完成 / 未完成, for a tiered item.
public enum AssessmentOutcome: String, Sendable, Codable, CaseIterable {
    case exceeded, met, missed
}

public struct AssessmentItem: Sendable, Codable, Equatable {
    public var code: String
    public var measure: AssessmentMeasure
    public var weight: Double
    public var scoring: AssessmentScoring
    public var basis: String

    public init(code: String, measure: AssessmentMeasure, weight: Double, scoring: AssessmentScoring, basis: String = "") {
        self.code = code
        self.measure = measure
        self.weight = weight
        self.scoring = scoring
        self.basis = basis
    }

    /// The points a value earns, and for a tiered item its outcome.
    public func score(_ value: Double) -> (points: Double, outcome: AssessmentOutcome?) {
        switch scoring.kind {
        case .tiered:
            let meet = scoring.meetAt ?? 100
            if let exceed = scoring.exceedAt, value >= exceed { return (weight, .exceeded) }
            return value >= meet ? (weight, .met) : (0, .missed)
        case .linear:
            let zero = scoring.zeroAt ?? 0, full = scoring.fullAt ?? 100
            guard zero != full else { return (value >= full ? weight : 0, nil) }
            let share = min(1, max(0, (value - zero) / (full - zero)))
            return (weight * share, nil)
        }
    }
}

/// An assessment scheme (考核办法): its items and weights, as data (`assessment_scheme.json`).
public struct AssessmentScheme: Sendable, Codable, Equatable {
    public var version: Int
    public var name: String
    public var validFrom: String
    public var source: String
    public var items: [AssessmentItem]

    public init(version: Int, name: String, validFrom: String, source: String, items: [AssessmentItem]) {
        self.version = version
        self.name = name
        self.validFrom = validFrom
        self.source = source
        self.items = items
    }

    public var totalWeight: Double { items.reduce(0) { $0 + $1.weight } }

    /// What is wrong with the scheme, for the loader to refuse it by name: no items, a code twice,
    /// a weight not positive, a tiered item without `meetAt` or one whose `exceedAt` is below it,
    /// a linear item without both ends.
    public var problems: [String] {
        var found: [String] = []
        if items.isEmpty { found.append("no items") }
        let codes = items.map(\.code)
        if Set(codes).count != codes.count { found.append("duplicate item codes") }
        for item in items {
            if !(item.weight > 0) || !item.weight.isFinite { found.append("\(item.code): weight must be positive") }
            switch item.scoring.kind {
            case .tiered:
                guard let meet = item.scoring.meetAt else { found.append("\(item.code): tiered needs meetAt"); continue }
                if let exceed = item.scoring.exceedAt, exceed < meet { found.append("\(item.code): exceedAt below meetAt") }
            case .linear:
                if item.scoring.zeroAt == nil || item.scoring.fullAt == nil { found.append("\(item.code): linear needs zeroAt and fullAt") }
            }
        }
        return found
    }
}
