import Foundation

/// 四率: a portfolio's 招商落地率, 前期工作成熟率, 投资完成率 and 项目入统率, each with its
/// numerator and denominator so the figure can be checked, and its definition beside it.
public enum FourRateCode: String, Sendable, Codable, CaseIterable {
    case landing, maturity, completion, admission
}

/// A rate's definition as data (`four_rates.json`): its name and the formula shown beside the figure.
public struct FourRateDefinition: Sendable, Codable, Equatable {
    public var code: FourRateCode
    public var name: String
    public var formula: String
    public var basis: String

    public init(code: FourRateCode, name: String, formula: String, basis: String) {
        self.code = code
        self.name = name
        self.formula = formula
        self.basis = basis
    }
}

public struct FourRateCatalog: Sendable, Codable, Equatable {
    public var source: String
    public var rates: [FourRateDefinition]

    public init(source: String, rates: [FourRateDefinition]) {
        self.source = source
        self.rates = rates
    }

    /// Every rate defined once.
    public var isComplete: Bool { Set(rates.map(\.code)) == Set(FourRateCode.allCases) && rates.count == FourRateCode.allCases.count }
}

/// One rate's figure: `part` of `whole` (money in yuan for completion, counts otherwise).
public struct FourRate: Sendable, Equatable {
    public var code: FourRateCode
    public var part: Double
    public var whole: Double

    public init(code: FourRateCode, part: Double, whole: Double) {
        self.code = code
        self.part = part
        self.whole = whole
    }

    /// In percent; nil when there is nothing to measure.
    public var percent: Double? { whole > 0 ? part / whole * 100 : nil }
}

/// The four rates of a set of projects, from the figures the other pages use.
public enum FourRatesCalculator {
    public struct Inputs: Sendable {
        public var projects: [Project]
        public var plans: [AnnualPlan]
        /// This year's dispatch figure through last month, by project.
        public var yearDispatch: [Int64: Money]
        public var admittedOn: [Int64: Day]
        /// Projects with approval items still open.
        public var openApprovals: Set<Int64>
        public var reportRules: ReportRules
        public var today: Day

        public init(projects: [Project], plans: [AnnualPlan], yearDispatch: [Int64: Money], admittedOn: [Int64: Day], openApprovals: Set<Int64>,
                    reportRules: ReportRules, today: Day) {
            self.projects = projects
            self.plans = plans
            self.yearDispatch = yearDispatch
            self.admittedOn = admittedOn
            self.openApprovals = openApprovals
            self.reportRules = reportRules
            self.today = today
        }
    }

    /// The rates of `inputs`' projects, each counted once, from their parts (`FourRatePart`).
    public static func rates(_ inputs: Inputs) -> [FourRate] {
        let plans = Dictionary(grouping: inputs.plans, by: \.projectId)
        var seen = Set<Int64>()
        return rates(of: inputs.projects.filter { seen.insert($0.id).inserted }.map { project in
            FourRatePart(project, plans: plans[project.id] ?? [], yearDispatch: inputs.yearDispatch[project.id], admittedOn: inputs.admittedOn[project.id],
                         approvalsOpen: inputs.openApprovals.contains(project.id), rules: inputs.reportRules, today: inputs.today)
        })
    }

    /// The rates of the projects whose parts these are and whose keys `counts` keeps: every 四率
    /// is summed here. (An array and a plain test, not a lazy sequence: a generic sum over one,
    /// called from another module, reads each of a province's parts through the generic machinery.)
    public static func rates(of parts: [FourRatePart], where counts: (TargetUnit.Keys) -> Bool = { _ in true }) -> [FourRate] {
        var landed = 0, landedOrAttracting = 0, newStarts = 0, mature = 0, eligible = 0, admitted = 0
        var planned: Int64 = 0, done: Int64 = 0
        for part in parts where counts(part.keys) {
            landed += part.landed
            landedOrAttracting += part.landedOrAttracting
            newStarts += part.newStarts
            mature += part.mature
            planned += part.planned
            done += part.done
            eligible += part.eligible
            admitted += part.admitted
        }
        return [
            FourRate(code: .landing, part: Double(landed), whole: Double(landedOrAttracting)),
            FourRate(code: .maturity, part: Double(mature), whole: Double(newStarts)),
            FourRate(code: .completion, part: Double(done), whole: Double(planned)),
            FourRate(code: .admission, part: Double(admitted), whole: Double(eligible)),
        ]
    }
}

/// What one project adds to each of the 四率's numerators and denominators. Every 四率 is the sum
/// of its projects' parts, so a unit's can be summed from parts kept between computations and
/// moved forward by the projects a write names, and still agree with a leader's or a group's
/// computed whole. It depends on the project, its plans, reports (the year's dispatch figure),
/// admission and approval items, the rules and the day alone.
public struct FourRatePart: Sendable, Identifiable, Equatable {
    public let id: Int64
    /// Where the project lies: which units' rates it counts in.
    public let keys: TargetUnit.Keys
    /// 招商落地率: landed (in approval, construction or operation) of landed or still attracting.
    let landed: Int
    let landedOrAttracting: Int
    /// 前期工作成熟率: this year's new-start plans, and those whose project has started or is in
    /// approval with no item still open.
    let newStarts: Int
    let mature: Int
    /// 投资完成率: this year's planned investment and dispatch figure through last month, in yuan
    /// (summed as whole numbers, so the order of the sum cannot change a figure).
    let planned: Int64
    let done: Int64
    /// 项目入统率 (`InclusionState.count`).
    let eligible: Int
    let admitted: Int

    /// `plans`: the project's plans (those of `today`'s year count); `yearDispatch`: its dispatch
    /// figure this year through last month; `approvalsOpen`: whether any approval item is open.
    public init(_ project: Project, plans: [AnnualPlan], yearDispatch: Money?, admittedOn: Day?, approvalsOpen: Bool, rules: ReportRules, today: Day) {
        id = project.id
        keys = TargetUnit.Keys(project)
        let isLanded = project.stage == .approval || project.stage == .construction || project.stage == .operation
        landed = isLanded ? 1 : 0
        landedOrAttracting = isLanded || project.stage == .attraction ? 1 : 0
        let thisYear = plans.filter { $0.projectId == project.id && $0.year == today.year }
        newStarts = thisYear.count { $0.nature == .newStart }
        mature = project.fields.actualStart != nil || (project.stage == .approval && !approvalsOpen) ? newStarts : 0
        planned = thisYear.reduce(0) { $0 + $1.plannedInvestment.yuan }
        done = Int64(thisYear.count) * (yearDispatch ?? .zero).yuan
        (eligible, admitted) = InclusionState.count(project, admittedOn: admittedOn, rules: rules, on: today)
    }
}
