import Foundation

/// A task force (专班) of a district or zone: its leader and deputy seats, the office that runs it,
/// and its working groups. Members are seats, not people (seed 003: "如遇人事变动…相应人员接任").
public struct TaskForce: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// The district or zone whose task force it is.
    public var unit: OrgUnit
    public var name: String
    /// How the unit names its shape: `1+5`, `7+3`, `1+2+6`.
    public var shape: String
    public var leaderSeats: [Int64]
    public var deputySeats: [Int64]
    /// Where its office sits (`发改局`).
    public var office: String
    public var duty: String
    public var groups: [WorkingGroup]
    public var version: Int

    public init(id: Int64 = 0, unit: OrgUnit, name: String, shape: String = "", leaderSeats: [Int64] = [], deputySeats: [Int64] = [], office: String = "",
                duty: String = "", groups: [WorkingGroup] = [], version: Int = 1) {
        self.id = id
        self.unit = unit
        self.name = name
        self.shape = shape
        self.leaderSeats = leaderSeats
        self.deputySeats = deputySeats
        self.office = office
        self.duty = duty
        self.groups = groups
        self.version = version
    }

    /// The seats that see every group's projects: the task force's leaders and deputies.
    public var commandSeats: Set<Int64> { Set(leaderSeats + deputySeats) }
}

/// A working group (工作组, 产业小组): its leader seats, member seats, the units that lead and
/// support it, its duty, and what it follows — projects named to it, and every project of the
/// scheme classes it follows (seed 003: each 产业小组 follows its industry).
public struct WorkingGroup: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var taskForceId: Int64
    public var name: String
    public var leaderSeats: [Int64]
    public var memberSeats: [Int64]
    public var leadUnits: [String]
    public var supportUnits: [String]
    public var duty: String
    public var sort: Int
    /// Projects named to the group.
    public var projectIds: [Int64]
    /// Scheme classes whose projects the group follows.
    public var classIds: [Int64]

    public init(id: Int64 = 0, taskForceId: Int64 = 0, name: String, leaderSeats: [Int64] = [], memberSeats: [Int64] = [], leadUnits: [String] = [],
                supportUnits: [String] = [], duty: String = "", sort: Int = 0, projectIds: [Int64] = [], classIds: [Int64] = []) {
        self.id = id
        self.taskForceId = taskForceId
        self.name = name
        self.leaderSeats = leaderSeats
        self.memberSeats = memberSeats
        self.leadUnits = leadUnits
        self.supportUnits = supportUnits
        self.duty = duty
        self.sort = sort
        self.projectIds = projectIds
        self.classIds = classIds
    }
}

/// A group's figures over the projects it follows: what they are, how far they have come this
/// year, and what holds them up.
public struct GroupFigures: Sendable, Equatable {
    public var projects: Int
    public var totalInvestment: Money
    public var byStage: [Stage: Int]
    public var planned: Money
    public var yearDispatch: Money
    /// This year's dispatch figure of the projects that have a plan: what the plan is measured against.
    public var plannedDispatch: Money
    public var openProblems: Int
    public var overdueProblems: Int
    public var red: Int

    public init(projects: [Project], plans: [Int64: Money], yearDispatch: [Int64: Money], problems: [Problem], lights: [Int64: WarningColour], today: Day) {
        let ids = Set(projects.map(\.id))
        self.projects = projects.count
        totalInvestment = projects.reduce(.zero) { $0 + $1.fields.totalInvestment }
        byStage = Dictionary(grouping: projects, by: \.stage).mapValues(\.count)
        (planned, plannedDispatch) = Self.planProgress(of: ids, plans: plans, dispatch: yearDispatch)
        self.yearDispatch = ids.reduce(.zero) { $0 + (yearDispatch[$1] ?? .zero) }
        let own = problems.filter { $0.projectId.map(ids.contains) ?? false }
        openProblems = own.filter { ![.resolved, .closed].contains($0.status) }.count
        overdueProblems = own.filter { $0.isOverdue(on: today) }.count
        red = ids.filter { lights[$0] == .red }.count
    }

    /// The year's plans of `ids` and this year's dispatch figure of the projects that have one: what
    /// a group's completion is measured on, on its page and in its task force's ranking.
    public static func planProgress(of ids: Set<Int64>, plans: [Int64: Money], dispatch: [Int64: Money]) -> (planned: Money, done: Money) {
        let planned = ids.filter { plans[$0] != nil }
        return (planned.reduce(.zero) { $0 + plans[$1]! }, planned.reduce(.zero) { $0 + (dispatch[$1] ?? .zero) })
    }

    /// The planned projects' dispatch figure as a share of their plans, in percent; nil without a
    /// plan. (Projects without a plan this year are not measured against anyone's plan.)
    public var completionPercent: Double? {
        planned > .zero ? Double(plannedDispatch.yuan) / Double(planned.yuan) * 100 : nil
    }
}
