import Foundation

/// One unit's figures for a month, year to date: what the cross-unit table shows and what the
/// assessment items score. Every figure comes from the calculation the rest of the system shows
/// (the investment reading is the targets page's, the rates its indicators').
public struct UnitFigures: Sendable, Codable, Equatable {
    /// Completed investment this year (调度口径), closed months as frozen.
    public var investment: Money
    public var target: Money?
    /// Investment as a share of the year's target, in percent.
    public var completionPercent: Double?
    /// 序时进度 on the unit's curve, in percent.
    public var timeProgressPercent: Double
    /// Points ahead of (positive) or behind 序时进度.
    public var gapPoints: Double?
    /// Projects 开复工 this year (新开工 and 续建, finished this year included).
    public var underWay: Int
    /// Projects newly started this year.
    public var newStarts: Int
    public var newStartRate: Double?
    public var resumeRate: Double?
    /// Started projects at or above the statistics threshold, and those admitted (入统).
    public var admissionEligible: Int
    public var admitted: Int
    /// Problems due this year, those solved by their deadline, and those open past it at the month's end.
    public var problemsDue: Int
    public var problemsOnTime: Int
    public var problemsOverdue: Int
    /// Monthly reports owed this year, and those sent by the due day.
    public var reportsOwed: Int
    public var reportsOnTime: Int
    /// Approval items decided this year, and those decided within their limit.
    public var approvalsDecided: Int = 0
    public var approvalsOnTime: Int = 0
    /// Red projects when the month's lights are known (the reporting month, or a frozen table).
    public var red: Int?
    /// 招商: the unit's leads come in by the month's end and those signed by then; the months of the
    /// year so far and those with a new signing. Nil for a unit that follows no lead.
    public var leads: Int?
    public var leadsSigned: Int?
    public var monthsWithSigning: Int?
    public var monthsElapsed: Int?
    /// True when `target` is the year's plans of the unit's projects (a working group), not a target set for the unit.
    public var targetFromPlans: Bool?

    public init(investment: Money, target: Money? = nil, completionPercent: Double? = nil, timeProgressPercent: Double, gapPoints: Double? = nil,
                underWay: Int = 0, newStarts: Int = 0, newStartRate: Double? = nil, resumeRate: Double? = nil, admissionEligible: Int = 0,
                admitted: Int = 0, problemsDue: Int = 0, problemsOnTime: Int = 0, problemsOverdue: Int = 0, reportsOwed: Int = 0,
                reportsOnTime: Int = 0, red: Int? = nil) {
        self.investment = investment
        self.target = target
        self.completionPercent = completionPercent
        self.timeProgressPercent = timeProgressPercent
        self.gapPoints = gapPoints
        self.underWay = underWay
        self.newStarts = newStarts
        self.newStartRate = newStartRate
        self.resumeRate = resumeRate
        self.admissionEligible = admissionEligible
        self.admitted = admitted
        self.problemsDue = problemsDue
        self.problemsOnTime = problemsOnTime
        self.problemsOverdue = problemsOverdue
        self.reportsOwed = reportsOwed
        self.reportsOnTime = reportsOnTime
        self.red = red
    }

    static func percent(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) * 100 : nil }

    public var admissionRate: Double? { Self.percent(admitted, of: admissionEligible) }
    public var problemsOnTimeRate: Double? { Self.percent(problemsOnTime, of: problemsDue) }
    public var reportsOnTimeRate: Double? { Self.percent(reportsOnTime, of: reportsOwed) }
    public var approvalsOnTimeRate: Double? { Self.percent(approvalsOnTime, of: approvalsDecided) }
    public var leadSigningRate: Double? { leadsSigned.flatMap { signed in leads.flatMap { Self.percent(signed, of: $0) } } }
    public var signingMonthsRate: Double? { monthsWithSigning.flatMap { months in monthsElapsed.flatMap { Self.percent(months, of: $0) } } }

    /// Completion against 序时进度: 100 when exactly on schedule.
    public var scheduleRatio: Double? {
        guard let completionPercent, timeProgressPercent > 0 else { return nil }
        return completionPercent / timeProgressPercent * 100
    }

    /// The value an item measures; nil when the unit has nothing to measure it on (no target,
    /// no planned new start, no problem due), and the item is then left out of its score.
    public func value(_ measure: AssessmentMeasure) -> Double? {
        switch measure {
        case .investmentSchedule: scheduleRatio
        case .newStartRate: newStartRate
        case .resumeRate: resumeRate
        case .admissionRate: admissionRate
        case .problemsOnTime: problemsOnTimeRate
        case .reportsOnTime: reportsOnTimeRate
        case .approvalsOnTime: approvalsOnTimeRate
        case .leadSigningRate: leadSigningRate
        case .signingMonths: signingMonthsRate
        }
    }
}
