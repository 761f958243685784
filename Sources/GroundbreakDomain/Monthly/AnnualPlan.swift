import Foundation

/// A project's plan for one year (年度计划).
public struct AnnualPlan: Sendable, Codable, Equatable {
    public var projectId: Int64
    public var year: Int
    public var plannedInvestment: Money
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var nature: ConstructionNature
    /// On the year's 开复工 list.
    public var inStartList: Bool
    /// A 集中开工 (spring/autumn) or 集中审批 batch it joins, by name.
    public var campaign: String
    public var version: Int

    public init(projectId: Int64, year: Int, plannedInvestment: Money, plannedStart: Day? = nil, plannedCompletion: Day? = nil,
                nature: ConstructionNature, inStartList: Bool = false, campaign: String = "", version: Int = 1) {
        self.projectId = projectId
        self.year = year
        self.plannedInvestment = plannedInvestment
        self.plannedStart = plannedStart
        self.plannedCompletion = plannedCompletion
        self.nature = nature
        self.inStartList = inStartList
        self.campaign = campaign
        self.version = version
    }

    public static let maxCampaign = 100

    /// The checks against the project: within its total, dates in order, the nature its dates allow.
    public static func validate(_ plan: AnnualPlan, project: Project) -> [FieldError] {
        var errors: [FieldError] = []
        if !Day.plausibleYears.contains(plan.year) { errors.append(FieldError("year", .unknownCode(field: "year", code: String(plan.year)))) }
        let total = project.fields.totalInvestment
        if let problem = plan.plannedInvestment.inputProblem {
            errors.append(FieldError("plannedInvestment", .money(problem)))
        } else if total > .zero && plan.plannedInvestment > total { errors.append(FieldError("plannedInvestment", .planAboveTotal(total: total))) }
        if let start = plan.plannedStart, let completion = plan.plannedCompletion, completion < start {
            errors.append(FieldError("plannedCompletion", .completionBeforeStart))
        }
        if plan.nature == .newStart, let started = project.fields.actualStart, started.year < plan.year {
            errors.append(FieldError("nature", .newStartAlreadyStarted(year: started.year)))
        }
        if plan.campaign.count > maxCampaign { errors.append(FieldError("campaign", .tooLong(field: "campaign", max: maxCampaign))) }
        return errors
    }
}
