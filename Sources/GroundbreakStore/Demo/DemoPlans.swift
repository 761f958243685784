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

    /// Targets for the city and each district: investment a little above the sum of plans, the seed's rates.
    static func targets(projects: [DemoDataset.ProjectSpec], plans: [AnnualPlan], catalog: ReferenceCatalog, year: Int) -> [UnitTarget] {
        let byId = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let city = catalog.regions.first { $0.kind == .city }?.code ?? "220100"
        let units = [city] + catalog.regions.filter { $0.parentCode == city && $0.aliasOf == nil }.map(\.code)
        var targets: [UnitTarget] = []
        for code in units {
            let unit = TargetUnit(kind: .region, code: code)
            let subtree = catalog.regionSubtree(code)
            let planned = plans.filter { byId[$0.projectId].map { subtree.contains($0.fields.regionCode) } ?? false }
            guard !planned.isEmpty else { continue }
            let investment = planned.reduce(0.0) { $0 + Double($1.plannedInvestment.yuan) }
            let building = projects.filter { $0.stage == .construction && subtree.contains($0.fields.regionCode) && $0.fields.totalInvestment >= .wan(5_000) }
            func target(_ indicator: String, _ value: Double) -> UnitTarget {
                UnitTarget(unit: unit, year: year, indicator: indicator, value: value, curve: "northern")
            }
            targets += [target("FAI_TOTAL", (investment * 0.9).rounded()), target("STARTED_5000W", Double(building.count + 5)),
                        target("NEW_START_RATE", 80), target("RESUME_RATE", 90), target("NON_REAL_ESTATE_SHARE", 50), target("SOCIAL_SHARE", 30)]
        }
        return targets
    }
}
