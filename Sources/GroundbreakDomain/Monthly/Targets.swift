import Foundation

/// An indicator units are held to (目标), from `indicators.json`.
public struct Indicator: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Money in yuan; progress is the share of the year's target done.
        case amount
        case count
        /// A rate or share in percent; compared with its target directly.
        case percent
    }

    public var code: String
    public var label: String
    public var kind: Kind
    public var basis: String

    public init(code: String, label: String, kind: Kind, basis: String) {
        self.code = code
        self.label = label
        self.kind = kind
        self.basis = basis
    }
}

public struct IndicatorCatalog: Sendable, Codable, Equatable {
    public var indicators: [Indicator]
    /// Cumulative share of the year expected by the end of each month (序时进度), by name.
    public var curves: [String: [Double]]
    public var realEstateCategory: String
    public var industrialCategory: String
    public var source: String

    public init(indicators: [Indicator], curves: [String: [Double]], realEstateCategory: String, industrialCategory: String, source: String) {
        self.indicators = indicators
        self.curves = curves
        self.realEstateCategory = realEstateCategory
        self.industrialCategory = industrialCategory
        self.source = source
    }

    public func indicator(_ code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// The share of the year expected by the end of `month` on `curve` (linear when unknown).
    /// A project's 序时进度 through `month` of its year: the curve's, or for a project started that
    /// year, the share of the year's remaining work the months since its start carry (a project
    /// started in October is not held to nine months of its plan).
    public func projectTimeProgress(_ curve: String, through month: Month, started: Month) -> Double {
        let through = timeProgress(curve, month: month.month)
        guard started.year == month.year, started.month > 1 else { return through }
        let before = timeProgress(curve, month: started.month - 1)
        return before < 1 ? max(0, (through - before) / (1 - before)) : 1
    }

    public func timeProgress(_ curve: String, month: Int) -> Double {
        let values = curves[curve] ?? curves["linear"] ?? []
        guard (1...12).contains(month), values.count == 12 else { return Double(month) / 12 }
        return values[month - 1]
    }
}

/// The unit a target belongs to: a region (with its subtree), a zone (with the zones inside it) or a
/// department (the projects it leads).
public struct TargetUnit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case region, zone, department
    }

    public var kind: Kind
    public var code: String

    public init(kind: Kind, code: String) {
        self.kind = kind
        self.code = code
    }

    /// The organisational unit it is (its leads, its funding applications).
    public var orgUnit: OrgUnit {
        switch kind {
        case .region: OrgUnit(kind: .region, code: code)
        case .zone: OrgUnit(kind: .zone, code: code)
        case .department: OrgUnit(kind: .department, code: code)
        }
    }

    /// `region:220104`, `zone:220173`, `department:CC-GXJ`.
    public static func parse(_ text: String) -> TargetUnit? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        return TargetUnit(kind: kind, code: parts[1])
    }

    public var text: String { "\(kind.rawValue):\(code)" }

    public func contains(_ project: Project, catalog: ReferenceCatalog) -> Bool {
        membership(catalog)(project)
    }

    /// `contains` with the unit's subtree worked out once, for testing many projects. The rule of
    /// `keyMembership`, on the project's codes themselves: a project's `Keys` numbers its codes.
    public func membership(_ catalog: ReferenceCatalog) -> @Sendable (Project) -> Bool {
        switch kind {
        case .region:
            let regions = catalog.regionSubtree(code)
            return { regions.contains($0.fields.regionCode) }
        case .zone:
            let zones = catalog.zoneSubtree(code)
            return { $0.fields.zoneCode.map(zones.contains) ?? false }
        case .department:
            let code = code
            return { $0.fields.leadDepartmentCode == code }
        }
    }

    /// What membership of a unit reads of a project: a table over a province's projects tests
    /// these, taken once, rather than copying every whole project for every unit.
    public struct Keys: Sendable, Hashable {
        public let regionCode: String
        public let zoneCode: String?
        public let leadDepartmentCode: String?
        /// The region's and the zone's codes as `CodeNumbers`: a unit's test of a hundred thousand
        /// kept parts looks each up in a table, where hashing each code was a sixth of a targets
        /// page's computation after a change.
        let regionNumber: Int
        let zoneNumber: Int?

        public init(_ project: Project) {
            (regionCode, zoneCode, leadDepartmentCode) = (project.fields.regionCode, project.fields.zoneCode, project.fields.leadDepartmentCode)
            regionNumber = CodeNumbers.number(regionCode)
            zoneNumber = zoneCode.map(CodeNumbers.number)
        }
    }

    /// The one membership rule: a region's and a zone's subtree, a department's projects led.
    public func keyMembership(_ catalog: ReferenceCatalog) -> @Sendable (Keys) -> Bool {
        switch kind {
        case .region:
            let regions = CodeNumbers.table(catalog.regionSubtree(code))
            return { $0.regionNumber < regions.count && regions[$0.regionNumber] }
        case .zone:
            let zones = CodeNumbers.table(catalog.zoneSubtree(code))
            return { $0.zoneNumber.map { $0 < zones.count && zones[$0] } ?? false }
        case .department:
            let code = code
            return { $0.leadDepartmentCode == code }
        }
    }

    public func name(_ catalog: ReferenceCatalog) -> String {
        switch kind {
        case .region: catalog.region(code)?.name ?? code
        case .zone: catalog.zone(code)?.name ?? code
        case .department: catalog.department(code)?.name ?? code
        }
    }
}

/// A unit's target for one indicator and year. Amounts in yuan, counts as counts, percents as percents.
public struct UnitTarget: Sendable, Codable, Equatable {
    public var unit: TargetUnit
    public var year: Int
    public var indicator: String
    public var value: Double
    /// The 序时进度 curve: `linear` (m/12) or `northern` (winter shutdown).
    public var curve: String

    public init(unit: TargetUnit, year: Int, indicator: String, value: Double, curve: String) {
        self.unit = unit
        self.year = year
        self.indicator = indicator
        self.value = value
        self.curve = curve
    }
}

extension Indicator.Kind {
    /// What a target of this kind may be: amounts in whole yuan up to `Money.maximum`, counts
    /// up to a million, rates from −100 % to 1000 %.
    public var targetRange: ClosedRange<Double> {
        switch self {
        case .amount: 0...Double(Money.maximum.yuan)
        case .count: 0...1_000_000
        case .percent: -100...1000
        }
    }

    public var targetIsWhole: Bool { self != .percent }
}

extension UnitTarget {
    /// A unit's one 序时进度 for the year: the curve its targets share (every write keeps them
    /// alike; should older rows differ, the one most of them use), linear when it has none. Every
    /// indicator of the unit is measured against it, so one table never mixes two time progresses.
    public static func unitCurve(of targets: [UnitTarget]) -> String {
        let counts = Dictionary(grouping: targets, by: \.curve).mapValues(\.count)
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key ?? "linear"
    }

    /// Every problem with the target: the unit known, the indicator and curve known, the year
    /// plausible, the value within its kind's range. A stored target can therefore always be
    /// shown.
    public func problems(indicators: IndicatorCatalog, reference: ReferenceCatalog) -> [FieldError] {
        var errors: [FieldError] = []
        if !unit.isKnown(reference) { errors.append(FieldError("unit", .unknownCode(field: "unit", code: unit.text))) }
        let indicator = indicators.indicator(self.indicator)
        if indicator == nil { errors.append(FieldError("indicator", .unknownCode(field: "indicator", code: self.indicator))) }
        if indicators.curves[curve] == nil { errors.append(FieldError("curve", .unknownCode(field: "curve", code: curve))) }
        if !Day.plausibleYears.contains(year) {
            errors.append(FieldError("year", .numberOutOfRange(field: "year", min: String(Day.plausibleYears.lowerBound), max: String(Day.plausibleYears.upperBound))))
        }
        if let kind = indicator?.kind {
            let range = kind.targetRange
            if !value.isFinite || !range.contains(value) {
                let bound = { (value: Double) in kind == .amount ? Money(approximately: value)?.formatted(in: .wan, decimals: 0) ?? "" : String(format: "%g", value) }
                errors.append(FieldError("value", .numberOutOfRange(field: "value", min: bound(range.lowerBound), max: bound(range.upperBound) + (kind == .amount ? "万元" : ""))))
            } else if kind.targetIsWhole && value.rounded() != value {
                errors.append(FieldError("value", .notWholeNumber(field: "value")))
            }
        }
        return errors
    }
}

extension TargetUnit {
    /// Whether the unit exists in the reference data.
    public func isKnown(_ catalog: ReferenceCatalog) -> Bool {
        switch kind {
        case .region: catalog.region(code) != nil
        case .zone: catalog.zone(code) != nil
        case .department: catalog.department(code) != nil
        }
    }
}

/// One indicator of one unit at a month's end: the actual figure against the year's target and
/// the share of the year that has passed on the unit's curve.
public struct IndicatorReading: Sendable, Equatable {
    public var indicator: Indicator
    public var target: UnitTarget?
    public var actual: Double?
    /// Share of the year expected by now (0–1).
    public var timeProgress: Double

    public init(indicator: Indicator, target: UnitTarget?, actual: Double?, timeProgress: Double) {
        self.indicator = indicator
        self.target = target
        self.actual = actual
        self.timeProgress = timeProgress
    }

    /// For amounts and counts: the actual as a percentage of the year's target.
    public var completionPercent: Double? {
        guard indicator.kind != .percent, let actual, let target, target.value > 0 else { return nil }
        return actual / target.value * 100
    }

    /// Percentage points ahead of (positive) or behind the target: for amounts and counts against
    /// the time progress, for rates against the target rate.
    public var gapPoints: Double? {
        guard let actual, let target else { return nil }
        if indicator.kind == .percent { return actual - target.value }
        return completionPercent.map { $0 - timeProgress * 100 }
    }

    /// The sentence a bulletin uses: "为年度计划的X%，超过时间进度Y个百分点".
    public var bulletin: String {
        guard let actual else { return "暂无数据" }
        guard let target, let gap = gapPoints else { return "暂未下达目标" }
        let direction = gap >= 0 ? "超过" : "落后"
        if indicator.kind == .percent {
            return "\(Decimals.percent(actual))，目标 \(Decimals.percent(target.value))，\(gap >= 0 ? "高于" : "低于")目标 \(Decimals.text(abs(gap))) 个百分点"
        }
        return "为年度计划的 \(Decimals.percent(completionPercent ?? 0))，\(direction)时间进度 \(Decimals.text(abs(gap))) 个百分点"
    }
}

/// Figures of a unit computed from its projects, reports and plans.
public enum IndicatorCalculator {
    public struct Inputs: Sendable {
        public var projects: [Project]
        /// This year's reports through the month, and last year's through the same month.
        public var reports: [MonthlyReport]
        public var lastYearReports: [MonthlyReport]
        public var plans: [AnnualPlan]
        public var year: Int
        /// 到位资金 of the unit's leads, this year and last, through the month.
        public var funds: [ArrivedFunds]
        /// The month the funds are counted through.
        public var fundsThrough: Month?

        public init(projects: [Project], reports: [MonthlyReport], lastYearReports: [MonthlyReport], plans: [AnnualPlan], year: Int, funds: [ArrivedFunds] = [],
                    fundsThrough: Month? = nil) {
            self.projects = projects
            self.reports = reports
            self.lastYearReports = lastYearReports
            self.plans = plans
            self.year = year
            self.funds = funds
            self.fundsThrough = fundsThrough
        }
    }

    /// The indicators other figures are read from (the cross-unit table, the screen).
    public static let investmentCode = "FAI_TOTAL"
    public static let newStartRateCode = "NEW_START_RATE"
    public static let resumeRateCode = "RESUME_RATE"

    static func inCategory(_ code: String, _ top: String) -> Bool { code == top || code.hasPrefix(top + "-") }

    public static func readings(_ inputs: Inputs, targets: [UnitTarget], month: Int, catalog: IndicatorCatalog) -> [IndicatorReading] {
        readings(actuals: actuals(inputs, catalog: catalog), targets: targets, month: month, catalog: catalog)
    }

    /// The readings of figures already computed (`actuals`) against `targets`.
    public static func readings(actuals figures: [String: Double], targets: [UnitTarget], month: Int, catalog: IndicatorCatalog) -> [IndicatorReading] {
        let timeProgress = catalog.timeProgress(UnitTarget.unitCurve(of: targets), month: month)
        return catalog.indicators.map { indicator in
            IndicatorReading(indicator: indicator, target: targets.first { $0.indicator == indicator.code }, actual: figures[indicator.code],
                             timeProgress: timeProgress)
        }
    }
}

extension ProjectScope {
    /// Whether every project of `unit` lies within this scope, so that the unit's figures computed
    /// over what the scope reaches are the unit's own: a district reaches its own region and the
    /// regions below it, a department the projects it leads, the city-wide seats every unit. A
    /// unit the scope only partly reaches is not offered: its figures would be some of its projects
    /// measured against the whole unit's target.
    public func covers(_ unit: TargetUnit, catalog: ReferenceCatalog) -> Bool {
        rules.contains { rule in
            guard rule.stages == nil else { return false }
            switch (rule.reach, unit.kind) {
            case (.everything, _): return true
            case (.regions(let codes), .region): return catalog.regionSubtree(unit.code).isSubset(of: codes)
            case (.zones(let codes), .zone): return catalog.zoneSubtree(unit.code).isSubset(of: codes)
            case (.departments(let codes, _), .department): return codes.contains(unit.code)
            default: return false
            }
        }
    }
}
