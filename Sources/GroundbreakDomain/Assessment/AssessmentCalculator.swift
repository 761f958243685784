import Foundation

/// Everything the cross-unit table is computed from, for one month: gathered once for all units.
public struct AssessmentInputs: Sendable {
    public var month: Month
    /// Every project, as it stood at the month's end (`Project.asOf`).
    public var projects: [Project]
    /// This year's reports through the month and last year's through the same month, closed
    /// months as frozen, by project.
    public var reportsByProject: [Int64: [MonthlyReport]]
    public var lastYearReportsByProject: [Int64: [MonthlyReport]]
    public var plans: [AnnualPlan]
    /// The year's targets of every unit.
    public var targets: [UnitTarget]
    /// Admission day (入统) by project.
    public var admittedOn: [Int64: Day]
    public var problems: [Problem]
    public var reportRules: ReportRules
    /// Approval items decided, with the project and the deciding department (read into each
    /// project's part when `assessed` is given).
    public var decidedApprovals: [DecidedApproval]
    /// The month's lights, when known (nil otherwise). Only red is counted, so a caller may give
    /// the red ones alone (the ranking page does: hashing a province's every light cost more).
    public var lights: [Int64: WarningColour]?
    /// The working groups compared, when the table is a task force's.
    public var groups: [AssessedGroup]
    /// Every 招商 lead, confidential ones included (a figure names no lead).
    public var leads: [Lead]

    /// Each project's part of the figures, computed beforehand (the store keeps them between
    /// computations): when given, `projects` and the reports are not read and may be empty.
    public var assessed: [AssessedProject]?

    /// The reports already grouped by project: at a province's scale, a flat list grouped again is
    /// a seventh of the ranking's time.
    public init(month: Month, projects: [Project], reportsByProject: [Int64: [MonthlyReport]], lastYearReportsByProject: [Int64: [MonthlyReport]],
                plans: [AnnualPlan], targets: [UnitTarget], admittedOn: [Int64: Day], problems: [Problem], reportRules: ReportRules,
                decidedApprovals: [DecidedApproval] = [], lights: [Int64: WarningColour]? = nil, groups: [AssessedGroup] = [], leads: [Lead] = [],
                assessed: [AssessedProject]? = nil) {
        self.month = month
        self.projects = projects.map { $0.asOf(month.lastDay) }
        self.reportsByProject = reportsByProject
        self.lastYearReportsByProject = lastYearReportsByProject
        self.plans = plans
        self.targets = targets
        self.admittedOn = admittedOn
        self.problems = problems
        self.reportRules = reportRules
        self.decidedApprovals = decidedApprovals
        self.lights = lights
        self.groups = groups
        self.leads = leads
        self.assessed = assessed
    }

    public init(month: Month, projects: [Project], reports: [MonthlyReport], lastYearReports: [MonthlyReport], plans: [AnnualPlan],
                targets: [UnitTarget], admittedOn: [Int64: Day], problems: [Problem], reportRules: ReportRules,
                decidedApprovals: [DecidedApproval] = [], lights: [Int64: WarningColour]? = nil, groups: [AssessedGroup] = [], leads: [Lead] = []) {
        self.init(month: month, projects: projects, reportsByProject: Dictionary(grouping: reports, by: \.projectId),
                  lastYearReportsByProject: Dictionary(grouping: lastYearReports, by: \.projectId), plans: plans, targets: targets,
                  admittedOn: admittedOn, problems: problems, reportRules: reportRules, decidedApprovals: decidedApprovals, lights: lights,
                  groups: groups, leads: leads)
    }

    /// This year's reports through the month, of every project.
    public var reports: [MonthlyReport] { reportsByProject.values.flatMap { $0 } }
}

extension AssessmentInputs {
    /// The same inputs as they stood at the end of an earlier month of the same year, without
    /// today's lights: last month's table (for each rank's change) computed from one read of the
    /// data. Everything else the calculator reads is dated and cut at the month's end there.
    /// Projects' parts computed beforehand cannot be cut: the earlier month's are given.
    public func through(_ earlier: Month, assessed earlierAssessed: [AssessedProject]? = nil) -> AssessmentInputs {
        precondition(earlier.year == month.year && earlier <= month, "an earlier month of the same year")
        precondition(assessed == nil || earlierAssessed != nil, "the earlier month's parts, when this month's were given")
        let lastYear = Month(year: earlier.year - 1, month: earlier.month)!
        return AssessmentInputs(month: earlier, projects: projects, reportsByProject: reportsByProject.mapValues { $0.filter { $0.month <= earlier } },
                                lastYearReportsByProject: lastYearReportsByProject.mapValues { $0.filter { $0.month <= lastYear } }, plans: plans,
                                targets: targets, admittedOn: admittedOn, problems: problems, reportRules: reportRules,
                                decidedApprovals: decidedApprovals, lights: nil, groups: groups, leads: leads, assessed: earlierAssessed)
    }
}

/// A unit's figures, and the table of all units scored and ranked.
public enum AssessmentCalculator {
    /// The units a table compares. 县(市)区 and 开发区: the city's own districts and counties in
    /// use, then the zones that stand directly under no other zone. 市直部门: the city's departments
    /// in use. A task force's groups: its groups in `groups`, in their order.
    public static func comparedUnits(_ set: AssessmentUnitSet, _ catalog: ReferenceCatalog, on day: Day, groups: [AssessedGroup] = []) -> [AssessedUnit] {
        switch set {
        case .regions:
            let city = catalog.regions.first { $0.kind == .city }?.code
            let regions = catalog.regions.filter { $0.parentCode == city && $0.aliasOf == nil && $0.validity.isValid(on: day) }
                .sorted { $0.sort < $1.sort }.map { AssessedUnit(kind: .region, code: $0.code) }
            let zones = catalog.zones.filter { $0.parentCode == nil && $0.validity.isValid(on: day) }
                .sorted { $0.sort < $1.sort }.map { AssessedUnit(kind: .zone, code: $0.code) }
            return regions + zones
        case .departments:
            return catalog.departments.filter { $0.level == "city" && $0.validity.isValid(on: day) }
                .sorted { $0.sort < $1.sort }.map { AssessedUnit(kind: .department, code: $0.code) }
        case .groups(let taskForceId):
            return groups.filter { $0.taskForceId == taskForceId }.map { .group($0.id) }
        }
    }

    public static func name(_ unit: AssessedUnit, _ inputs: AssessmentInputs, catalog: ReferenceCatalog) -> String {
        guard let target = unit.targetUnit else { return inputs.groups.first { String($0.id) == unit.code }?.name ?? unit.code }
        return target.name(catalog)
    }

    /// A unit's figures. A district, zone or group answers for its projects' problems and approval
    /// items (a district also for the problems of enterprises on its territory); a department for
    /// the problems it owns and the approval items it decides, and for the projects it leads. A
    /// group's investment is measured against its projects' plans for the year, on its task
    /// force's 序时进度 (the working group page's completion), the others' against their targets.
    public static func figures(_ unit: AssessedUnit, _ inputs: AssessmentInputs, catalog: ReferenceCatalog, indicators: IndicatorCatalog) -> UnitFigures {
        figures(unit, inputs, ByProject(inputs, indicators: indicators, byDepartment: unit.kind == .department), catalog: catalog, indicators: indicators)
    }

    /// What one project adds to its units' figures besides the indicators, whichever unit asks:
    /// whether it is eligible for and admitted to 入统, the reports it owed this year and sent on
    /// time. Today's light is not part of it: it is applied at each computation (`ByProject`).
    struct Standing: Sendable, Equatable {
        var eligible = 0
        var admitted = 0
        var reportsOwed = 0
        var reportsOnTime = 0

        init(_ project: Project, reports: [MonthlyReport], month: Month, admittedOn: Day?, rules: ReportRules) {
            (eligible, admitted) = InclusionState.count(project, admittedOn: admittedOn, rules: rules, on: month.lastDay)
            for owed in month.monthsOfYearSoFar where rules.mustReport(project, for: owed) {
                reportsOwed += 1
                let due = owed.dueDate(day: rules.dueDay)
                if reports.contains(where: { $0.month == owed && Day.inChina($0.submittedAt) <= due }) { reportsOnTime += 1 }
            }
        }
    }

    static func figures(_ unit: AssessedUnit, _ inputs: AssessmentInputs, _ byProject: ByProject, catalog: ReferenceCatalog,
                        indicators: IndicatorCatalog) -> UnitFigures {
        let month = inputs.month
        let group = unit.kind == .group ? inputs.groups.first { String($0.id) == unit.code } : nil
        // The unit's parts summed, and which parts are its own (its problems are placed by their
        // project's): a group's by its projects' ids, any other unit's by its membership keys,
        // each distinct set of keys (a province has a few hundred) tested once, not each project.
        var sums = PartSums()
        var members: [Int] = []
        let isMember: (Int) -> Bool
        if let group {
            members = byProject.ids.indices.filter { group.projectIds.contains(byProject.ids[$0]) }
            for member in members { sums.add(byProject.part(member)) }
            var flags = [Bool](repeating: false, count: byProject.ids.count)
            for member in members { flags[member] = true }
            isMember = { flags[$0] }
        } else if let member = unit.targetUnit?.keyMembership(catalog) {
            let holds = byProject.keyGroups.map { member($0.keys) }
            for (keyGroup, held) in zip(byProject.keyGroups, holds) where held { sums.add(keyGroup.sums) }
            isMember = { holds[byProject.keyGroupOfPart[$0]] }
        } else {
            isMember = { _ in false }
        }
        let targets = inputs.targets.filter { $0.unit == unit.targetUnit && $0.year == month.year }
        let readings = IndicatorCalculator.readings(actuals: sums.contributions.figures, targets: targets, month: month.month, catalog: indicators)
        func reading(_ code: String) -> IndicatorReading? { readings.first { $0.indicator.code == code } }
        var figures = UnitFigures(
            investment: .zero, timeProgressPercent: 0,
            underWay: sums.contributions.underWay,
            newStarts: sums.contributions.newStarts,
            newStartRate: reading(IndicatorCalculator.newStartRateCode)?.actual, resumeRate: reading(IndicatorCalculator.resumeRateCode)?.actual)
        if let group {
            let curve = UnitTarget.unitCurve(of: inputs.targets.filter { $0.unit == group.curveUnit && $0.year == month.year })
            let ids = Set(members.map { byProject.ids[$0] })
            let ownPlans = ids.flatMap { byProject.plans[$0] ?? [] }
            let plans = Dictionary(ownPlans.filter { $0.year == month.year }.map { ($0.projectId, $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first })
            let done = Dictionary(members.map { (byProject.ids[$0], byProject.assessed[$0].contribution.dispatch) }, uniquingKeysWith: { first, _ in first })
            let progress = GroupFigures.planProgress(of: ids, plans: plans, dispatch: done)
            figures.investment = progress.done
            figures.timeProgressPercent = indicators.timeProgress(curve, month: month.month) * 100
            figures.targetFromPlans = true
            if progress.planned > .zero {
                figures.target = progress.planned
                figures.completionPercent = Double(progress.done.yuan) / Double(progress.planned.yuan) * 100
                figures.gapPoints = figures.completionPercent.map { $0 - figures.timeProgressPercent }
            }
        } else {
            let investment = reading(IndicatorCalculator.investmentCode)
            figures.investment = Money(approximately: investment?.actual ?? 0) ?? .zero
            figures.target = investment?.target.flatMap { Money(approximately: $0.value) }
            figures.completionPercent = investment?.completionPercent
            figures.timeProgressPercent = (investment?.timeProgress ?? 0) * 100
            figures.gapPoints = investment?.gapPoints
        }

        let asOf = month.lastDay
        figures.admissionEligible = sums.eligible
        figures.admitted = sums.admitted
        figures.reportsOwed = sums.reportsOwed
        figures.reportsOnTime = sums.reportsOnTime

        let yearStart = Month(year: month.year, month: 1)!.firstDay
        let regions = unit.kind == .region ? catalog.regionSubtree(unit.code) : []
        let department = unit.kind == .department ? OrgUnit(kind: .department, code: unit.code) : nil
        for problem in inputs.problems where problem.status != .suspended && problem.raisedOn <= asOf {
            let mine = department.map { problem.owner == $0 } ?? problem.projectId.map { byProject.index(of: $0).map(isMember) ?? false }
                ?? regions.contains(problem.regionCode)
            guard mine, let deadline = problem.deadline else { continue }
            if deadline >= yearStart && deadline <= asOf {
                figures.problemsDue += 1
                if let solved = problem.resolvedOn ?? problem.closedOn, solved <= deadline { figures.problemsOnTime += 1 }
            }
            let solvedBy = (problem.resolvedOn ?? problem.closedOn).map { $0 <= asOf } ?? false
            if deadline < asOf && !solvedBy { figures.problemsOverdue += 1 }
        }

        if let department {
            // A department answers for the items it decides, whoever's project they are.
            for decision in byProject.decisionsByDepartment[department.code] ?? [] where decision.decidedOn >= yearStart && decision.decidedOn <= asOf {
                figures.approvalsDecided += 1
                if decision.onTime { figures.approvalsOnTime += 1 }
            }
        } else {
            figures.approvalsDecided = sums.approvalsDecided
            figures.approvalsOnTime = sums.approvalsOnTime
        }
        if inputs.lights != nil { figures.red = sums.red }
        leadFigures(unit, group: group, inputs, catalog: catalog, into: &figures)
        return figures
    }

    /// 招商 as of the month's end: a district's or zone's leads (those inside it too), a group's
    /// leads of the classes it follows; a department follows none.
    static func leadFigures(_ unit: AssessedUnit, group: AssessedGroup?, _ inputs: AssessmentInputs, catalog: ReferenceCatalog, into figures: inout UnitFigures) {
        let asOf = inputs.month.lastDay
        let inside = unit.regionOrZone.map { Lead.inside($0, reference: catalog) }
        let own = inputs.leads.filter { lead in
            guard lead.createdOn <= asOf else { return false }
            if let group { return lead.schemeClassId.map(group.classIds.contains) == true }
            return inside?(lead) ?? false
        }
        guard !own.isEmpty else { return }
        let signings = own.compactMap(\.signing).filter { $0.on <= asOf }
        figures.leads = own.count
        figures.leadsSigned = signings.count
        figures.monthsElapsed = inputs.month.month
        figures.monthsWithSigning = Set(signings.filter { $0.on.year == inputs.month.year }.map { Month($0.on) }).count
    }

    /// Every compared unit's figures, scored by `scheme` and ranked; `previous` (last month's
    /// table of the same year and set) gives each rank's change. A department or group with
    /// nothing to measure on any item is left off its table rather than ranked last on nothing.
    /// `grouped`: the inputs already grouped (`ByProject`, of the same inputs), used when it holds
    /// what the set's units need.
    public static func table(_ inputs: AssessmentInputs, set: AssessmentUnitSet = .regions, scheme: AssessmentScheme,
                             previous: AssessmentTable?, catalog: ReferenceCatalog, indicators: IndicatorCatalog,
                             grouped: ByProject? = nil) -> AssessmentTable {
        let units = comparedUnits(set, catalog, on: inputs.month.lastDay, groups: inputs.groups)
        let byDepartment = units.contains { $0.kind == .department }
        let byProject = grouped.flatMap { $0.month == inputs.month && ($0.byDepartment || !byDepartment) ? $0 : nil }
            ?? ByProject(inputs, indicators: indicators, byDepartment: byDepartment)
        let rows = units.map { unit in
            AssessmentRow.scored(unit: unit, name: name(unit, inputs, catalog: catalog),
                                 figures: figures(unit, inputs, byProject, catalog: catalog, indicators: indicators), scheme: scheme)
        }.filter { set == .regions || $0.items.contains { $0.points != nil } }
        return AssessmentTable(month: inputs.month, scheme: scheme, rows: AssessmentTable.ranked(rows, previous: previous), unitSet: set)
    }
}
