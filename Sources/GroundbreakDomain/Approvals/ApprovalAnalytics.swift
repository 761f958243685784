import Foundation

/// Figures of the approval work: per department, per project, and for the city against the
/// promise that 80% of projects finish their approvals within 51 working days (seed 001 §22).
public enum ApprovalAnalytics {
    public static let promisedWorkingDays = 51
    public static let promisedShare = 0.8
    /// The item that ends the pre-construction approvals.
    public static let finalItemCode = "CONSTRUCTION-PERMIT"

    public struct Entry: Sendable {
        public var approval: ProjectApproval
        public var item: ApprovalItem

        public init(approval: ProjectApproval, item: ApprovalItem) {
            self.approval = approval
            self.item = item
        }
    }

    public struct DepartmentFigures: Sendable, Equatable {
        public var departmentCode: String
        /// Items decided (approved or refused) by the day of the figures.
        public var handled: Int
        public var medianWorkingDays: Int?
        public var p90WorkingDays: Int?
        public var withinLimit: Int
        /// Share of handled items decided within their limit.
        public var shareWithinLimit: Double?
        public var overdueNow: Int
        public var rank: Int = 0
        /// Places gained since the end of last month (positive is better); nil when unranked then.
        public var rankChange: Int?
    }

    public struct ProjectFigures: Sendable, Equatable {
        public var projectId: Int64
        /// Working days from the first application to the construction permit, pauses excluded.
        public var workingDays: Int
        public var withinPromise: Bool

        public init(projectId: Int64, workingDays: Int, withinPromise: Bool) {
            self.projectId = projectId
            self.workingDays = workingDays
            self.withinPromise = withinPromise
        }
    }

    public struct CityFigures: Sendable, Equatable {
        public var projectsWithPermit: Int
        public var withinPromise: Int
        public var share: Double?
        public var meetsTarget: Bool
    }

    /// Working days from acceptance to decision (or to `asOf`), pauses excluded.
    static func workingDays(_ approval: ProjectApproval, calendar: WorkingCalendar, through end: Day) -> Int? {
        guard let accepted = approval.acceptedOn else { return nil }
        let paused = ApprovalClock.pausedDays(approval.pauses, unit: .workingDays, calendar: calendar, through: end)
        return max(0, calendar.workingDays(after: accepted, through: end) - paused)
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Int], _ p: Double) -> Int? {
        guard !sorted.isEmpty else { return nil }
        return sorted[rankIndex(p, of: sorted.count)]
    }

    /// The index of the nearest-rank `p` percentile among `count` sorted values.
    private static func rankIndex(_ p: Double, of count: Int) -> Int {
        max(0, min(count - 1, Int((p * Double(count)).rounded(.up)) - 1))
    }

    /// Working days counted by value (how many items took 0, 1, 2 … days): a department decides
    /// tens of thousands of items a year at a province's scale, and their medians were a sort of
    /// every one, twice, on every computation. Working days are never negative.
    struct DayCounts: Equatable {
        private(set) var counts: [Int] = []
        private(set) var total = 0

        init() {}

        init(_ values: some Sequence<Int>) {
            for value in values { add(value) }
        }

        /// Counts `days` once more (`sign` 1) or once less (-1, a value counted before).
        mutating func add(_ days: Int, sign: Int = 1) {
            let days = max(0, days)
            if days >= counts.count { counts.append(contentsOf: repeatElement(0, count: days - counts.count + 1)) }
            counts[days] += sign
            total += sign
        }

        /// The nearest-rank percentile, as `ApprovalAnalytics.percentile` of the values sorted.
        func percentile(_ p: Double) -> Int? {
            guard total > 0 else { return nil }
            let wanted = ApprovalAnalytics.rankIndex(p, of: total)
            var seen = 0
            for (days, count) in counts.enumerated() {
                seen += count
                if seen > wanted { return days }
            }
            return counts.count - 1
        }
    }

    /// What a decided item counts for its department: the working days it took and whether it was
    /// within its limit. The same whichever day the table is taken on, so each item's clock is
    /// read once for this month's table and last month's.
    struct Decided {
        let decidedOn: Day
        let workingDays: Int?
        let withinLimit: Bool
    }

    static func decided(_ entry: Entry, calendar: WorkingCalendar) -> Decided? {
        guard let decidedOn = entry.approval.decidedOn, entry.approval.status == .approved || entry.approval.status == .rejected else { return nil }
        // A decided item's clock ends on its decision, whatever day it is read on.
        let reading = ApprovalClock.read(entry.approval, item: entry.item, calendar: calendar, today: decidedOn)
        return Decided(decidedOn: decidedOn, workingDays: workingDays(entry.approval, calendar: calendar, through: decidedOn),
                       withinLimit: reading.elapsed.map { $0 <= reading.limit } ?? false)
    }

    /// What an item counts for its department at the end of `day`: handled if decided by then,
    /// else overdue if its clock, as it ran that day, had passed its limit.
    static func standing(_ entry: Entry, decided done: Decided?, calendar: WorkingCalendar, on day: Day) -> ProjectPart.Standing {
        if let done, done.decidedOn <= day { return .handled }
        guard let accepted = entry.approval.acceptedOn, accepted <= day,
              entry.approval.status.isRunning || (entry.approval.decidedOn.map { $0 > day } ?? false) else { return .none }
        var open = entry.approval
        open.status = open.status == .paused ? .paused : .accepted
        open.decidedOn = nil
        return ApprovalClock.read(open, item: entry.item, calendar: calendar, today: day).state == .overdue ? .overdue : .none
    }

    /// Figures as they stood at the end of `asOf`: only what was decided by then counts.
    public static func departments(_ entries: [Entry], calendar: WorkingCalendar, asOf: Day) -> [DepartmentFigures] {
        Tables(parts(entries, calendar: calendar, asOf: asOf, previous: asOf)).figures.onDay
    }

    /// What a department's items add up to on one day.
    struct Tally: Sendable {
        var days = DayCounts()
        var within = 0
        var overdue = 0

        /// Adds the item's standing (`sign` 1), or takes away one added before (-1).
        mutating func add(_ standing: ProjectPart.Standing, _ item: ProjectPart.Item, sign: Int = 1) {
            switch standing {
            case .handled:
                // Handled without a working-day count (never accepted) is not in the median.
                if let used = item.workingDays { days.add(used, sign: sign) }
                if item.withinLimit { within += sign }
            case .overdue: overdue += sign
            case .none: break
            }
        }
    }

    /// Each department's figures from its tally, ranked by the share within the limit, then the median.
    static func ranked(_ codes: [String], _ tallies: [Tally]) -> [DepartmentFigures] {
        var figures: [DepartmentFigures] = zip(codes, tallies).map { code, tally in
            let days = tally.days
            return DepartmentFigures(
                departmentCode: code, handled: days.total, medianWorkingDays: days.percentile(0.5), p90WorkingDays: days.percentile(0.9),
                withinLimit: tally.within, shareWithinLimit: days.total == 0 ? nil : Double(tally.within) / Double(days.total), overdueNow: tally.overdue
            )
        }
        figures.sort { lhs, rhs in
            switch (lhs.shareWithinLimit, rhs.shareWithinLimit) {
            case let (l?, r?) where l != r: return l > r
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (lhs.medianWorkingDays ?? .max, lhs.departmentCode) < (rhs.medianWorkingDays ?? .max, rhs.departmentCode)
            }
        }
        var rank = 0
        for index in figures.indices where figures[index].shareWithinLimit != nil {
            rank += 1
            figures[index].rank = rank
        }
        return figures
    }

    /// The league table with each department's movement since `previous` (last month's end).
    public static func league(_ entries: [Entry], calendar: WorkingCalendar, asOf: Day, previous: Day) -> [DepartmentFigures] {
        league(parts(entries, calendar: calendar, asOf: asOf, previous: previous))
    }

    /// The league table of the day the parts were taken on, with each department's movement since
    /// the other day they were taken on (last month's end).
    public static func league(_ parts: [ProjectPart]) -> [DepartmentFigures] {
        Tables(parts).league
    }

    /// Per project: first application to construction permit.
    public static func projects(_ entries: [Entry], calendar: WorkingCalendar) -> [ProjectFigures] {
        Dictionary(grouping: entries, by: \.approval.projectId).compactMap { projectId, own in figures(of: projectId, own, calendar: calendar) }
            .sorted { $0.projectId < $1.projectId }
    }

    /// Per project, from the parts (in their id order).
    public static func projects(_ parts: [ProjectPart]) -> [ProjectFigures] {
        parts.compactMap(\.figures)
    }

    /// One project's first application to construction permit, from all of its items.
    static func figures(of projectId: Int64, _ own: [Entry], calendar: WorkingCalendar) -> ProjectFigures? {
        guard let permit = own.first(where: { $0.item.code == finalItemCode && $0.approval.status == .approved }),
              let end = permit.approval.decidedOn,
              let start = own.compactMap({ $0.approval.appliedOn ?? $0.approval.acceptedOn }).min()
        else { return nil }
        let paused = own.reduce(0) { $0 + ApprovalClock.pausedDays($1.approval.pauses, unit: .workingDays, calendar: calendar, through: end) }
        let days = max(0, calendar.workingDays(after: start, through: end) - paused)
        return ProjectFigures(projectId: projectId, workingDays: days, withinPromise: days <= promisedWorkingDays)
    }

    /// How many projects took how long, in bands of working days; the band ending at the
    /// promise (51) divides those within it from those beyond.
    public struct Band: Sendable, Equatable {
        public var lower: Int
        /// nil: open-ended.
        public var upper: Int?
        public var count: Int
        public var withinPromise: Bool { (upper ?? .max) <= promisedWorkingDays }
        public var label: String { upper.map { lower == 0 ? "≤\($0)" : "\(lower)–\($0)" } ?? ">\(lower - 1)" }
    }

    public static func distribution(_ projects: [ProjectFigures], upperBounds: [Int] = [20, 30, 40, 51, 65, 80]) -> [Band] {
        var bands: [Band] = []
        var lower = 0
        for upper in upperBounds + [Int.max] {
            let count = projects.filter { $0.workingDays >= lower && $0.workingDays <= upper }.count
            bands.append(Band(lower: lower, upper: upper == .max ? nil : upper, count: count))
            lower = upper == .max ? lower : upper + 1
        }
        return bands
    }

    public static func city(_ projects: [ProjectFigures]) -> CityFigures {
        let within = projects.filter(\.withinPromise).count
        let share = projects.isEmpty ? nil : Double(within) / Double(projects.count)
        return CityFigures(projectsWithPermit: projects.count, withinPromise: within, share: share, meetsTarget: (share ?? 0) >= promisedShare)
    }
}
