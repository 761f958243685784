import Foundation

/// What one project brings to a unit's front-of-the-chain readings: whether and when it entered
/// the reserve, whether it is under way and when it started, what it invests. The readings of any
/// day are counted from these alone, so a unit's can be counted from parts kept between
/// computations and moved forward by the projects a write names, and still agree with the
/// readings counted from the projects themselves. A project with neither a reserve entry nor a
/// stage under way brings nothing, and has no part.
public struct GroundworkPart: Sendable, Identifiable, Equatable {
    public let id: Int64
    /// Where the project lies: which units' readings it counts in.
    public let keys: TargetUnit.Keys
    /// The day it entered the reserve; nil when it has no entry (or its entry is not read).
    let enteredReserve: Day?
    let cancelled: Bool
    /// Under construction, in operation or suspended: the stages a start is counted in.
    let underWay: Bool
    let actualStart: Day?
    let totalYuan: Int64

    /// The stages a start target counts a project in.
    public static let underWayStages: [Stage] = [.construction, .operation, .suspended]

    /// `entry`: the project's reserve entry; `countsStart`: whether a start may be counted (by
    /// default, whether the project is in a stage under way). Nil when the project brings nothing.
    public init?(_ project: Project, entry: ReserveEntry?, countsStart: Bool? = nil) {
        let underWay = countsStart ?? Self.underWayStages.contains(project.stage)
        guard entry != nil || underWay else { return nil }
        id = project.id
        keys = TargetUnit.Keys(project)
        enteredReserve = entry?.enteredOn
        cancelled = project.effectiveStage == .cancelled
        self.underWay = underWay
        actualStart = project.fields.actualStart
        totalYuan = project.fields.totalInvestment.yuan
    }

    /// In the reserve on `day` (`ReserveEntry.isWaiting`).
    func isWaiting(on day: Day) -> Bool {
        guard let enteredReserve else { return false }
        return ReserveEntry.isWaiting(enteredOn: enteredReserve, cancelled: cancelled, actualStart: actualStart, on: day)
    }

    /// Counted by a start target (`CampaignRules.hasStarted`).
    func hasStarted(year: Int, through: Day, minimumYuan: Int64) -> Bool {
        underWay && CampaignRules.hasStarted(actualStart: actualStart, totalYuan: totalYuan, year: year, through: through, minimumYuan: minimumYuan)
    }
}
