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

    public static func rates(_ inputs: Inputs) -> [FourRate] {
        let projects = inputs.projects
        let ids = Set(projects.map(\.id))
        let landed = projects.filter { [.approval, .construction, .operation].contains($0.stage) }.count
        let attracting = projects.filter { $0.stage == .attraction }.count
        let plans = inputs.plans.filter { ids.contains($0.projectId) && $0.year == inputs.today.year }
        let byId = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newStarts = plans.filter { $0.nature == .newStart }
        let mature = newStarts.filter { plan in
            guard let project = byId[plan.projectId] else { return false }
            return project.fields.actualStart != nil || (project.stage == .approval && !inputs.openApprovals.contains(project.id))
        }
        let planned = plans.reduce(0.0) { $0 + Double($1.plannedInvestment.yuan) }
        let done = plans.reduce(0.0) { $0 + Double((inputs.yearDispatch[$1.projectId] ?? .zero).yuan) }
        let (eligible, admitted) = InclusionState.count(projects, admittedOn: inputs.admittedOn, rules: inputs.reportRules, on: inputs.today)
        return [
            FourRate(code: .landing, part: Double(landed), whole: Double(landed + attracting)),
            FourRate(code: .maturity, part: Double(mature.count), whole: Double(newStarts.count)),
            FourRate(code: .completion, part: done, whole: planned),
            FourRate(code: .admission, part: Double(admitted), whole: Double(eligible)),
        ]
    }
}
