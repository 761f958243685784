import Foundation

/// A month's two completed-investment figures and nothing else: all the rules need of a
/// project's other months (the running totals against the total investment, last month's figure
/// for a jump).
public struct ReportedAmounts: Sendable, Equatable {
    public var month: Month
    public var dispatch: Money
    public var statistical: Money?

    public init(month: Month, dispatch: Money, statistical: Money?) {
        self.month = month
        self.dispatch = dispatch
        self.statistical = statistical
    }
}

/// What a file of reports is checked against: every stored month's amounts of its projects, and
/// the whole stored report only for the months the file names. A file of 10,000 rows reads its
/// projects' history (tens of thousands of months) as their amounts, not as whole reports.
public struct ReportHistory: Sendable {
    /// Every stored month of each project, earliest first. The months before a start (the month
    /// before the earliest the history was read for) may come summed as one entry at the month
    /// before that start: exact for the rules, which sum the months up to the month checked and
    /// look at the month before it, both at or after the start.
    public private(set) var amounts: [Int64: [ReportedAmounts]]
    /// The stored reports of the months asked for, by project.
    public private(set) var reports: [Int64: [Month: MonthlyReport]]

    public init(amounts: [Int64: [ReportedAmounts]] = [:], reports: [MonthlyReport] = []) {
        self.amounts = amounts
        self.reports = [:]
        for report in reports { self.reports[report.projectId, default: [:]][report.month] = report }
    }

    /// The stored report of a month the history was read for.
    public func report(of projectId: Int64, in month: Month) -> MonthlyReport? {
        reports[projectId]?[month]
    }

    /// The project's stored months other than `month`: what the rules sum beside it.
    public func others(of projectId: Int64, besides month: Month) -> [ReportedAmounts] {
        (amounts[projectId] ?? []).filter { $0.month != month }
    }

    /// After a write: `saved` in its month's place.
    public mutating func replace(with saved: MonthlyReport) {
        reports[saved.projectId, default: [:]][saved.month] = saved
        var months = (amounts[saved.projectId] ?? []).filter { $0.month != saved.month }
        months.append(saved.amounts)
        amounts[saved.projectId] = months.sorted { $0.month < $1.month }
    }
}

extension MonthlyReport {
    /// What the rules sum over a project's other months.
    public var amounts: ReportedAmounts {
        ReportedAmounts(month: month, dispatch: figures.dispatch, statistical: figures.statistical)
    }
}
