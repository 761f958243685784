import Foundation

/// A data-driven check on a project ("≥20亿 without sponsor"), loaded from a rules file and
/// editable by administrators. A rule fires when all its conditions hold.
public struct FlagRule: Sendable, Codable, Equatable, Identifiable {
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case red, yellow, info

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        public var label: String { DomainText.severity(self).zh }
    }

    public var code: String
    public var label: String
    public var severity: Severity
    public var conditions: [FlagCondition]
    /// Why the rule exists: the document and clause it comes from.
    public var basis: String
    public var validFrom: Day?
    public var validTo: Day?
    public var id: String { code }

    public init(code: String, label: String, severity: Severity, conditions: [FlagCondition], basis: String, validFrom: Day? = nil, validTo: Day? = nil) {
        self.code = code
        self.label = label
        self.severity = severity
        self.conditions = conditions
        self.basis = basis
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isActive(on day: Day) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validTo, day > validTo { return false }
        return true
    }

    public func matches(_ project: Project, today: Day) -> Bool {
        isActive(on: today) && conditions.allSatisfy { $0.holds(for: project, today: today) }
    }
}

public struct FlagCondition: Sendable, Codable, Equatable {
    public enum Field: String, Sendable, Codable, CaseIterable {
        case totalInvestment
        /// The stage, or for a suspended project the stage it was suspended from.
        case stage
        case projectCode
        case ownerName
        case ownerCreditCode
        case industryDivision
        case leadDepartment
        case sponsor
        case secretary
        case plannedStart
        case plannedCompletion
        case actualStart
        case actualCompletion
    }

    public enum Operator: String, Sendable, Codable, CaseIterable {
        case gte, lt, `in`, notIn, missing, present, beforeToday
    }

    public var field: Field
    public var op: Operator
    /// Amount in yuan for `gte`/`lt`.
    public var amount: Int64?
    /// Values for `in`/`notIn`.
    public var values: [String]?

    public init(field: Field, op: Operator, amount: Int64? = nil, values: [String]? = nil) {
        self.field = field
        self.op = op
        self.amount = amount
        self.values = values
    }

    func holds(for project: Project, today: Day) -> Bool {
        switch op {
        case .gte, .lt:
            guard field == .totalInvestment, let amount else { return false }
            return op == .gte ? project.fields.totalInvestment.yuan >= amount : project.fields.totalInvestment.yuan < amount
        case .in, .notIn:
            guard let values, let text = text(of: project) else { return op == .notIn }
            return values.contains(text) == (op == .in)
        case .missing:
            return text(of: project)?.isEmpty ?? true
        case .present:
            return !(text(of: project)?.isEmpty ?? true)
        case .beforeToday:
            guard let day = day(of: project.fields) else { return false }
            return day < today
        }
    }

    private func text(of project: Project) -> String? {
        switch field {
        case .totalInvestment: return String(project.fields.totalInvestment.yuan)
        case .stage: return project.effectiveStage.rawValue
        case .projectCode: return project.fields.code?.value
        case .ownerName: return project.fields.ownerName
        case .ownerCreditCode: return project.fields.ownerCreditCode?.value
        case .industryDivision: return project.fields.industryDivision
        case .leadDepartment: return project.fields.leadDepartmentCode
        case .sponsor: return project.fields.sponsorPositionId.map(String.init)
        case .secretary: return project.fields.secretaryPositionId.map(String.init)
        case .plannedStart, .plannedCompletion, .actualStart, .actualCompletion: return day(of: project.fields)?.iso
        }
    }

    private func day(of fields: ProjectFields) -> Day? {
        switch field {
        case .plannedStart: fields.plannedStart
        case .plannedCompletion: fields.plannedCompletion
        case .actualStart: fields.actualStart
        case .actualCompletion: fields.actualCompletion
        default: nil
        }
    }
}

/// A rule that fired on a project.
public struct ProjectFlag: Sendable, Codable, Equatable {
    public var code: String
    public var label: String
    public var severity: FlagRule.Severity

    public init(code: String, label: String, severity: FlagRule.Severity) {
        self.code = code
        self.label = label
        self.severity = severity
    }
}

extension Project {
    /// The rules that fire on this project today, most severe first. Cancelled and completed
    /// projects carry no flags: nothing is left to chase.
    public func flags(rules: [FlagRule], today: Day) -> [ProjectFlag] {
        guard stage != .cancelled, stage != .operation else { return [] }
        return rules.filter { $0.matches(self, today: today) }
            .sorted { ($0.severity, $0.code) < ($1.severity, $1.code) }
            .map { ProjectFlag(code: $0.code, label: $0.label, severity: $0.severity) }
    }
}
