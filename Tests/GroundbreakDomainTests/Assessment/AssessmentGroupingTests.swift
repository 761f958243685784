import Foundation
@testable import GroundbreakDomain
import Testing

@Suite("The assessment's parts grouped from the grouping before")
struct AssessmentGroupingTests {
    typealias ByProject = AssessmentCalculator.ByProject

    /// The assessment tests' four projects and forty more across both districts, every one with its part.
    static func province() -> AssessmentInputs {
        var inputs = AssessmentTests.inputs()
        for id in Int64(10)..<50 {
            var fields = ProjectFields(name: "项目\(id)", regionCode: id % 3 == 0 ? "220184" : "220104", categoryCode: "IND", investmentType: .enterprise,
                                       totalInvestment: .yi(id % 7 + 1), actualStart: Day(year: 2026, month: Int(id % 9) + 1, day: 1))
            fields.leadDepartmentCode = id % 4 == 0 ? "CC-GXJ" : nil
            inputs.projects.append(Project(id: id, fields: fields, stage: .construction, createdAt: Date(), updatedAt: Date(), version: 1))
            inputs.reportsByProject[id] = [report(id, month: 9, wan: id * 10)]
        }
        inputs.assessed = AssessedProject.each(inputs, indicators: AssessmentTests.indicators)
        return inputs
    }

    static func report(_ project: Int64, month: Int, wan: Int64) -> MonthlyReport {
        let month = Month(year: 2026, month: month)!
        return MonthlyReport(id: project * 100 + Int64(month.month), projectId: project, month: month, figures: MonthlyFigures(dispatch: .wan(wan)),
                             status: .accepted, submittedAt: month.dueDate(day: 5).startInChina, submittedBy: "t")
    }

    /// `before` after a write: project 2 reported again (a new part), project 3 gone, project 60
    /// new; project 1's light no longer red and project 11's red. Every other part the same object.
    static func changed(_ before: AssessmentInputs) -> AssessmentInputs {
        var after = before
        after.reportsByProject[2, default: []].append(report(2, month: 10, wan: 900))
        after.projects.removeAll { $0.id == 3 }
        var fields = ProjectFields(name: "新项目", regionCode: "220184", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(4),
                                   actualStart: Day(year: 2026, month: 4, day: 1))
        fields.leadDepartmentCode = "CC-GXJ"
        after.projects.append(Project(id: 60, fields: fields, stage: .construction, createdAt: Date(), updatedAt: Date(), version: 1))
        after.reportsByProject[60] = [report(60, month: 8, wan: 2_000)]
        after.decidedApprovals.append(DecidedApproval(projectId: 60, departmentCode: "CC-ZRZY", decidedOn: Day(year: 2026, month: 7, day: 1)!, onTime: false))
        var lights = before.lights ?? [:]
        lights[1] = .green
        lights[11] = .red
        after.lights = lights
        let fresh = Dictionary(uniqueKeysWithValues: AssessedProject.each(after, indicators: AssessmentTests.indicators).map { ($0.id, $0) })
        after.assessed = after.projects.map { project in
            [2, 60].contains(project.id) ? fresh[project.id]! : before.assessed!.first { $0.id == project.id }!
        }
        return after
    }

    static let sets: [AssessmentUnitSet] = [.regions, .departments, .groups(taskForceId: 3)]

    static func tables(_ inputs: AssessmentInputs, _ grouped: ByProject) -> [AssessmentTable] {
        sets.map { AssessmentCalculator.table(inputs, set: $0, scheme: AssessmentTests.scheme, previous: nil, catalog: catalog,
                                              indicators: AssessmentTests.indicators, grouped: grouped) }
    }

    /// Each key group's sums by its keys, leaving out a group no part holds any more.
    static func sums(_ grouped: ByProject) -> [TargetUnit.Keys: AssessmentCalculator.PartSums] {
        var sums: [TargetUnit.Keys: AssessmentCalculator.PartSums] = [:]
        for (index, group) in grouped.keyGroups.enumerated() where grouped.keyGroupOfPart.contains(index) { sums[group.keys] = group.sums }
        return sums
    }

    @Test("moved by the parts changed, gone and new and by the lights changed, a grouping gives every table and key group what one made afresh gives, summing only those parts")
    func movedIsAfresh() throws {
        let before = Self.province()
        let first = ByProject(before, indicators: AssessmentTests.indicators, byDepartment: true)
        #expect(first.partsSummed == before.assessed!.count)
        let after = Self.changed(before)
        let moved = ByProject(after, indicators: AssessmentTests.indicators, byDepartment: true, previous: first)
        let afresh = ByProject(after, indicators: AssessmentTests.indicators, byDepartment: true)
        #expect(moved.partsSummed == 4, "projects 1, 2, 11 and 60; not the 40 others")
        #expect(Self.sums(moved) == Self.sums(afresh))
        #expect(Self.tables(after, moved) == Self.tables(after, afresh))
        #expect(Self.tables(after, moved) != Self.tables(before, first), "the change is seen")

        // And back: the first inputs again, moved from the second grouping.
        let back = ByProject(before, indicators: AssessmentTests.indicators, byDepartment: true, previous: moved)
        #expect(back.partsSummed == 4 && Self.sums(back) == Self.sums(first))
        #expect(Self.tables(before, back) == Self.tables(before, first))
    }

    @Test("another month's grouping, or one from which more than a quarter of the parts changed, is not moved but made afresh")
    func notMoved() {
        let before = Self.province()
        let first = ByProject(before, indicators: AssessmentTests.indicators, byDepartment: false)
        var september = before
        september.month = Month(year: 2026, month: 9)!
        let other = ByProject(september, indicators: AssessmentTests.indicators, byDepartment: false, previous: first)
        #expect(other.partsSummed == before.assessed!.count)
        #expect(Self.sums(other) == Self.sums(ByProject(september, indicators: AssessmentTests.indicators, byDepartment: false)))

        var relit = before
        relit.lights = Dictionary(uniqueKeysWithValues: before.projects.map { ($0.id, WarningColour.red) })
        let many = ByProject(relit, indicators: AssessmentTests.indicators, byDepartment: false, previous: first)
        #expect(many.partsSummed == before.assessed!.count, "every light changed: summed afresh")
        #expect(Self.sums(many) == Self.sums(ByProject(relit, indicators: AssessmentTests.indicators, byDepartment: false)))
    }
}
