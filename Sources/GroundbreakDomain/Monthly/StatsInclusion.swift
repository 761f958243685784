import Foundation

/// A project's admission to the statistics library (入库/入统). Three dates are kept apart: the
/// actual start (on the project), the admission, and the first month figures were reported there.
public struct StatsInclusion: Sendable, Codable, Equatable {
    public var projectId: Int64
    public var admittedOn: Day
    public var firstReportedMonth: Month?
    public var note: String
    public var recordedBy: String
    public var version: Int

    public init(projectId: Int64, admittedOn: Day, firstReportedMonth: Month?, note: String = "", recordedBy: String = "", version: Int = 1) {
        self.projectId = projectId
        self.admittedOn = admittedOn
        self.firstReportedMonth = firstReportedMonth
        self.note = note
        self.recordedBy = recordedBy
        self.version = version
    }
}

/// Where a project stands on 入统 at a given day.
public enum InclusionState: Sendable, Equatable {
    /// Below the threshold or not actually started: nothing to admit.
    case notEligible
    /// Started, not admitted: days since the start, and whether that is past the expected window.
    case waiting(days: Int, overdue: Bool)
    case admitted(on: Day)

    public static func of(_ project: Project, inclusion: StatsInclusion?, rules: ReportRules, today: Day) -> InclusionState {
        if let inclusion { return .admitted(on: inclusion.admittedOn) }
        guard project.fields.totalInvestment >= Money.wan(rules.statsThresholdWan), let start = project.fields.actualStart, start <= today,
              [.construction, .operation].contains(project.stage) else { return .notEligible }
        let days = start.days(until: today)
        return .waiting(days: days, overdue: days > rules.admitWithinDays)
    }

    /// Of `projects` as they stood on `day`: how many should be admitted by then (started, at or
    /// above the threshold, or already admitted) and how many were. The one count behind every
    /// 入统率 (the 考核排名's, the 四率's).
    public static func count(_ projects: [Project], admittedOn: [Int64: Day], rules: ReportRules, on day: Day) -> (eligible: Int, admitted: Int) {
        var eligible = 0, admitted = 0
        for project in projects {
            let counted = count(project, admittedOn: admittedOn[project.id], rules: rules, on: day)
            eligible += counted.eligible
            admitted += counted.admitted
        }
        return (eligible, admitted)
    }

    /// One project's part of `count`: 1 or 0 for each.
    public static func count(_ project: Project, admittedOn: Day?, rules: ReportRules, on day: Day) -> (eligible: Int, admitted: Int) {
        let inclusion = admittedOn.flatMap { $0 <= day ? StatsInclusion(projectId: project.id, admittedOn: $0, firstReportedMonth: nil) : nil }
        switch of(project, inclusion: inclusion, rules: rules, today: day) {
        case .notEligible: return (0, 0)
        case .waiting: return (1, 0)
        case .admitted: return (1, 1)
        }
    }

    /// The quarter's 集中入统 candidates: waiting and started by the quarter's end.
    public static func quarterEnd(of day: Day) -> Day {
        let lastMonth = ((day.month - 1) / 3 + 1) * 3
        return Month(year: day.year, month: lastMonth)!.lastDay
    }
}

public enum StatsInclusionRules {
    public static func validate(admittedOn: Day, firstReportedMonth: Month?, project: Project, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        guard let start = project.fields.actualStart else { return [FieldError("admittedOn", .inclusionBeforeStart)] }
        if admittedOn < start { errors.append(FieldError("admittedOn", .inclusionBeforeStart)) }
        if admittedOn > today { errors.append(FieldError("admittedOn", .dateInFuture)) }
        if let month = firstReportedMonth {
            if month < Month(admittedOn) { errors.append(FieldError("firstReportedMonth", .firstReportBeforeAdmission)) }
            if month.firstDay > today { errors.append(FieldError("firstReportedMonth", .reportMonthInFuture)) }
        }
        return errors
    }
}
