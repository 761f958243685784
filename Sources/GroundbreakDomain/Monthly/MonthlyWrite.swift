import Foundation

/// One project's figures for one month, as an import's commit will send them.
public struct MonthlyWrite: Sendable, Equatable {
    public var projectId: Int64
    public var month: Month
    public var figures: MonthlyFigures
    /// The stored report's version when the row replaces one; nil for a new report.
    public var expectedVersion: Int?
    public var correctionReason: String
    /// The file's row, for messages.
    public var row: Int

    public init(projectId: Int64, month: Month, figures: MonthlyFigures, expectedVersion: Int?, correctionReason: String, row: Int) {
        self.projectId = projectId
        self.month = month
        self.figures = figures
        self.expectedVersion = expectedVersion
        self.correctionReason = correctionReason
        self.row = row
    }
}
