import Foundation
import GroundbreakDomain

/// A unit's 四率, summed from each project's part (`FourRatePart`) kept between computations and
/// moved forward by the projects a write names (`ProjectPartsKeeper`): after each change a
/// province's targets page read its fifty thousand plans, a year of their reports, every admission
/// and every open approval item again, and tested a hundred thousand projects: most of what its
/// writer waited for.
public struct FourRatesRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    struct PartsKey: Equatable, Sendable {
        var today: Day
        var reportRules: ReportRules
    }

    /// The 四率 of every project `unit` holds (the caller's scope covers the unit), this year
    /// through last month: the same figures as `FourRatesCalculator.rates` over those projects.
    public func rates(unit: TargetUnit, catalog: ReferenceCatalog, reportRules: ReportRules, today: Day) async throws -> [FourRate] {
        FourRatesCalculator.rates(of: try await parts(today: today, reportRules: reportRules), where: unit.keyMembership(catalog))
    }

    /// Every project's part on `today`, in id order.
    func parts(today: Day, reportRules: ReportRules) async throws -> [FourRatePart] {
        try await database.fourRateParts.parts(PartsKey(today: today, reportRules: reportRules), database) { [database] ids in
            let repository = ProjectRepository(database: database)
            let projects = if let ids { try await repository.projects(ids: ids).values.sorted { $0.id < $1.id } } else {
                try await repository.projects(inStages: Stage.allCases, scope: .everything)
            }
            let plans = Dictionary(grouping: try await AnnualPlanRepository(database: database).plans(year: today.year, of: ids), by: \.projectId)
            // The dispatch figures of the planned projects alone: completion is measured on them.
            let lastMonth = Month(today).previous
            let dispatch = lastMonth.year == today.year
                ? try await TargetRepository(database: database).yearDispatch(of: Set(plans.keys), through: lastMonth) : [:]
            let admitted = try await StatsInclusionRepository(database: database).admittedOn(of: ids)
            let open = try await ProjectApprovalRepository(database: database).projectsWithOpenItems(of: ids)
            return projects.map { project in
                FourRatePart(project, plans: plans[project.id] ?? [], yearDispatch: dispatch[project.id], admittedOn: admitted[project.id],
                             approvalsOpen: open.contains(project.id), rules: reportRules, today: today)
            }
        }
    }
}
