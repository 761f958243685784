import Foundation

/// What one project brings to every unit's figures of a month, whichever unit asks: the keys that
/// place it in units, its indicator contribution, its standing (入统, reports owed and sent on
/// time) and its approval items decided this year. It depends on the project, its own reports,
/// plans, admission and approval items, the month and the rules alone (and the working-day
/// calendar and the item catalogue, whose changes recompute every part), so the store keeps each month's parts between computations and recomputes only
/// the projects a change names: at a province's 100,000 projects building them all again was
/// most of a ranking after each write. A class of constants: each computation moves every part
/// into a new list, and copying one is then a reference, not each of its strings and arrays.
public final class AssessedProject: Sendable, Identifiable, Equatable {
    public let id: Int64
    let keys: TargetUnit.Keys
    let contribution: IndicatorCalculator.Contribution
    /// Without today's light, which is applied at each computation.
    let standing: AssessmentCalculator.Standing
    /// Its approval items decided since January of the month's year, on time or late.
    let decisions: [DecidedApproval]

    init(id: Int64, keys: TargetUnit.Keys, contribution: IndicatorCalculator.Contribution, standing: AssessmentCalculator.Standing,
         decisions: [DecidedApproval]) {
        self.id = id
        self.keys = keys
        self.contribution = contribution
        self.standing = standing
        self.decisions = decisions
    }

    public static func == (left: AssessedProject, right: AssessedProject) -> Bool {
        left === right || (left.id == right.id && left.keys == right.keys && left.contribution == right.contribution
            && left.standing == right.standing && left.decisions == right.decisions)
    }

    /// Each project of `inputs` (whose `assessed`, if any, is ignored), in their order.
    public static func each(_ inputs: AssessmentInputs, indicators: IndicatorCatalog) -> [AssessedProject] {
        each(inputs, plans: Dictionary(grouping: inputs.plans, by: \.projectId), indicators: indicators)
    }

    static func each(_ inputs: AssessmentInputs, plans: [Int64: [AnnualPlan]], indicators: IndicatorCatalog) -> [AssessedProject] {
        let decisions = Dictionary(grouping: inputs.decidedApprovals, by: \.projectId)
        return inputs.projects.map { project in
            let reports = inputs.reportsByProject[project.id] ?? []
            return AssessedProject(
                id: project.id, keys: TargetUnit.Keys(project),
                contribution: IndicatorCalculator.Contribution(project, reports: reports, lastYearReports: inputs.lastYearReportsByProject[project.id] ?? [],
                                                               plans: plans[project.id] ?? [], year: inputs.month.year, catalog: indicators),
                standing: AssessmentCalculator.Standing(project, reports: reports, month: inputs.month, admittedOn: inputs.admittedOn[project.id],
                                                        rules: inputs.reportRules),
                decisions: decisions[project.id] ?? [])
        }
    }

    /// The indicator contributions of the parts whose projects `unit` holds, summed: the unit's
    /// figures from them are those of `IndicatorCalculator.actuals` over its projects. Summed as
    /// they are met, not gathered first into a list of a province's contributions.
    public static func totals(_ parts: [AssessedProject], in unit: TargetUnit, catalog: ReferenceCatalog) -> IndicatorCalculator.ContributionTotals {
        let holds = unit.keyMembership(catalog)
        var totals = IndicatorCalculator.ContributionTotals()
        for part in parts where holds(part.keys) { totals.add(part.contribution) }
        return totals
    }
}
