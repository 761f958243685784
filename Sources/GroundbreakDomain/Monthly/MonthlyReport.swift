import Foundation

/// A project's figures and progress for one month (月度填报). Completed investment is kept in two
/// separate figures — dispatch (调度口径, what the project side reports to the centre) and
/// statistical (统计口径, what the statistics bureau accepted) — and they are never added together.
public struct MonthlyReport: Sendable, Codable, Equatable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Sent by the project side, waiting for the centre.
        case submitted
        /// Sent back by the centre with a comment; to be corrected and sent again.
        case returned
        /// Accepted by the centre.
        case accepted

        public var label: String { DomainText.reportStatus(self).zh }
    }

    public var id: Int64
    public var projectId: Int64
    public var month: Month
    public var figures: MonthlyFigures
    public var status: Status
    public var reviewComment: String
    public var submittedAt: Date
    public var submittedBy: String
    public var reviewedAt: Date?
    public var reviewedBy: String
    public var version: Int

    public init(id: Int64, projectId: Int64, month: Month, figures: MonthlyFigures, status: Status, reviewComment: String = "",
                submittedAt: Date, submittedBy: String, reviewedAt: Date? = nil, reviewedBy: String = "", version: Int = 1) {
        self.id = id
        self.projectId = projectId
        self.month = month
        self.figures = figures
        self.status = status
        self.reviewComment = reviewComment
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.reviewedAt = reviewedAt
        self.reviewedBy = reviewedBy
        self.version = version
    }
}

public struct MonthlyFigures: Sendable, Codable, Equatable {
    /// Completed this month, 调度口径.
    public var dispatch: Money
    /// Completed this month, 统计口径; nil until the statistics figure is known.
    public var statistical: Money?
    public var progressText: String
    /// Physical progress of the whole project, 0–100.
    public var progressPercent: Int?
    /// Workers on site.
    public var jobs: Int?
    /// Why this month's figure jumps against last month's; required when it does.
    public var jumpReason: String

    public init(dispatch: Money, statistical: Money? = nil, progressText: String = "", progressPercent: Int? = nil, jobs: Int? = nil, jumpReason: String = "") {
        self.dispatch = dispatch
        self.statistical = statistical
        self.progressText = progressText
        self.progressPercent = progressPercent
        self.jobs = jobs
        self.jumpReason = jumpReason
    }

    /// As stored: texts on one line without surrounding space.
    public var normalised: MonthlyFigures {
        var figures = self
        figures.progressText = TextNormalizer.collapsedLine(progressText)
        figures.jumpReason = TextNormalizer.collapsedLine(jumpReason)
        return figures
    }
}

/// The reporting rules, shipped as `report_rules.json`.
public struct ReportRules: Sendable, Codable, Equatable {
    /// Day of the following month by which a month's report is due.
    public var dueDay: Int
    /// A month figure above `jumpRatio` × last month's needs a reason…
    public var jumpRatio: Double
    /// …when it is also at least this many 万元 (small figures jump all the time).
    public var jumpFloorWan: Int64
    /// Stages whose projects report every month; 竣工投产 projects report through the month they completed.
    public var reportingStages: [Stage]
    /// 入统: projects of at least this many 万元 enter the statistics library once actually started.
    public var statsThresholdWan: Int64
    /// Days after the actual start within which admission is expected.
    public var admitWithinDays: Int
    public var basis: String

    public init(dueDay: Int = 5, jumpRatio: Double = 3, jumpFloorWan: Int64 = 1000, reportingStages: [Stage] = [.approval, .construction],
                statsThresholdWan: Int64 = 500, admitWithinDays: Int = 30, basis: String = "") {
        self.dueDay = dueDay
        self.jumpRatio = jumpRatio
        self.jumpFloorWan = jumpFloorWan
        self.reportingStages = reportingStages
        self.statsThresholdWan = statsThresholdWan
        self.admitWithinDays = admitWithinDays
        self.basis = basis
    }

    /// Who answers for a project's report: its secretary seat when it has one, otherwise its region.
    public static func responsible(_ project: Project, catalog: ReferenceCatalog) -> String {
        if let seat = project.fields.secretaryPositionId, let position = catalog.position(seat) { return "项目秘书 \(position.display)" }
        return "属地 \(catalog.region(project.fields.regionCode)?.name ?? project.fields.regionCode)"
    }

    /// Whether `project` owes a report for `month`. Inlined, so that the board's test of a
    /// province reads the few fields it needs where each project lies rather than copying it.
    @inlinable @inline(__always)
    public func mustReport(_ project: Project, for month: Month) -> Bool {
        if reportingStages.contains(project.stage) { return project.fields.actualStart.map { Month($0) <= month } ?? (project.stage == .approval) }
        if project.stage == .operation, let completed = project.fields.actualCompletion { return Month(completed) >= month }
        return false
    }
}

/// Cumulative figures derived from the reports, never typed: year to date and since the start.
public struct ReportTotals: Sendable, Equatable {
    public var yearDispatch: Money
    public var yearStatistical: Money
    public var sinceStartDispatch: Money
    public var sinceStartStatistical: Money

    /// Totals through `month` from a project's reports (any order, any years).
    public init(_ reports: [MonthlyReport], through month: Month) {
        let upTo = reports.filter { $0.month <= month }
        let year = upTo.filter { $0.month.year == month.year }
        yearDispatch = year.reduce(.zero) { $0 + $1.figures.dispatch }
        yearStatistical = year.reduce(.zero) { $0 + ($1.figures.statistical ?? .zero) }
        sinceStartDispatch = upTo.reduce(.zero) { $0 + $1.figures.dispatch }
        sinceStartStatistical = upTo.reduce(.zero) { $0 + ($1.figures.statistical ?? .zero) }
    }
}

/// Where a project stands on one month's report at a given day.
public enum ReportState: String, Sendable, Codable, CaseIterable {
    case notRequired, due, missing, submitted, submittedLate, returned, accepted

    public var label: String { DomainText.reportState(self).zh }

    /// Its place in `allCases`: counting by state in an array rather than hashing its name.
    public var position: Int { Self.inOrder.firstIndex(of: self)! }
    private static let inOrder = allCases

    public static func of(_ report: MonthlyReport?, project: Project, month: Month, rules: ReportRules, today: Day) -> ReportState {
        let due = month.dueDate(day: rules.dueDay)
        guard let report else { return unsent(owed: rules.mustReport(project, for: month), month: month, due: due, today: today) }
        return sent(report, due: due)
    }

    /// A report sent for a month due on `due`.
    @inlinable
    public static func sent(_ report: MonthlyReport, due: Day) -> ReportState {
        switch report.status {
        case .accepted: return .accepted
        case .returned: return .returned
        case .submitted: return Day.inChina(report.submittedAt) > due ? .submittedLate : .submitted
        }
    }

    /// No report sent for `month`, due on `due`, by a project that owes one or not.
    public static func unsent(owed: Bool, month: Month, due: Day, today: Day) -> ReportState {
        guard owed, today > month.lastDay else { return .notRequired }
        return today > due ? .missing : .due
    }
}

/// The centre's decision on a sent report.
public struct ReportReview: Sendable, Equatable {
    public var accept: Bool
    /// Why it goes back; required when it does.
    public var comment: String
    public var by: String
    public var at: Date

    public init(accept: Bool, comment: String, by: String, at: Date) {
        self.accept = accept
        self.comment = comment
        self.by = by
        self.at = at
    }
}

/// The checks on a month's figures against the project and its other reports.
public enum MonthlyReportRules {
    /// Only a sent report is reviewed, and one sent back says why.
    public static func review(_ report: MonthlyReport, _ review: ReportReview) -> Result<MonthlyReport, ValidationFailure> {
        let comment = TextNormalizer.collapsedLine(review.comment)
        var errors: [FieldError] = []
        if report.status != .submitted { errors.append(FieldError("decision", .reportNotSubmitted)) }
        if !review.accept && comment.isEmpty { errors.append(FieldError("reviewComment", .required(field: "reviewComment"))) }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        var next = report
        next.status = review.accept ? .accepted : .returned
        next.reviewComment = comment
        next.reviewedAt = review.at
        next.reviewedBy = review.by
        return .success(next)
    }

    public static let percentRange = 0...100
    public static let jobsRange = 0...1_000_000
    public static let maxProgressText = 500

    /// `others`: the project's other months (the month being sent is left out).
    public static func validate(_ figures: MonthlyFigures, month: Month, project: Project, others: [ReportedAmounts], rules: ReportRules,
                                today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        if month.firstDay > today { errors.append(FieldError("month", .reportMonthInFuture)) }
        if let percent = figures.progressPercent, !percentRange.contains(percent) { errors.append(FieldError("progressPercent", .percentRange)) }
        if let jobs = figures.jobs, !jobsRange.contains(jobs) { errors.append(FieldError("jobs", .unknownCode(field: "jobs", code: String(jobs)))) }
        if figures.progressText.count > maxProgressText { errors.append(FieldError("progressText", .tooLong(field: "progressText", max: maxProgressText))) }
        // Amounts outside what input accepts are named and nothing is summed with them.
        var outOfBounds = false
        for (field, amount) in [("dispatch", Optional(figures.dispatch)), ("statistical", figures.statistical)] {
            if let problem = amount?.inputProblem {
                errors.append(FieldError(field, .money(problem)))
                outOfBounds = true
            }
        }
        guard !outOfBounds else { return errors }
        let sinceStart = others.filter { $0.month <= month }.reduce(figures.dispatch) { $0 + $1.dispatch }
        let total = project.fields.totalInvestment
        if total > .zero && sinceStart > total {
            errors.append(FieldError("dispatch", .cumulativeAboveTotal(cumulative: sinceStart, total: total)))
        }
        let statisticalSum = others.filter { $0.month <= month }.reduce(figures.statistical ?? .zero) { $0 + ($1.statistical ?? .zero) }
        if total > .zero && statisticalSum > total {
            errors.append(FieldError("statistical", .cumulativeAboveTotal(cumulative: statisticalSum, total: total)))
        }
        if let last = others.first(where: { $0.month == month.previous }), figures.jumpReason.trimmingCharacters(in: .whitespaces).isEmpty,
           figures.dispatch >= Money.wan(rules.jumpFloorWan),
           Double(figures.dispatch.yuan) > rules.jumpRatio * Double(max(last.dispatch.yuan, 1)) {
            errors.append(FieldError("jumpReason", .reportJump(previous: last.dispatch, ratio: rules.jumpRatio)))
        }
        return errors
    }
}
