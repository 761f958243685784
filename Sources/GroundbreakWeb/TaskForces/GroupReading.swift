import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A working group as its page, workbook and API show it: the projects it follows that the reader
/// may see (largest first), their plans, this year's figures and lights, the open problems on them
/// and the supervised items those problems raised, and the group's figures over all of it.
struct GroupReading: Sendable {
    var taskForce: TaskForce
    var group: WorkingGroup
    var projects: [Project]
    var plans: [Int64: Money]
    var done: [Int64: Money]
    var lights: [Int64: WarningColour]
    var problems: [Problem]
    var items: [SupervisedItem]
    var figures: GroupFigures
    var rates: [FourRate]
    var classNames: [String]

    static func load(_ input: EndpointRequest, _ taskForce: TaskForce, _ group: WorkingGroup) async throws -> GroupReading {
        let ids = try await input.services.taskForces.projectIds(of: group)
        let projects = try await input.services.projects.projects(inStages: Stage.allCases, scope: input.scope(.viewProjects))
            .filter { ids.contains($0.id) }.sorted { ($0.fields.totalInvestment, $1.id) > ($1.fields.totalInvestment, $0.id) }
        let visible = Set(projects.map(\.id))
        let (yearPlans, done) = try await TargetRepository(database: input.services.database).yearPlansAndDispatch(of: visible, today: input.today)
        let plans = Dictionary(yearPlans.map { ($0.projectId, $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first })
        let lights = Dictionary(try await WarningPages.light(input).lit.filter { visible.contains($0.project.id) }.map { ($0.project.id, $0.warning.colour) },
                                uniquingKeysWith: { first, _ in first })
        let problems = try await input.services.problems.all(reach: .all)
            .filter { ($0.projectId.map(visible.contains) ?? false) && ![.resolved, .closed].contains($0.status) }
            .sorted { lhs, rhs in
                // The soonest deadline first; those without one last.
                switch (lhs.deadline, rhs.deadline) {
                case let (left?, right?): return (left, lhs.id) < (right, rhs.id)
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return lhs.id < rhs.id
                }
            }
        let problemIds = Set(problems.map(\.id))
        let items = try await input.services.supervision.items(owners: nil, openOnly: true, limit: 100_000)
            .filter { $0.problemId.map(problemIds.contains) ?? false }
        let classes = try await input.services.schemes.schemes().flatMap(\.classes)
        return GroupReading(taskForce: taskForce, group: group, projects: projects, plans: plans, done: done, lights: lights, problems: problems, items: items,
                            figures: GroupFigures(projects: projects, plans: plans, yearDispatch: done, problems: problems, lights: lights, today: input.today),
                            rates: try await FourRatesReading.rates(input, projects: projects, plans: yearPlans, yearDispatch: done),
                            classNames: group.classIds.compactMap { id in classes.first { $0.id == id }?.name })
    }
}

extension ReferenceCatalog {
    /// Seats as `王某（区长）`, in order; an unknown seat by its number.
    func seatNames(_ ids: [Int64]) -> String {
        ids.map { id in positions.first { $0.id == id }?.display ?? "#\(id)" }.joined(separator: "、")
    }
}
