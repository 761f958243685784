import Foundation

/// An obstacle on a project, or on an enterprise served under 万人助万企 (问题清单): what it is,
/// who owns it at which level, by when, and where it stands. Nothing is deleted; every change is
/// a `ProblemEvent` kept beside it.
public struct Problem: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64
    /// The project it blocks; nil for an enterprise's problem.
    public var projectId: Int64?
    /// The enterprise, for a problem without a project.
    public var enterpriseName: String
    /// The project's region, or the enterprise's: who sees it by territory.
    public var regionCode: String
    public var categoryCode: String
    public var description: String
    public var raisedByUserId: Int64?
    public var raisedByName: String
    public var raisedOn: Day
    public var level: ProblemLevel
    /// Who must solve it; nil until the centre assigns it (分办).
    public var owner: OrgUnit?
    public var supportUnits: [OrgUnit]
    public var deadline: Day?
    public var status: ProblemStatus
    /// The status a suspended (挂起) problem returns to.
    public var suspendedFrom: ProblemStatus?
    /// Why it is suspended, reopened or escalated last.
    public var statusNote: String
    public var resolvedOn: Day?
    public var closedOn: Day?
    /// How many times it has risen a level.
    public var escalations: Int
    public var version: Int

    public init(id: Int64 = 0, projectId: Int64?, enterpriseName: String = "", regionCode: String, categoryCode: String, description: String,
                raisedByUserId: Int64?, raisedByName: String, raisedOn: Day, level: ProblemLevel = .unit, owner: OrgUnit? = nil,
                supportUnits: [OrgUnit] = [], deadline: Day? = nil, status: ProblemStatus = .raised, suspendedFrom: ProblemStatus? = nil,
                statusNote: String = "", resolvedOn: Day? = nil, closedOn: Day? = nil, escalations: Int = 0, version: Int = 1) {
        self.id = id
        self.projectId = projectId
        self.enterpriseName = enterpriseName
        self.regionCode = regionCode
        self.categoryCode = categoryCode
        self.description = description
        self.raisedByUserId = raisedByUserId
        self.raisedByName = raisedByName
        self.raisedOn = raisedOn
        self.level = level
        self.owner = owner
        self.supportUnits = supportUnits
        self.deadline = deadline
        self.status = status
        self.suspendedFrom = suspendedFrom
        self.statusNote = statusNote
        self.resolvedOn = resolvedOn
        self.closedOn = closedOn
        self.escalations = escalations
        self.version = version
    }

    /// Past its deadline on `today` while the owner still owes the answer (分办 or 办理中): the
    /// deadline day itself is still in time. A problem the owner has reported solved waits on the
    /// raiser's 销号, not on the owner, and a suspended one has no clock; neither is overdue. The
    /// one definition: the tiles, the lists (`ProblemStatus.clockRunning` in SQL) and the
    /// escalation job all use it.
    public func isOverdue(on today: Day) -> Bool {
        guard ProblemStatus.clockRunning.contains(status), let deadline else { return false }
        return today > deadline
    }
}

public enum ProblemStatus: String, Sendable, Codable, CaseIterable {
    /// 已提出: waiting for the centre to hand it to an owner.
    case raised
    /// 已分办: an owner and a deadline, no reply yet.
    case assigned
    /// 办理中: the owner has replied.
    case inProgress
    /// 已解决: the owner says it is solved, with evidence; waiting for the raiser or the centre.
    case resolved
    /// 已销号.
    case closed
    /// 挂起, with a reason.
    case suspended

    public var label: String { ProblemText.status(self).zh }
    /// Not yet closed out: counts in the open lists.
    public var isOpen: Bool { self != .closed }

    /// The states in which the owner's deadline runs: assigned, and replied but not yet solved.
    public static let clockRunning: [ProblemStatus] = [.assigned, .inProgress]
}

/// The levels a problem rises through (逐级提级).
public enum ProblemLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// The unit responsible (责任单位).
    case unit
    /// The county, city-district or development zone (县（市）区、开发区).
    case region
    /// The city project centre (市大项目办).
    case centre
    /// The leading group's joint meeting (领导小组联席会议).
    case jointMeeting

    public var label: String { ProblemText.level(self).zh }

    public static func < (lhs: ProblemLevel, rhs: ProblemLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The problem rules shipped as `problem_rules.json`: categories, the escalation ladder, the
/// monthly cycle and the reminder lead. All editable.
public struct ProblemSettings: Sendable, Codable, Equatable {
    public struct Category: Sendable, Codable, Equatable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// One rung: the level, who owns a problem that reaches it, and how long it gets there.
    public struct Rung: Sendable, Codable, Equatable {
        public var level: ProblemLevel
        /// `projectRegion` (the problem's region), `department:CODE` or `region:CODE`; nil keeps
        /// the owner the centre chose (the unit level).
        public var owner: String?
        public var deadlineWorkingDays: Int

        public init(level: ProblemLevel, owner: String?, deadlineWorkingDays: Int) {
            self.level = level
            self.owner = owner
            self.deadlineWorkingDays = deadlineWorkingDays
        }
    }

    /// Seed 001 §32: units report by the 10th, the centre assigns by the 15th, the joint meeting
    /// takes what needs the city by the 25th.
    public struct Cycle: Sendable, Codable, Equatable {
        public var reportBy: Int
        public var assignBy: Int
        public var jointMeetingBy: Int

        public init(reportBy: Int, assignBy: Int, jointMeetingBy: Int) {
            self.reportBy = reportBy
            self.assignBy = assignBy
            self.jointMeetingBy = jointMeetingBy
        }
    }

    public var categories: [Category]
    public var ladder: [Rung]
    public var cycle: Cycle
    /// Working days before a deadline at which the owner is reminded.
    public var reminderWorkingDays: Int
    /// Escalate open problems automatically once they pass their deadline.
    public var escalateWhenOverdue: Bool
    public var basis: String

    public init(categories: [Category], ladder: [Rung], cycle: Cycle, reminderWorkingDays: Int, escalateWhenOverdue: Bool, basis: String) {
        self.categories = categories
        self.ladder = ladder
        self.cycle = cycle
        self.reminderWorkingDays = reminderWorkingDays
        self.escalateWhenOverdue = escalateWhenOverdue
        self.basis = basis
    }

    public func category(_ code: String) -> Category? { categories.first { $0.code == code } }

    public func rung(_ level: ProblemLevel) -> Rung? { ladder.first { $0.level == level } }

    /// The unit that hands new problems out (分办): the owner of the ladder's centre rung.
    public var assigningUnit: OrgUnit? { rung(.centre)?.owner.flatMap(OrgUnit.parse) }

    /// The rung above `level`, if the ladder has one.
    public func rung(above level: ProblemLevel) -> Rung? { ladder.first { $0.level > level } }

    /// The owner a rung names for `problem`; nil when the rung keeps the current owner.
    public func owner(of rung: Rung, for problem: Problem) -> OrgUnit? {
        guard let owner = rung.owner else { return problem.owner }
        if owner == "projectRegion" { return OrgUnit(kind: .region, code: problem.regionCode) }
        let parts = owner.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = OrgUnit.Kind(rawValue: parts[0]) else { return nil }
        return OrgUnit(kind: kind, code: parts[1])
    }
}
