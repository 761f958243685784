import Foundation
import GroundbreakDomain
import Testing

@Suite("四率")
struct FourRatesTests {
    @Test("each rate counts what its formula says: landed of attracted, mature of planned new starts, planned projects' figures of their plans, admitted of eligible")
    func rates() {
        let today = Day(year: 2026, month: 11, day: 23)!
        func project(_ id: Int64, _ stage: Stage, start: String? = nil, yi: Int64 = 1) -> Project {
            Project(id: id, fields: ProjectFields(name: "p\(id)", regionCode: "220104", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(yi),
                                                  actualStart: start.flatMap(Day.parse)), stage: stage, createdAt: Date(), updatedAt: Date(), version: 1)
        }
        let projects = [project(1, .attraction), project(2, .approval), project(3, .approval), project(4, .construction, start: "2026-04-01"),
                        project(5, .reserve), project(6, .operation, start: "2024-01-01")]
        let plans = [AnnualPlan(projectId: 2, year: 2026, plannedInvestment: .wan(1_000), nature: .newStart),
                     AnnualPlan(projectId: 3, year: 2026, plannedInvestment: .wan(1_000), nature: .newStart),
                     AnnualPlan(projectId: 4, year: 2026, plannedInvestment: .wan(2_000), nature: .newStart),
                     AnnualPlan(projectId: 9, year: 2026, plannedInvestment: .wan(5_000), nature: .continuing)]
        let rates = FourRatesCalculator.rates(FourRatesCalculator.Inputs(
            projects: projects, plans: plans, yearDispatch: [4: .wan(1_500), 6: .wan(900), 9: .wan(99)], admittedOn: [6: Day(year: 2024, month: 3, day: 1)!],
            openApprovals: [3], reportRules: ReportRules(), today: today))
        let byCode = Dictionary(uniqueKeysWithValues: rates.map { ($0.code, $0) })
        #expect(byCode[.landing].map { [$0.part, $0.whole] } == [4, 5], "2, 3, 4, 6 landed; 1 still attracted; 5 (储备) not counted")
        #expect(byCode[.maturity].map { [$0.part, $0.whole] } == [2, 3], "4 started, 2 has no open approval; 3 has one")
        #expect(byCode[.completion].map { [$0.part, $0.whole] } == [Double(Money.wan(1_500).yuan), Double(Money.wan(4_000).yuan)],
                "only the portfolio's own plans: 9 is not in it")
        #expect(byCode[.admission].map { [$0.part, $0.whole] } == [1, 2] && byCode[.admission]?.percent == 50)
        #expect(FourRate(code: .maturity, part: 0, whole: 0).percent == nil)
        // Each project's part, summed in any order (a unit's kept parts), gives the same rates.
        let dispatch: [Int64: Money] = [4: .wan(1_500), 6: .wan(900), 9: .wan(99)]
        let parts = projects.map { project in
            FourRatePart(project, plans: plans, yearDispatch: dispatch[project.id], admittedOn: project.id == 6 ? Day(year: 2024, month: 3, day: 1)! : nil,
                         approvalsOpen: project.id == 3, rules: ReportRules(), today: today)
        }
        #expect(FourRatesCalculator.rates(of: parts.reversed()) == rates && FourRatesCalculator.rates(of: parts, where: { $0.regionCode == "220104" }) == rates)
        #expect(FourRatesCalculator.rates(of: parts.filter { $0.id != 4 }) != rates, "and each part counts")
        #expect(FourRatesCalculator.rates(of: parts, where: { $0.regionCode != "220104" }).allSatisfy { $0.whole == 0 }, "only the parts the unit holds")
    }
}
