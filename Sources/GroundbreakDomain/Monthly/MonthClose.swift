import Foundation

/// A closed month (期末快照): its reported figures are frozen as they were when it closed.
public struct MonthClose: Sendable, Codable, Equatable {
    public var month: Month
    public var closedAt: Date
    public var closedBy: String

    public init(month: Month, closedAt: Date, closedBy: String) {
        self.month = month
        self.closedAt = closedAt
        self.closedBy = closedBy
    }
}

/// One project's figures in a closed month's snapshot.
public struct SnapshotFigures: Sendable, Codable, Equatable {
    public var projectId: Int64
    public var dispatch: Money
    public var statistical: Money?
    public var progressPercent: Int?
    public var status: MonthlyReport.Status

    public init(projectId: Int64, dispatch: Money, statistical: Money?, progressPercent: Int?, status: MonthlyReport.Status) {
        self.projectId = projectId
        self.dispatch = dispatch
        self.statistical = statistical
        self.progressPercent = progressPercent
        self.status = status
    }
}

/// A change to a closed month's report, kept beside the snapshot.
public struct ReportCorrection: Sendable, Codable, Equatable {
    public var month: Month
    public var projectId: Int64
    public var dispatchBefore: Money?
    public var dispatchAfter: Money
    public var statisticalBefore: Money?
    public var statisticalAfter: Money?
    public var reason: String
    public var actor: String
    public var at: Date

    public init(month: Month, projectId: Int64, dispatchBefore: Money?, dispatchAfter: Money, statisticalBefore: Money?, statisticalAfter: Money?,
                reason: String, actor: String, at: Date) {
        self.month = month
        self.projectId = projectId
        self.dispatchBefore = dispatchBefore
        self.dispatchAfter = dispatchAfter
        self.statisticalBefore = statisticalBefore
        self.statisticalAfter = statisticalAfter
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
