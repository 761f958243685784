import Foundation

/// How the officials state a project on a year's list (建设性质): their word for that year, kept
/// as written; what the project's dates imply is shown beside it, never put in its place.
public enum ListNature: String, Sendable, Codable, CaseIterable {
    case newStart, continuing, planning, reserve, completed

    public var label: String { StatisticsText.nature(self) }

    /// What a project's dates and stage say its nature in `year` is, for comparing with the statement:
    /// a started project by `YearActivity` (the one definition of 竣工/新开工/续建), one not yet
    /// started by its stage and planned start.
    public static func implied(by project: Project, year: Int) -> ListNature? {
        if project.fields.actualStart != nil {
            if YearActivity.completed.holds(for: project, in: year) { return .completed }
            if YearActivity.newStart.holds(for: project, in: year) { return .newStart }
            return YearActivity.continuing.holds(for: project, in: year) ? .continuing : nil
        }
        switch project.stage {
        case .reserve, .attraction: return .planning
        case .approval: return project.fields.plannedStart?.year == year ? .newStart : .planning
        default: return nil
        }
    }
}

/// A unit's list of key projects for a year (年度重点项目计划): its threshold and level are the
/// list's own, e.g. 二道区 2019 3000万元以上区重点.
public struct YearList: Sendable, Codable, Equatable {
    public var id: Int64
    /// The region whose list it is (the city's own code for the city's list).
    public var regionCode: String
    public var year: Int
    public var threshold: Money
    public var level: ProjectLevel?
    public var title: String

    /// Which list: a region's list of a year at a threshold.
    public var key: String { Self.key(regionCode: regionCode, year: year, threshold: threshold) }
    public static func key(regionCode: String, year: Int, threshold: Money) -> String { "\(regionCode)|\(year)|\(threshold.yuan)" }

    public init(id: Int64 = 0, regionCode: String, year: Int, threshold: Money, level: ProjectLevel? = nil, title: String = "") {
        self.id = id
        self.regionCode = regionCode
        self.year = year
        self.threshold = threshold
        self.level = level
        self.title = title
    }
}

/// One project on a year list, with the year's statement and planned investment.
public struct YearListEntry: Sendable, Codable, Equatable {
    public var listId: Int64
    public var projectId: Int64
    public var nature: ListNature?
    public var plannedInvestment: Money?

    public init(listId: Int64, projectId: Int64, nature: ListNature?, plannedInvestment: Money?) {
        self.listId = listId
        self.projectId = projectId
        self.nature = nature
        self.plannedInvestment = plannedInvestment
    }
}
