import Foundation
import GroundbreakDomain

/// This year's annual plans for the demo projects that build or plan to start this year, and
/// the city's and districts' targets sized from them, so the targets page has something to show.
enum DemoPlans {
    static func plans(projects: [DemoDataset.ProjectSpec], year: Int, seed: UInt64) -> [AnnualPlan] {
        var random = SeededGenerator(seed: seed ^ 0x4C4C_1919_6E6E_0A0A)
        return projects.compactMap { spec in
            guard [.approval, .construction].contains(spec.stage),
                  let nature = ConstructionNature.of(actualStart: spec.fields.actualStart, plannedStart: spec.fields.plannedStart,
                                                     actualCompletion: spec.fields.actualCompletion, year: year) else { return nil }
            // A project starting this year plans for the months it has left.
            let start = nature == .newStart ? (spec.fields.actualStart ?? spec.fields.plannedStart) : nil
            let remaining = start.map { $0.year == year ? Double(13 - $0.month) / 12 : 1 } ?? 1
            let share = Double.random(in: 0.15..<0.45, using: &random) * remaining
            return AnnualPlan(projectId: spec.id, year: year, plannedInvestment: Money(yuan: Int64(Double(spec.fields.totalInvestment.yuan) * share)),
                              plannedStart: nature == .newStart ? spec.fields.plannedStart ?? spec.fields.actualStart : nil, nature: nature,
                              inStartList: spec.stage == .construction || random.chance(0.5),
                              campaign: nature == .newStart && random.chance(0.4) ? "\(year)年春季集中开工" : "")
        }
    }

    /// Targets for the city, each district and each top-level zone: the seed's rates, and an
    /// investment target that puts each unit's year to date somewhere between well ahead of and
    /// somewhat behind 序时进度 (`onSchedule` is the share of the year passed by the reports' last
    /// month); early in a year, a little below the sum of plans.
    static func targets(projects: [DemoDataset.ProjectSpec], plans: [AnnualPlan], reports: [MonthlyReport], onSchedule: Double?,
                        catalog: ReferenceCatalog, year: Int, seed: UInt64) -> [UnitTarget] {
        var random = SeededGenerator(seed: seed ^ 0x7A7A_0E0E_5151_2B2B)
        let reported = Dictionary(grouping: reports.filter { $0.month.year == year }, by: \.projectId)
        let byId = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let city = catalog.regions.first { $0.kind == .city }?.code ?? "220100"
        let units = ([city] + catalog.regions.filter { $0.parentCode == city && $0.aliasOf == nil }.map(\.code)).map { TargetUnit(kind: .region, code: $0) }
            + catalog.zones.filter { $0.parentCode == nil }.map { TargetUnit(kind: .zone, code: $0.code) }
        var targets: [UnitTarget] = []
        for unit in units {
            let subtree = unit.kind == .region ? catalog.regionSubtree(unit.code) : catalog.zoneSubtree(unit.code)
            let inUnit = { (fields: ProjectFields) in unit.kind == .region ? subtree.contains(fields.regionCode) : fields.zoneCode.map(subtree.contains) ?? false }
            let planned = plans.filter { byId[$0.projectId].map { inUnit($0.fields) } ?? false }
            guard !planned.isEmpty else { continue }
            let investment = planned.reduce(0.0) { $0 + Double($1.plannedInvestment.yuan) }
            let done = projects.filter { inUnit($0.fields) }.reduce(0.0) { sum, spec in
                sum + (reported[spec.id] ?? []).reduce(0.0) { $0 + Double($1.figures.dispatch.yuan) }
            }
            let pace = Double.random(in: 0.82..<1.2, using: &random)
            let yearTarget = onSchedule.map { $0 > 0.2 && done > 0 ? done / $0 * pace : investment * 0.9 } ?? investment * 0.9
            let building = projects.filter { $0.stage == .construction && inUnit($0.fields) && $0.fields.totalInvestment >= .wan(5_000) }
            func target(_ indicator: String, _ value: Double) -> UnitTarget {
                UnitTarget(unit: unit, year: year, indicator: indicator, value: value, curve: "northern")
            }
            targets += [target(IndicatorCalculator.investmentCode, yearTarget.rounded()), target("STARTED_5000W", Double(building.count + 5)),
                        target(IndicatorCalculator.newStartRateCode, 80), target(IndicatorCalculator.resumeRateCode, 90),
                        target("NON_REAL_ESTATE_SHARE", 50), target("SOCIAL_SHARE", 30)]
        }
        return targets
    }
}
