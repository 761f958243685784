import Foundation

/// Where an application for upper-level money stands: 谋划 → 申报 → 审核 → 入选 / 未入选 → 下达 →
/// 到位 → 支出. It only moves forward; 未入选 ends it (a new batch is a new application).
public enum FundingState: String, Sendable, Codable, CaseIterable, Comparable {
    case planning, applied, reviewing, selected, rejected, issued, arrived, spending

    public var label: String { FundingText.state(self) }

    /// Selected or further: the money is the city's to follow.
    public var isWon: Bool { [.selected, .issued, .arrived, .spending].contains(self) }

    public static func < (lhs: FundingState, rhs: FundingState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One project inside an application, with the amount asked for it.
public struct AppliedProject: Sendable, Codable, Equatable {
    public var projectId: Int64
    public var asked: Money

    public init(projectId: Int64, asked: Money) {
        self.projectId = projectId
        self.asked = asked
    }
}

/// The applicant's answer to one checklist line: met or not, with the evidence (文号, 材料).
public struct ChecklistAnswer: Sendable, Codable, Equatable {
    public var itemCode: String
    public var met: Bool
    public var evidence: String

    public init(itemCode: String, met: Bool, evidence: String) {
        self.itemCode = itemCode
        self.met = met
        self.evidence = evidence
    }
}

/// What happened to an application on a day. Amounts are in yuan; the money events add up
/// (下达, 到位 and 支出 come in tranches).
public struct FundingEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case created, submitted, reviewing, selected, rejected, issued, arrived, spent, note

        public var label: String { FundingText.eventKind(self) }
        /// Carries an amount.
        public var isMoney: Bool { [.selected, .issued, .arrived, .spent].contains(self) }
    }

    public var id: Int64
    public var applicationId: Int64
    public var kind: Kind
    public var on: Day
    public var amount: Money?
    public var note: String
    public var actorName: String

    public init(id: Int64 = 0, applicationId: Int64, kind: Kind, on: Day, amount: Money? = nil, note: String = "", actorName: String) {
        self.id = id
        self.applicationId = applicationId
        self.kind = kind
        self.on = on
        self.amount = amount
        self.note = note
        self.actorName = actorName
    }
}

/// An application for upper-level money (向上资金争取): one channel (and its 专项 or 投向), a batch
/// when the channel opened one, the unit applying, the projects it packages and what happened.
public struct FundingApplication: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var title: String
    public var channelCode: String
    public var programme: String
    public var windowId: Int64?
    public var unit: OrgUnit
    public var handlerName: String
    public var projects: [AppliedProject]
    public var state: FundingState
    public var stateSince: Day
    public var createdOn: Day
    public var submittedOn: Day?
    /// 入选 amount, set when selected.
    public var approved: Money?
    public var events: [FundingEvent]
    public var answers: [ChecklistAnswer]
    public var version: Int

    public init(id: Int64 = 0, title: String, channelCode: String, programme: String = "", windowId: Int64? = nil, unit: OrgUnit, handlerName: String,
                projects: [AppliedProject], state: FundingState = .planning, stateSince: Day, createdOn: Day, submittedOn: Day? = nil, approved: Money? = nil,
                events: [FundingEvent] = [], answers: [ChecklistAnswer] = [], version: Int = 1) {
        self.id = id
        self.title = title
        self.channelCode = channelCode
        self.programme = programme
        self.windowId = windowId
        self.unit = unit
        self.handlerName = handlerName
        self.projects = projects
        self.state = state
        self.stateSince = stateSince
        self.createdOn = createdOn
        self.submittedOn = submittedOn
        self.approved = approved
        self.events = events
        self.answers = answers
        self.version = version
    }

    public var asked: Money { projects.reduce(.zero) { $0 + $1.asked } }

    /// The money events of `kind` added up, on or before `through` when given.
    public func total(_ kind: FundingEvent.Kind, through: Day? = nil) -> Money {
        events.filter { event in event.kind == kind && (through.map { event.on <= $0 } ?? true) }.reduce(.zero) { $0 + ($1.amount ?? .zero) }
    }

    public var issued: Money { total(.issued) }
    public var arrived: Money { total(.arrived) }
    public var spent: Money { total(.spent) }

    /// The day of the first event of `kind`.
    public func first(_ kind: FundingEvent.Kind) -> Day? { events.filter { $0.kind == kind }.map(\.on).min() }

    public func answer(_ code: String) -> ChecklistAnswer? { answers.first { $0.itemCode == code } }
}

/// A batch a channel opened (批次): its year, 专项 or 投向, the days it takes applications and the
/// department collecting them.
public struct FundingWindow: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var channelCode: String
    public var name: String
    public var year: Int
    public var programme: String
    public var opensOn: Day
    public var closesOn: Day
    public var departmentCode: String
    public var note: String

    public init(id: Int64 = 0, channelCode: String, name: String, year: Int, programme: String = "", opensOn: Day, closesOn: Day, departmentCode: String, note: String = "") {
        self.id = id
        self.channelCode = channelCode
        self.name = name
        self.year = year
        self.programme = programme
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.departmentCode = departmentCode
        self.note = note
    }

    public func isOpen(on day: Day) -> Bool { opensOn <= day && day <= closesOn }
}

/// The province's figure for a channel and year (全省), entered by the centre so shares can be given.
public struct ProvinceFunding: Sendable, Codable, Equatable {
    public var year: Int
    public var channelCode: String
    public var projects: Int
    public var amount: Money
    public var note: String

    public init(year: Int, channelCode: String, projects: Int, amount: Money, note: String = "") {
        self.year = year
        self.channelCode = channelCode
        self.projects = projects
        self.amount = amount
        self.note = note
    }
}
