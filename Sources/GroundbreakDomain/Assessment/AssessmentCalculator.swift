import Foundation

/// Everything the cross-unit table is computed from, for one month: gathered once for all units.
public struct AssessmentInputs: Sendable {
    public var month: Month
    /// Every project, as it stood at the month's end (`Project.asOf`).
    public var projects: [Project]
    /// This year's reports through the month and last year's through the same month, closed months as frozen.
    public var reports: [MonthlyReport]
    public var lastYearReports: [MonthlyReport]
    public var plans: [AnnualPlan]
    /// The year's targets of every unit.
    public var targets: [UnitTarget]
    /// Admission day (入统) by project.
    public var admittedOn: [Int64: Day]
    public var problems: [Problem]
    public var reportRules: ReportRules
    /// Approval items decided, by project: the day and whether within the limit.
    public var decidedApprovals: [Int64: [(decidedOn: Day, onTime: Bool)]]
    /// Each live project's light, when the month's lights are known.
    public var lights: [Int64: WarningColour]?

    public init(month: Month, projects: [Project], reports: [MonthlyReport], lastYearReports: [MonthlyReport], plans: [AnnualPlan],
                targets: [UnitTarget], admittedOn: [Int64: Day], problems: [Problem], reportRules: ReportRules,
                decidedApprovals: [Int64: [(decidedOn: Day, onTime: Bool)]] = [:], lights: [Int64: WarningColour]? = nil) {
        self.month = month
        self.projects = projects.map { $0.asOf(month.lastDay) }
        self.reports = reports
        self.lastYearReports = lastYearReports
        self.plans = plans
        self.targets = targets
        self.admittedOn = admittedOn
        self.problems = problems
        self.reportRules = reportRules
        self.decidedApprovals = decidedApprovals
        self.lights = lights
    }
}

/// A unit's figures, and the table of all units scored and ranked.
public enum AssessmentCalculator {
    /// The units the centre compares (县(市)区 and 开发区): the city's own districts and counties
    /// in use, then the zones that stand directly under no other zone.
    public static func comparedUnits(_ catalog: ReferenceCatalog, on day: Day) -> [TargetUnit] {
        let city = catalog.regions.first { $0.kind == .city }?.code
        let regions = catalog.regions.filter { $0.parentCode == city && $0.aliasOf == nil && $0.validity.isValid(on: day) }
            .sorted { $0.sort < $1.sort }.map { TargetUnit(kind: .region, code: $0.code) }
        let zones = catalog.zones.filter { $0.parentCode == nil && $0.validity.isValid(on: day) }
            .sorted { $0.sort < $1.sort }.map { TargetUnit(kind: .zone, code: $0.code) }
        return regions + zones
    }

    public static func figures(_ unit: TargetUnit, _ inputs: AssessmentInputs, catalog: ReferenceCatalog, indicators: IndicatorCatalog) -> UnitFigures {
        let month = inputs.month
        let projects = inputs.projects.filter { unit.contains($0, catalog: catalog) }
        let ids = Set(projects.map(\.id))
        let own = IndicatorCalculator.Inputs(projects: projects, reports: inputs.reports.filter { ids.contains($0.projectId) },
                                             lastYearReports: inputs.lastYearReports.filter { ids.contains($0.projectId) },
                                             plans: inputs.plans.filter { ids.contains($0.projectId) }, year: month.year)
        let readings = IndicatorCalculator.readings(own, targets: inputs.targets.filter { $0.unit == unit && $0.year == month.year },
                                                    month: month.month, catalog: indicators)
        func reading(_ code: String) -> IndicatorReading? { readings.first { $0.indicator.code == code } }
        let investment = reading(IndicatorCalculator.investmentCode)
        var figures = UnitFigures(
            investment: Money(approximately: investment?.actual ?? 0) ?? .zero,
            target: investment?.target.flatMap { Money(approximately: $0.value) },
            completionPercent: investment?.completionPercent, timeProgressPercent: (investment?.timeProgress ?? 0) * 100,
            gapPoints: investment?.gapPoints,
            underWay: projects.filter { YearActivity.underWay.holds(for: $0, in: month.year) }.count,
            newStarts: projects.filter { YearActivity.newStart.holds(for: $0, in: month.year) }.count,
            newStartRate: reading(IndicatorCalculator.newStartRateCode)?.actual, resumeRate: reading(IndicatorCalculator.resumeRateCode)?.actual)

        let asOf = month.lastDay
        (figures.admissionEligible, figures.admitted) = InclusionState.count(projects, admittedOn: inputs.admittedOn, rules: inputs.reportRules, on: asOf)

        let yearStart = Month(year: month.year, month: 1)!.firstDay
        let regions = unit.kind == .region ? catalog.regionSubtree(unit.code) : []
        for problem in inputs.problems where problem.status != .suspended && problem.raisedOn <= asOf {
            let mine = problem.projectId.map(ids.contains) ?? regions.contains(problem.regionCode)
            guard mine, let deadline = problem.deadline else { continue }
            if deadline >= yearStart && deadline <= asOf {
                figures.problemsDue += 1
                if let solved = problem.resolvedOn ?? problem.closedOn, solved <= deadline { figures.problemsOnTime += 1 }
            }
            let solvedBy = (problem.resolvedOn ?? problem.closedOn).map { $0 <= asOf } ?? false
            if deadline < asOf && !solvedBy { figures.problemsOverdue += 1 }
        }

        let sent = Dictionary(grouping: own.reports, by: \.projectId)
        for project in projects {
            let reports = sent[project.id] ?? []
            for owed in month.monthsOfYearSoFar where inputs.reportRules.mustReport(project, for: owed) {
                figures.reportsOwed += 1
                let due = owed.dueDate(day: inputs.reportRules.dueDay)
                if reports.contains(where: { $0.month == owed && Day.inChina($0.submittedAt) <= due }) { figures.reportsOnTime += 1 }
            }
        }
        for project in projects {
            for decision in inputs.decidedApprovals[project.id] ?? [] where decision.decidedOn >= yearStart && decision.decidedOn <= asOf {
                figures.approvalsDecided += 1
                if decision.onTime { figures.approvalsOnTime += 1 }
            }
        }
        if let lights = inputs.lights { figures.red = projects.filter { lights[$0.id] == .red }.count }
        return figures
    }

    /// Every compared unit's figures, scored by `scheme` and ranked; `previous` (last month's
    /// table of the same year) gives each rank's change.
    public static func table(_ inputs: AssessmentInputs, units: [TargetUnit], scheme: AssessmentScheme, previous: AssessmentTable?,
                             catalog: ReferenceCatalog, indicators: IndicatorCatalog) -> AssessmentTable {
        let rows = units.map { unit in
            AssessmentRow.scored(unit: unit, name: unit.name(catalog), figures: figures(unit, inputs, catalog: catalog, indicators: indicators), scheme: scheme)
        }
        return AssessmentTable(month: inputs.month, scheme: scheme, rows: AssessmentTable.ranked(rows, previous: previous))
    }
}
