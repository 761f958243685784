import Foundation

/// A meeting of the project drive (调度会, 例会, 联席会议, 现场协调会, 季度听取汇报会): its agenda —
/// the problems and supervised items it takes up, with what the last meeting of its kind left
/// open carried over — and its minutes, whose decisions with an owner and a deadline become
/// supervised items when the minutes are issued.
public struct Meeting: Sendable, Equatable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Called, agenda set.
        case planned
        /// Minutes issued; its decisions are supervised items.
        case minuted
    }

    public struct AgendaItem: Sendable, Equatable, Codable {
        /// A project to report on (汇报), as opposed to a problem to solve.
        public var projectId: Int64?
        public var problemId: Int64?
        public var supervisedItemId: Int64?
        public var note: String
        /// Left open by the previous meeting of the kind.
        public var carriedOver: Bool

        public init(projectId: Int64? = nil, problemId: Int64? = nil, supervisedItemId: Int64? = nil, note: String, carriedOver: Bool = false) {
            self.projectId = projectId
            self.problemId = problemId
            self.supervisedItemId = supervisedItemId
            self.note = note
            self.carriedOver = carriedOver
        }
    }

    public struct Decision: Sendable, Equatable, Codable {
        public var text: String
        public var owner: OrgUnit?
        public var deadline: Day?
        /// The supervised item it became.
        public var supervisedItemId: Int64?

        public init(text: String, owner: OrgUnit? = nil, deadline: Day? = nil, supervisedItemId: Int64? = nil) {
            self.text = text
            self.owner = owner
            self.deadline = deadline
            self.supervisedItemId = supervisedItemId
        }

        /// A decision that needs action: someone must do it by a date.
        public var needsAction: Bool { owner != nil && deadline != nil }
    }

    public var id: Int64
    public var kindCode: String
    /// The serial of the kind in the year (第 N 次).
    public var serial: Int
    public var title: String
    public var heldOn: Day
    public var place: String
    public var chair: String
    public var attendees: [String]
    public var agenda: [AgendaItem]
    public var summary: String
    public var decisions: [Decision]
    public var status: Status
    public var version: Int

    public init(id: Int64 = 0, kindCode: String, serial: Int = 0, title: String, heldOn: Day, place: String = "", chair: String = "", attendees: [String] = [],
                agenda: [AgendaItem] = [], summary: String = "", decisions: [Decision] = [], status: Status = .planned, version: Int = 1) {
        self.id = id
        self.kindCode = kindCode
        self.serial = serial
        self.title = title
        self.heldOn = heldOn
        self.place = place
        self.chair = chair
        self.attendees = attendees
        self.agenda = agenda
        self.summary = summary
        self.decisions = decisions
        self.status = status
        self.version = version
    }
}

/// Meeting kinds and the minutes' number, shipped as `meeting_rules.json`.
public struct MeetingSettings: Sendable, Codable, Equatable {
    public struct Kind: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        /// Open problems that have risen to this level go on every meeting of the kind (联席会议 takes
        /// what the centre could not solve).
        public var takesProblemsAt: ProblemLevel?

        public init(code: String, name: String, takesProblemsAt: ProblemLevel? = nil) {
            self.code = code
            self.name = name
            self.takesProblemsAt = takesProblemsAt
        }
    }

    public var kinds: [Kind]
    /// `{year}` and `{serial}` are filled in.
    public var minutesNumber: String
    public var basis: String

    public init(kinds: [Kind], minutesNumber: String, basis: String) {
        self.kinds = kinds
        self.minutesNumber = minutesNumber
        self.basis = basis
    }

    public func kind(_ code: String) -> Kind? { kinds.first { $0.code == code } }

    public func number(of meeting: Meeting) -> String {
        minutesNumber.replacingOccurrences(of: "{year}", with: String(meeting.heldOn.year)).replacingOccurrences(of: "{serial}", with: String(meeting.serial))
    }
}

public enum MeetingRules {
    /// What the previous meeting of the kind left open: its agenda problems still open, and the
    /// supervised items its decisions became that are not done.
    public static func carryOver(from previous: Meeting?, openProblems: Set<Int64>, openItems: Set<Int64>) -> [Meeting.AgendaItem] {
        guard let previous else { return [] }
        var carried: [Meeting.AgendaItem] = []
        var seenProblems: Set<Int64> = []
        var seenItems: Set<Int64> = []
        for item in previous.agenda {
            if let id = item.problemId, openProblems.contains(id), seenProblems.insert(id).inserted {
                carried.append(.init(problemId: id, note: item.note, carriedOver: true))
            }
            if let id = item.supervisedItemId, openItems.contains(id), seenItems.insert(id).inserted {
                carried.append(.init(supervisedItemId: id, note: item.note, carriedOver: true))
            }
        }
        for decision in previous.decisions {
            if let id = decision.supervisedItemId, openItems.contains(id), seenItems.insert(id).inserted {
                carried.append(.init(supervisedItemId: id, note: decision.text, carriedOver: true))
            }
        }
        return carried
    }

    /// A new meeting's fields, checked.
    public static func validate(_ meeting: Meeting, settings: MeetingSettings) -> [FieldError] {
        var errors: [FieldError] = []
        if settings.kind(meeting.kindCode) == nil { errors.append(FieldError("kindCode", .unknownCode(field: "kindCode", code: meeting.kindCode))) }
        if meeting.title.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("title", .required(field: "title"))) }
        return errors
    }

    /// Minutes: a summary and decisions; a decision with an owner needs a deadline on or after the meeting and vice versa.
    /// Minutes are issued once: a minuted meeting refuses them, whatever they say.
    public static func validateMinutes(of meeting: Meeting, summary: String, decisions: [Meeting.Decision]) -> [FieldError] {
        var errors = validateMinutes(summary: summary, decisions: decisions, heldOn: meeting.heldOn)
        if meeting.status == .minuted { errors.append(FieldError("status", .meeting(.minutesIssued))) }
        return errors
    }

    /// The supervised item a decision needing action becomes: owner, deadline, and where it came from.
    public static func supervisedItem(for decision: Meeting.Decision, number index: Int, of meeting: Meeting, kindName: String, today: Day,
                                      createdBy: String) -> SupervisedItem? {
        guard decision.needsAction, let owner = decision.owner, let deadline = decision.deadline else { return nil }
        return SupervisedItem(content: decision.text, owner: owner, deadline: deadline, source: .meetingDecision,
                              sourceNote: MeetingText.decisionSource(year: meeting.heldOn.year, serial: meeting.serial, kindName: kindName, item: index + 1).zh,
                              createdOn: today, createdBy: createdBy)
    }

    public static func validateMinutes(summary: String, decisions: [Meeting.Decision], heldOn: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && decisions.isEmpty {
            errors.append(FieldError("summary", .required(field: "summary")))
        }
        for (index, decision) in decisions.enumerated() {
            let field = "decisions[\(index + 1)]"
            if decision.text.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(field, .required(field: "text"))) }
            if (decision.owner == nil) != (decision.deadline == nil) { errors.append(FieldError(field, .supervision(.ownerAndDeadlineTogether))) }
            if let deadline = decision.deadline, deadline < heldOn { errors.append(FieldError(field, .supervision(.deadlineBeforeMeeting))) }
        }
        return errors
    }
}
