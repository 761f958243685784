import Foundation

/// 督办事项: an action with an owner unit and a deadline that the supervision office (督查室)
/// follows until it closes it. It comes from a meeting decision, a leader's instruction or a
/// problem; its owner reports progress and completion; overdue items are urged (催办) and can be
/// sent a 督办函.
public struct SupervisedItem: Sendable, Equatable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case open, replied, done, closed

        public var label: String { SupervisionText.status(self).zh }
        public var isOpen: Bool { self == .open || self == .replied }
    }

    public enum Source: String, Sendable, Codable, CaseIterable {
        case meetingDecision, leaderInstruction, problem, other

        public var label: String { SupervisionText.source(self).zh }
    }

    public var id: Int64
    public var content: String
    public var owner: OrgUnit
    public var deadline: Day
    public var source: Source
    /// What the source is: the meeting and decision number, the instruction's document, ….
    public var sourceNote: String
    public var problemId: Int64?
    public var status: Status
    public var createdOn: Day
    public var createdBy: String
    public var doneOn: Day?
    public var closedOn: Day?
    /// Times urged; each is a 督办函 the owner received.
    public var urges: Int
    public var version: Int

    public init(id: Int64 = 0, content: String, owner: OrgUnit, deadline: Day, source: Source, sourceNote: String = "", problemId: Int64? = nil,
                status: Status = .open, createdOn: Day, createdBy: String, doneOn: Day? = nil, closedOn: Day? = nil, urges: Int = 0, version: Int = 1) {
        self.id = id
        self.content = content
        self.owner = owner
        self.deadline = deadline
        self.source = source
        self.sourceNote = sourceNote
        self.problemId = problemId
        self.status = status
        self.createdOn = createdOn
        self.createdBy = createdBy
        self.doneOn = doneOn
        self.closedOn = closedOn
        self.urges = urges
        self.version = version
    }

    public func isOverdue(on today: Day) -> Bool { status.isOpen && today > deadline }
}

/// Something that happened to a supervised item.
public enum SupervisionEvent: Sendable, Equatable {
    case create
    /// The owner reports progress.
    case feedback(text: String)
    /// The owner reports it done, with what shows it.
    case done(evidence: String)
    /// The supervision office checks and closes it (销号).
    case close(note: String)
    /// The supervision office sends it back.
    case reopen(reason: String)
    /// 催办: an overdue item is urged with a 督办函, and may get a new deadline.
    case urge(note: String, newDeadline: Day?)

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case create, feedback, done, close, reopen, urge

        public var label: String { SupervisionText.event(self).zh }
    }

    public var kind: Kind {
        switch self {
        case .create: .create
        case .feedback: .feedback
        case .done: .done
        case .close: .close
        case .reopen: .reopen
        case .urge: .urge
        }
    }

    public var text: String {
        switch self {
        case .create: ""
        case .feedback(let text), .done(let text), .close(let text), .reopen(let text): text
        // The new deadline an urge sets is kept in the event's deadline, not in its words.
        case .urge(let note, _): note
        }
    }
}

public enum SupervisionRules {
    /// The longest content or answer an item takes.
    public static let maxText = 2000

    static let allowedFrom: [SupervisionEvent.Kind: Set<SupervisedItem.Status>] = [
        .feedback: [.open, .replied], .done: [.open, .replied], .close: [.done], .reopen: [.done, .closed], .urge: [.open, .replied],
    ]

    /// A new item's fields, checked.
    public static func validateNew(_ item: SupervisedItem, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        let content = item.content.trimmingCharacters(in: .whitespacesAndNewlines)
        if content.isEmpty { errors.append(FieldError("content", .supervision(.contentRequired))) }
        if content.count > SupervisionRules.maxText { errors.append(FieldError("content", .supervision(.tooLong(max: SupervisionRules.maxText)))) }
        if item.deadline < today { errors.append(FieldError("deadline", .supervision(.deadlineInPast))) }
        return errors
    }

    public static func apply(_ event: SupervisionEvent, to item: SupervisedItem, today: Day) -> Result<SupervisedItem, ValidationFailure> {
        if let allowed = allowedFrom[event.kind], !allowed.contains(item.status) {
            return .failure(ValidationFailure([FieldError("event", .supervision(.eventNotAllowed(event.kind, item.status)))]))
        }
        var next = item
        var errors: [FieldError] = []
        let text = event.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > SupervisionRules.maxText { errors.append(FieldError("text", .supervision(.tooLong(max: SupervisionRules.maxText)))) }
        switch event {
        case .create: break
        case .feedback:
            if text.isEmpty { errors.append(FieldError("text", .supervision(.feedbackRequired))) }
            next.status = .replied
        case .done:
            if text.isEmpty { errors.append(FieldError("text", .supervision(.evidenceRequired))) }
            next.status = .done
            next.doneOn = today
        case .close:
            next.status = .closed
            next.closedOn = today
        case .reopen(let reason):
            if reason.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("text", .supervision(.reasonRequired))) }
            next.status = .open
            next.doneOn = nil
            next.closedOn = nil
        case .urge(_, let deadline):
            if !item.isOverdue(on: today) { errors.append(FieldError("event", .supervision(.notOverdue))) }
            if let deadline, deadline <= today { errors.append(FieldError("deadline", .supervision(.newDeadlineNotLater))) }
            next.urges += 1
            if let deadline { next.deadline = deadline }
        }
        return errors.isEmpty ? .success(next) : .failure(ValidationFailure(errors))
    }
}

/// The supervision workflow's sentences, zh-CN.
public enum SupervisionText: Sendable, Equatable {
    case status(SupervisedItem.Status)
    case source(SupervisedItem.Source)
    case event(SupervisionEvent.Kind)
    case eventNotAllowed(SupervisionEvent.Kind, SupervisedItem.Status)
    case contentRequired, tooLong(max: Int), deadlineInPast, feedbackRequired, evidenceRequired, reasonRequired, notOverdue, newDeadlineNotLater
    case ownerAndDeadlineTogether, deadlineBeforeMeeting

    public var zh: String {
        switch self {
        case .status(let status):
            switch status {
            case .open: "待办理"
            case .replied: "已反馈"
            case .done: "已办结待核销"
            case .closed: "已销号"
            }
        case .source(let source):
            switch source {
            case .meetingDecision: "会议决定事项"
            case .leaderInstruction: "领导批示"
            case .problem: "问题清单"
            case .other: "其他"
            }
        case .event(let kind):
            switch kind {
            case .create: "立项督办"
            case .feedback: "反馈进展"
            case .done: "报告办结"
            case .close: "核销销号"
            case .reopen: "退回重办"
            case .urge: "催办（督办函）"
            }
        case .eventNotAllowed(let kind, let status): "督办事项当前为“\(SupervisionText.status(status).zh)”，不能“\(SupervisionText.event(kind).zh)”"
        case .contentRequired: "请填写督办内容"
        case .tooLong(let max): "不能超过 \(max) 字"
        case .deadlineInPast: "办理时限不能早于今天"
        case .feedbackRequired: "请填写办理进展"
        case .evidenceRequired: "报告办结须写明办理结果"
        case .reasonRequired: "请写明退回原因"
        case .notOverdue: "事项尚未逾期，不需催办"
        case .newDeadlineNotLater: "新的办理时限须晚于今天"
        case .ownerAndDeadlineTogether: "需要办理的决定事项须同时写明责任单位和完成时限"
        case .deadlineBeforeMeeting: "完成时限不能早于会议日期"
        }
    }
}

/// The supervision settings shipped as `supervision_rules.json`.
public struct SupervisionSettings: Sendable, Codable, Equatable {
    public var issuer: String
    /// `{year}` and `{serial}` are filled in.
    public var letterNumber: String
    public var replyWithinWorkingDays: Int
    /// Working days before a deadline at which the owner is reminded.
    public var reminderWorkingDays: Int
    /// Urge an overdue item (a 督办函) once per missed deadline without waiting for the office.
    public var urgeWhenOverdue: Bool
    public var basis: String

    public init(issuer: String, letterNumber: String, replyWithinWorkingDays: Int, reminderWorkingDays: Int = 3, urgeWhenOverdue: Bool = false, basis: String) {
        self.issuer = issuer
        self.letterNumber = letterNumber
        self.replyWithinWorkingDays = replyWithinWorkingDays
        self.reminderWorkingDays = reminderWorkingDays
        self.urgeWhenOverdue = urgeWhenOverdue
        self.basis = basis
    }

    /// The letter's number: the year and the letter's serial among the year's letters; a letter
    /// not yet issued (an overdue item nobody has urged) leaves the serial blank to be filled in.
    public func number(serial: Int?, year: Int) -> String {
        letterNumber.replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{serial}", with: serial.map(String.init) ?? "　　")
    }
}

/// What a 督办函 says about its item: the deadline it missed (the one before the urge, not a new
/// one the urge set), the new deadline if the urge set one, what the office wrote when urging, and
/// the day the letter was issued (the urge's day; today for a draft of an item not yet urged).
public struct SupervisionLetterFacts: Sendable, Equatable {
    public var missedDeadline: Day
    public var newDeadline: Day?
    public var note: String
    public var issuedOn: Day
    public var urged: Bool

    public init(item: SupervisedItem, events: [SupervisionEventRecord], today: Day) {
        guard let index = events.lastIndex(where: { $0.kind == .urge }) else {
            missedDeadline = item.deadline
            newDeadline = nil
            note = ""
            issuedOn = today
            urged = false
            return
        }
        let urge = events[index]
        let before = events[..<index].last?.deadline ?? urge.deadline
        missedDeadline = before
        newDeadline = urge.deadline != before ? urge.deadline : nil
        note = urge.text
        issuedOn = urge.on
        urged = true
    }

    /// Calendar days past the missed deadline on the day the letter was issued.
    public var daysLate: Int { max(0, issuedOn.ordinal - missedDeadline.ordinal) }
}
