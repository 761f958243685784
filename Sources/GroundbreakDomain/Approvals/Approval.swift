import Foundation

/// Kinds of project that decide which approval items apply (工程建设项目审批制度改革 分类).
public enum ApprovalProjectType: String, Sendable, Codable, CaseIterable {
    case government
    case enterpriseApproval
    case enterpriseFiling
    case smallLowRisk

    public var label: String { DomainText.approvalProjectType(self).zh }
}

/// An item of the approval catalogue (审批事项), reference data.
public struct ApprovalItem: Sendable, Codable, Equatable, Identifiable {
    public var code: String
    public var name: String
    /// 1 立项用地规划许可, 2 工程建设许可, 3 施工许可, 4 竣工验收; 0 runs in parallel (环评, 节能审查 …).
    public var stage: Int
    public var departmentCode: String
    public var statutoryLimit: Int
    public var unit: LimitUnit
    /// The local promise (承诺时限), where shorter than the law's.
    public var promisedLimit: Int?
    /// Counting starts the day after acceptance (the usual rule), or on it.
    public var countsFromNextDay: Bool
    public var appliesTo: Set<ApprovalProjectType>
    public var basis: String
    public var sort: Int
    public var validity: Validity
    public var id: String { code }

    public init(code: String, name: String, stage: Int, departmentCode: String, statutoryLimit: Int, unit: LimitUnit, promisedLimit: Int? = nil,
                countsFromNextDay: Bool = true, appliesTo: Set<ApprovalProjectType>, basis: String, sort: Int = 0, validity: Validity = Validity(source: "")) {
        self.code = code
        self.name = name
        self.stage = stage
        self.departmentCode = departmentCode
        self.statutoryLimit = statutoryLimit
        self.unit = unit
        self.promisedLimit = promisedLimit
        self.countsFromNextDay = countsFromNextDay
        self.appliesTo = appliesTo
        self.basis = basis
        self.sort = sort
        self.validity = validity
    }

    /// The limit that applies: the local promise when it is shorter than the law.
    public var limit: Int {
        promisedLimit.map { min($0, statutoryLimit) } ?? statutoryLimit
    }

    public static func stageName(_ stage: Int) -> String { DomainText.approvalStage(stage).zh }
}

/// Where one approval item of one project stands.
public enum ApprovalStatus: String, Sendable, Codable, CaseIterable {
    case notStarted
    case applied
    case accepted
    /// 容缺受理: accepted with papers missing, to be supplied by a date; the clock runs.
    case acceptedWithDeficiency
    /// 告知承诺: accepted on a written promise.
    case byCommitment
    /// 补正, expert review, hearing …: time excluded from the limit as the law says.
    case paused
    case approved
    case rejected
    case notNeeded

    public var label: String { DomainText.approvalStatus(self).zh }

    public var isDecided: Bool { [.approved, .rejected, .notNeeded].contains(self) }
    public var isRunning: Bool { [.accepted, .acceptedWithDeficiency, .byCommitment, .paused].contains(self) }
}

/// A stretch of time excluded from the clock, both days included; open while `to` is nil.
public struct ApprovalPause: Sendable, Codable, Equatable {
    public var reason: String
    public var from: Day
    public var to: Day?

    public init(reason: String, from: Day, to: Day? = nil) {
        self.reason = reason
        self.from = from
        self.to = to
    }
}

/// One approval item on one project.
public struct ProjectApproval: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var projectId: Int64
    public var itemCode: String
    public var status: ApprovalStatus
    /// The status to return to when a pause ends.
    public var statusBeforePause: ApprovalStatus?
    public var appliedOn: Day?
    public var acceptedOn: Day?
    public var supplementDue: Day?
    public var missingMaterials: String
    public var decidedOn: Day?
    public var documentNumber: String
    public var pauses: [ApprovalPause]
    public var note: String
    public var version: Int

    public init(id: Int64, projectId: Int64, itemCode: String, status: ApprovalStatus = .notStarted, statusBeforePause: ApprovalStatus? = nil,
                appliedOn: Day? = nil, acceptedOn: Day? = nil, supplementDue: Day? = nil, missingMaterials: String = "", decidedOn: Day? = nil,
                documentNumber: String = "", pauses: [ApprovalPause] = [], note: String = "", version: Int = 1) {
        self.id = id
        self.projectId = projectId
        self.itemCode = itemCode
        self.status = status
        self.statusBeforePause = statusBeforePause
        self.appliedOn = appliedOn
        self.acceptedOn = acceptedOn
        self.supplementDue = supplementDue
        self.missingMaterials = missingMaterials
        self.decidedOn = decidedOn
        self.documentNumber = documentNumber
        self.pauses = pauses
        self.note = note
        self.version = version
    }
}
