import Foundation

/// 红黄绿: a project's light. Green is explicit: no rule fired.
public enum WarningColour: String, Sendable, Codable, CaseIterable, Comparable {
    case green, yellow, red

    public static func < (lhs: WarningColour, rhs: WarningColour) -> Bool {
        lhs.rank < rhs.rank
    }

    /// Green 0, yellow 1, red 2: lists of a province's lights are sorted by it, and a switch
    /// costs nothing where looking each colour up in `allCases` is paid on every comparison.
    public var rank: Int {
        switch self {
        case .green: 0
        case .yellow: 1
        case .red: 2
        }
    }

    public var label: String { WarningText.colour(self) }
}

/// What a rule measures on a project: each a figure the system already keeps.
public enum WarningMeasure: String, Sendable, Codable, CaseIterable {
    /// Percentage points the year's completed investment lags 序时进度 (of its annual plan).
    case behindSchedule
    /// Days past the planned start without an actual start.
    case startSlip
    /// Days past the planned completion of a project under construction.
    case completionSlip
    /// Approval items past their legal limit now.
    case approvalsOverdue
    /// Open problems past their deadline.
    case problemsOverdue
    /// Days since the actual start without admission to the statistics library (入统).
    case notAdmitted
    /// Last month's report owed and not sent.
    case reportMissing
    /// A project at or above the rule's amount without a sponsoring leader (包保领导).
    case sponsorMissing
    /// A project at or above the rule's amount without a project secretary.
    case secretaryMissing
}

/// One rule: yellow from `yellowAt`, red from `redAt` (either may be absent), for projects of at
/// least `minimumYuan` when given; a problems rule counts only problems risen to `minimumLevel`
/// or above when given (an overdue problem the city coordinates weighs more than a unit's own).
public struct WarningRule: Sendable, Codable, Equatable {
    public var code: String
    public var measure: WarningMeasure
    public var yellowAt: Double?
    public var redAt: Double?
    public var minimumYuan: Int64?
    public var minimumLevel: ProblemLevel?
    public var basis: String

    public init(code: String, measure: WarningMeasure, yellowAt: Double? = nil, redAt: Double? = nil, minimumYuan: Int64? = nil,
                minimumLevel: ProblemLevel? = nil, basis: String = "") {
        self.code = code
        self.measure = measure
        self.yellowAt = yellowAt
        self.redAt = redAt
        self.minimumYuan = minimumYuan
        self.minimumLevel = minimumLevel
        self.basis = basis
    }

    /// The colour a measured value gives, and the threshold it passed.
    func colour(for value: Double) -> (WarningColour, Double)? {
        if let redAt, value >= redAt { return (.red, redAt) }
        if let yellowAt, value >= yellowAt { return (.yellow, yellowAt) }
        return nil
    }
}

/// A versioned set of rules (valid from a day, by an author, for a reason): a colour always says
/// which version made it.
public struct WarningRuleSet: Sendable, Codable, Equatable {
    public var version: Int
    public var validFrom: String
    public var author: String
    public var reason: String
    /// The 序时进度 curve `behindSchedule` reads (the indicators' curves: `northern` for a city
    /// whose sites stop in winter).
    public var curve: String
    public var rules: [WarningRule]

    public init(version: Int, validFrom: String, author: String, reason: String, curve: String = "linear", rules: [WarningRule]) {
        self.curve = curve
        self.version = version
        self.validFrom = validFrom
        self.author = author
        self.reason = reason
        self.rules = rules
    }
}

/// The figures the rules read for one project, gathered once. Every live project's signals are
/// kept between computations and copied once more at each (today's counts are set on the copy):
/// a `Project` holds its fields behind one reference, so that copy is cheap.
public struct ProjectSignals: Sendable, Equatable, Identifiable {
    public var project: Project
    public var behindPoints: Double?
    public var startSlipDays: Int?
    public var completionSlipDays: Int?
    public var approvalsOverdue = 0
    /// The level of each open problem past its deadline.
    public var overdueProblemLevels: [ProblemLevel] = []
    public var daysNotAdmitted: Int?
    public var reportMissing = false

    public init(project: Project) {
        self.project = project
    }

    public var id: Int64 { project.id }

    /// Whether `other`'s signals equal these (`==`), read field by field where they are held: a
    /// lighting compares a province's every kept light with its project's signals after each
    /// change, and a value read whole through a pointer is copied first, retaining everything a
    /// project holds. `ProjectSignalsSameTests` holds this to `==` for every field.
    public func isSame(as other: UnsafePointer<ProjectSignals>) -> Bool {
        behindPoints == other.pointee.behindPoints && startSlipDays == other.pointee.startSlipDays
            && completionSlipDays == other.pointee.completionSlipDays && approvalsOverdue == other.pointee.approvalsOverdue
            && daysNotAdmitted == other.pointee.daysNotAdmitted && reportMissing == other.pointee.reportMissing
            && overdueProblemLevels == other.pointee.overdueProblemLevels
            && project.isSame(as: UnsafeRawPointer(other).advanced(by: Self.projectOffset).assumingMemoryBound(to: Project.self))
    }

    private static let projectOffset = MemoryLayout<ProjectSignals>.offset(of: \.project)!

    public var problemsOverdue: Int { overdueProblemLevels.count }

    func value(_ rule: WarningRule) -> Double? {
        switch rule.measure {
        case .behindSchedule: return behindPoints
        case .startSlip: return startSlipDays.map(Double.init)
        case .completionSlip: return completionSlipDays.map(Double.init)
        case .approvalsOverdue: return Double(approvalsOverdue)
        case .problemsOverdue: return Double(overdueProblemLevels.filter { $0 >= rule.minimumLevel ?? .unit }.count)
        case .notAdmitted: return daysNotAdmitted.map(Double.init)
        case .reportMissing: return reportMissing ? 1 : 0
        case .sponsorMissing: return project.fields.sponsorPositionId == nil ? 1 : 0
        case .secretaryMissing: return project.fields.secretaryPositionId == nil ? 1 : 0
        }
    }
}

/// A project's light, why, and the rule version that lit it.
public struct ProjectWarning: Sendable, Equatable {
    public struct Reason: Sendable, Equatable {
        public var code: String
        public var colour: WarningColour
        public var text: String
    }

    public var projectId: Int64
    public var colour: WarningColour
    public var reasons: [Reason]
    public var ruleVersion: Int

    /// "红：落后序时进度 12.3 个百分点（阈值 10）；2 个审批事项超时".
    public var explanation: String { WarningText.explanation(colour, reasons.map(\.text)) }
}

extension WarningRuleSet {
    /// Every rule against the project's figures: the worst colour any rule gives, with every
    /// reason that fired, reddest first.
    public func evaluate(_ signals: ProjectSignals) -> ProjectWarning {
        var reasons: [ProjectWarning.Reason] = []
        for rule in rules {
            if let minimum = rule.minimumYuan, signals.project.fields.totalInvestment.yuan < minimum { continue }
            guard let value = signals.value(rule), let (colour, threshold) = rule.colour(for: value) else { continue }
            reasons.append(.init(code: rule.code, colour: colour, text: WarningText.reason(rule, value: value, threshold: threshold)))
        }
        // Reddest first; within a colour, the rule set's order.
        reasons = reasons.enumerated().sorted { ($0.element.colour, -$0.offset) > ($1.element.colour, -$1.offset) }.map(\.element)
        return ProjectWarning(projectId: signals.project.id, colour: reasons.map(\.colour).max() ?? .green, reasons: reasons, ruleVersion: version)
    }
}

/// A new version of the rules as the centre edits them: new thresholds for existing rules, a
/// reason, from a day. Checked here; the store numbers it.
public enum WarningRuleEdit {
    public static let maxReason = 500
    public static let maxThreshold = 100_000.0

    /// The current set with `thresholds` (by rule code: yellow, red; nil clears one) applied.
    public static func apply(_ thresholds: [String: (yellow: Double?, red: Double?)], reason: String, to current: WarningRuleSet,
                             author: String, validFrom: Day) -> Result<WarningRuleSet, ValidationFailure> {
        var errors: [FieldError] = []
        let reason = TextNormalizer.collapsedLine(reason)
        if reason.isEmpty { errors.append(FieldError("reason", .required(field: "reason"))) }
        if reason.count > maxReason { errors.append(FieldError("reason", .tooLong(field: "reason", max: maxReason))) }
        var next = current
        for code in thresholds.keys where !current.rules.contains(where: { $0.code == code }) {
            errors.append(FieldError("rules", .unknownCode(field: "rules", code: String(code.prefix(20)))))
        }
        for index in next.rules.indices {
            guard let (yellow, red) = thresholds[next.rules[index].code] else { continue }
            let code = next.rules[index].code
            for value in [yellow, red].compactMap({ $0 }) where !(0...maxThreshold).contains(value) {
                errors.append(FieldError(code, .numberOutOfRange(field: code, min: "0", max: String(Int(maxThreshold)))))
            }
            if yellow == nil && red == nil { errors.append(FieldError(code, .warning(.noThreshold(code)))) }
            if let yellow, let red, yellow >= red { errors.append(FieldError(code, .warning(.yellowNotBelowRed(code)))) }
            next.rules[index].yellowAt = yellow
            next.rules[index].redAt = red
        }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        next.version = current.version + 1
        next.validFrom = validFrom.iso
        next.author = author
        next.reason = reason
        return .success(next)
    }
}

/// A change of a project's light, as the daily record keeps it: from which day, under which rule
/// version, and why.
public struct LightChange: Sendable, Equatable {
    public var colour: WarningColour
    public var since: Day
    public var ruleVersion: Int
    public var explanation: String

    public init(colour: WarningColour, since: Day, ruleVersion: Int, explanation: String) {
        self.colour = colour
        self.since = since
        self.ruleVersion = ruleVersion
        self.explanation = explanation
    }
}
