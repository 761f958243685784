import Foundation
import GroundbreakDomain
import Testing

@Suite("Working group figures")
struct GroupFiguresTests {
    @Test("completion measures the planned projects' figures against their plans, not every project's against some plans; problems and reds are the group's own")
    func completion() {
        func project(_ id: Int64, _ stage: Stage) -> Project {
            Project(id: id, fields: ProjectFields(name: "p\(id)", regionCode: "220104", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(1)),
                    stage: stage, createdAt: Date(), updatedAt: Date(), version: 1)
        }
        let today = Day(year: 2026, month: 11, day: 23)!
        let problems = [Problem(id: 1, projectId: 1, regionCode: "220104", categoryCode: "LAND", description: "d", raisedByUserId: nil, raisedByName: "t",
                                raisedOn: today, deadline: Day(year: 2026, month: 11, day: 1)!, status: .assigned),
                        Problem(id: 2, projectId: 9, regionCode: "220104", categoryCode: "LAND", description: "d", raisedByUserId: nil, raisedByName: "t",
                                raisedOn: today, status: .raised)]
        let figures = GroupFigures(projects: [project(1, .construction), project(2, .operation)], plans: [1: .wan(1_000)],
                                   yearDispatch: [1: .wan(800), 2: .wan(5_000)], problems: problems, lights: [1: .red, 9: .red], today: today)
        #expect(figures.projects == 2 && figures.totalInvestment == .yi(2) && figures.byStage == [.construction: 1, .operation: 1])
        #expect(figures.yearDispatch == .wan(5_800) && figures.completionPercent == 80)
        #expect(figures.openProblems == 1 && figures.overdueProblems == 1 && figures.red == 1)
    }
}
