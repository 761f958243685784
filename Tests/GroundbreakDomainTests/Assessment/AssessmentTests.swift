import Foundation
import GroundbreakDomain
import Testing

@Suite("Assessment and the cross-unit table")
struct AssessmentTests {
    static let scheme = AssessmentScheme(version: 1, name: "测试考核办法", validFrom: "2026-01-01", source: "t", items: [
        AssessmentItem(code: "K1", measure: .investmentSchedule, weight: 40, scoring: AssessmentScoring(kind: .tiered, meetAt: 100, exceedAt: 110)),
        AssessmentItem(code: "K2", measure: .newStartRate, weight: 15, scoring: AssessmentScoring(kind: .linear, zeroAt: 50, fullAt: 80)),
        AssessmentItem(code: "K3", measure: .resumeRate, weight: 15, scoring: AssessmentScoring(kind: .linear, zeroAt: 60, fullAt: 90)),
        AssessmentItem(code: "K4", measure: .admissionRate, weight: 10, scoring: AssessmentScoring(kind: .linear, zeroAt: 50, fullAt: 100)),
        AssessmentItem(code: "K5", measure: .problemsOnTime, weight: 10, scoring: AssessmentScoring(kind: .linear, zeroAt: 50, fullAt: 90)),
        AssessmentItem(code: "K6", measure: .reportsOnTime, weight: 10, scoring: AssessmentScoring(kind: .linear, zeroAt: 60, fullAt: 100)),
    ])
    static let indicators = IndicatorCatalog(
        indicators: [Indicator(code: "FAI_TOTAL", label: "投资", kind: .amount, basis: ""), Indicator(code: "NEW_START_RATE", label: "新开工率", kind: .percent, basis: ""),
                     Indicator(code: "RESUME_RATE", label: "复工率", kind: .percent, basis: "")],
        curves: ["linear": (1...12).map { Double($0) / 12 }], realEstateCategory: "RE", industrialCategory: "IND", source: "t")
    static let october = Month(year: 2026, month: 10)!

    @Test("a tiered item scores all or nothing with its outcome (超额完成, 完成, 未完成); a linear one scores between its ends, in either direction, and no further")
    func scoring() {
        let tiered = Self.scheme.items[0]
        #expect(tiered.score(110).points == 40 && tiered.score(110).outcome == .exceeded)
        #expect(tiered.score(100).points == 40 && tiered.score(100).outcome == .met)
        #expect(tiered.score(99.99).points == 0 && tiered.score(99.99).outcome == .missed)
        let linear = Self.scheme.items[1]
        #expect(linear.score(65).points == 7.5 && linear.score(65).outcome == nil)
        #expect(linear.score(20).points == 0 && linear.score(95).points == 15)
        let fewerIsBetter = AssessmentItem(code: "X", measure: .problemsOnTime, weight: 10, scoring: AssessmentScoring(kind: .linear, zeroAt: 20, fullAt: 0))
        #expect(fewerIsBetter.score(5).points == 7.5 && fewerIsBetter.score(30).points == 0)
    }

    @Test("a scheme that cannot score is named: no items, a code twice, a weight not positive, a tier or line without its thresholds")
    func schemeProblems() {
        #expect(Self.scheme.problems.isEmpty && Self.scheme.totalWeight == 100)
        var bad = Self.scheme
        bad.items[1].code = "K1"
        bad.items[2].weight = 0
        bad.items[0].scoring.exceedAt = 90
        bad.items[3].scoring.fullAt = nil
        #expect(bad.problems == ["duplicate item codes", "K1: exceedAt below meetAt", "K3: weight must be positive", "K4: linear needs zeroAt and fullAt"])
        #expect(AssessmentScheme(version: 1, name: "", validFrom: "", source: "", items: []).problems == ["no items"])
    }

    @Test("equal scores share a place and the next place is skipped; equals keep the catalogue's order; the change is against last month's place")
    func ranking() {
        func row(_ code: String, _ score: Double) -> AssessmentRow {
            AssessmentRow(unit: TargetUnit(kind: .region, code: code), name: code, figures: UnitFigures(investment: .zero, timeProgressPercent: 0), items: [],
                          score: score, honours: .eligible)
        }
        let ranked = AssessmentTable.ranked([row("A", 80), row("B", 90), row("C", 90), row("D", 70)], previous: nil)
        #expect(ranked.map(\.unit.code) == ["B", "C", "A", "D"] && ranked.map(\.rank) == [1, 1, 3, 4])
        #expect(ranked.allSatisfy { $0.rankChange == nil }, "nothing to compare with")
        let previous = AssessmentTable(month: Self.october.previous, scheme: Self.scheme, rows: ranked)
        let next = AssessmentTable.ranked([row("A", 95), row("B", 90), row("C", 60), row("D", 70)], previous: previous)
        #expect(next.map(\.unit.code) == ["A", "B", "D", "C"])
        #expect(next.map(\.rankChange) == [2, -1, 1, -3])
    }

    /// 朝阳区 (two projects under way, one starting in November), 公主岭市 (one new start, nothing
    /// reported, a problem overdue) and 长春新区 (朝阳区's older project sits in its 高新区).
    static func inputs() -> AssessmentInputs {
        func project(_ id: Int64, _ region: String, yi: Int64, start: String, zone: String? = nil) -> Project {
            var fields = ProjectFields(name: "项目\(id)", regionCode: region, categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(yi),
                                       actualStart: Day.parse(start))
            fields.zoneCode = zone
            return Project(id: id, fields: fields, stage: .construction, createdAt: Date(), updatedAt: Date(), version: 1)
        }
        let projects = [project(1, "220104", yi: 10, start: "2025-05-01", zone: "220173"), project(2, "220104", yi: 2, start: "2026-03-01"),
                        project(3, "220104", yi: 3, start: "2026-11-10"), project(4, "220184", yi: 1, start: "2026-02-01")]
        var reports: [MonthlyReport] = []
        func report(_ id: Int64, _ month: Int, wan: Int64, late: Bool = false) {
            let month = Month(year: 2026, month: month)!
            let sent = month.dueDate(day: 5).adding(days: late ? 1 : 0).startInChina.addingTimeInterval(20 * 3600)
            reports.append(MonthlyReport(id: Int64(reports.count + 1), projectId: id, month: month, figures: MonthlyFigures(dispatch: .wan(wan)),
                                         status: .accepted, submittedAt: sent, submittedBy: "t"))
        }
        for month in 1...10 { report(1, month, wan: 500) }
        for month in 3...10 { report(2, month, wan: 300, late: month == 6) }
        let plans = [AnnualPlan(projectId: 1, year: 2026, plannedInvestment: .yi(1), nature: .continuing),
                     AnnualPlan(projectId: 2, year: 2026, plannedInvestment: .wan(5_000), nature: .newStart),
                     AnnualPlan(projectId: 3, year: 2026, plannedInvestment: .wan(5_000), nature: .newStart),
                     AnnualPlan(projectId: 4, year: 2026, plannedInvestment: .wan(3_000), nature: .newStart)]
        let targets = [UnitTarget(unit: TargetUnit(kind: .region, code: "220104"), year: 2026, indicator: "FAI_TOTAL", value: Double(Money.yi(1).yuan), curve: "linear")]
        func problem(_ id: Int64, project: Int64, region: String, deadline: String, resolved: String?) -> Problem {
            Problem(id: id, projectId: project, regionCode: region, categoryCode: "LAND", description: "d", raisedByUserId: nil, raisedByName: "t",
                    raisedOn: Day(year: 2026, month: 1, day: 5)!, deadline: Day.parse(deadline), status: resolved == nil ? .inProgress : .closed,
                    resolvedOn: resolved.flatMap(Day.parse), closedOn: resolved.flatMap(Day.parse))
        }
        let problems = [problem(1, project: 1, region: "220104", deadline: "2026-06-30", resolved: "2026-06-20"),
                        problem(2, project: 2, region: "220104", deadline: "2026-08-31", resolved: "2026-09-10"),
                        problem(3, project: 4, region: "220184", deadline: "2026-09-01", resolved: nil)]
        return AssessmentInputs(month: october, projects: projects, reports: reports, lastYearReports: [], plans: plans, targets: targets,
                                admittedOn: [1: Day(year: 2025, month: 6, day: 1)!, 2: Day(year: 2026, month: 11, day: 1)!], problems: problems,
                                reportRules: ReportRules(),
                                decidedApprovals: [1: [(Day(year: 2026, month: 3, day: 1)!, true), (Day(year: 2026, month: 11, day: 5)!, false),
                                                       (Day(year: 2025, month: 12, day: 1)!, true)],
                                                   2: [(Day(year: 2026, month: 5, day: 1)!, false)]],
                                lights: [1: .red, 2: .green, 4: .red])
    }

    @Test("a unit's figures are as of the month's end and read the targets page's investment reading; the compared units are the city's districts and top zones")
    func figures() {
        let units = AssessmentCalculator.comparedUnits(catalog, on: today)
        #expect(units.map(\.text) == ["region:220104", "region:220184", "zone:CC-XQ"], "a retired code and a zone inside another are not compared")
        let inputs = Self.inputs()
        let chaoyang = AssessmentCalculator.figures(units[0], inputs, catalog: catalog, indicators: Self.indicators)
        #expect(chaoyang.investment == .wan(7_400) && chaoyang.target == .yi(1))
        let reading = IndicatorCalculator.readings(IndicatorCalculator.Inputs(projects: inputs.projects.filter { $0.fields.regionCode == "220104" }, reports: inputs.reports,
                                                                              lastYearReports: [], plans: inputs.plans, year: 2026),
                                                   targets: inputs.targets, month: 10, catalog: Self.indicators).first { $0.indicator.code == "FAI_TOTAL" }
        #expect(chaoyang.completionPercent == reading?.completionPercent && chaoyang.gapPoints == reading?.gapPoints, "the targets page's figures")
        #expect(abs((chaoyang.completionPercent ?? 0) - 74) < 1e-9 && abs((chaoyang.gapPoints ?? 0) + 28.0 / 3) < 1e-9)
        #expect(chaoyang.underWay == 2 && chaoyang.newStarts == 1, "the November start is not October's")
        #expect(chaoyang.newStartRate == 50 && chaoyang.resumeRate == 100)
        #expect(chaoyang.admissionEligible == 2 && chaoyang.admitted == 1, "admitted in November is not admitted by October's end")
        #expect(chaoyang.problemsDue == 2 && chaoyang.problemsOnTime == 1 && chaoyang.problemsOverdue == 0)
        #expect(chaoyang.reportsOwed == 18 && chaoyang.reportsOnTime == 17 && chaoyang.red == 1)
        #expect(chaoyang.approvalsDecided == 2 && chaoyang.approvalsOnTime == 1 && chaoyang.value(.approvalsOnTime) == 50,
                "decided this year by October's end: not last December's, not November's")

        let gongzhuling = AssessmentCalculator.figures(units[1], inputs, catalog: catalog, indicators: Self.indicators)
        #expect(gongzhuling.investment == .zero && gongzhuling.target == nil && gongzhuling.completionPercent == nil && gongzhuling.scheduleRatio == nil)
        #expect(gongzhuling.newStartRate == 100 && gongzhuling.resumeRate == nil && gongzhuling.reportsOwed == 9 && gongzhuling.reportsOnTime == 0)
        #expect(gongzhuling.problemsDue == 1 && gongzhuling.problemsOnTime == 0 && gongzhuling.problemsOverdue == 1 && gongzhuling.red == 1)

        let zone = AssessmentCalculator.figures(units[2], inputs, catalog: catalog, indicators: Self.indicators)
        #expect(zone.investment == .wan(5_000) && zone.underWay == 1 && zone.admitted == 1 && zone.problemsOnTime == 1 && zone.reportsOnTime == 10)
    }

    @Test("scores count only the items a unit had something to do on; a missed tier costs the honours; the table ranks and words the first and the last")
    func table() {
        let table = AssessmentCalculator.table(Self.inputs(), units: AssessmentCalculator.comparedUnits(catalog, on: today), scheme: Self.scheme,
                                               previous: nil, catalog: catalog, indicators: Self.indicators)
        #expect(table.rows.map(\.name) == ["长春新区", "公主岭市", "朝阳区"])
        #expect(table.rows.map(\.score) == [100, 33.33, 23.61])
        #expect(table.rows.map(\.rank) == [1, 2, 3])
        #expect(table.rows.map(\.honours) == [.eligible, .eligible, .revoked])
        let chaoyang = table.rows[2]
        #expect(chaoyang.items.map { (($0.points ?? -1) * 100).rounded() / 100 } == [0, 0, 15, 0, 0, 8.61], "(17/18 − 60 %) / 40 % of 10")
        #expect(chaoyang.items[0].outcome == .missed && table.rows[0].items[0].points == nil, "no target: K1 left out, not zero")
        #expect(AssessmentText.sentence(table, scope: "全市")
            == "长春新区完成投资5000万元（未下达年度投资目标），综合得分100分，位列全市第一；朝阳区完成投资7400万元，为年度目标的74.0%，落后时间进度9.3个百分点，综合得分23.61分，排名末位。")
    }

    @Test("units sharing first or last place are named together")
    func tiedSentence() {
        func row(_ name: String, _ score: Double, rank: Int) -> AssessmentRow {
            AssessmentRow(unit: TargetUnit(kind: .region, code: name), name: name, figures: UnitFigures(investment: .yi(2), timeProgressPercent: 80), items: [],
                          score: score, rank: rank, honours: .eligible)
        }
        let table = AssessmentTable(month: Self.october, scheme: Self.scheme, rows: [row("甲区", 90, rank: 1), row("乙区", 90, rank: 1), row("丙区", 50, rank: 3)])
        #expect(AssessmentText.sentence(table, scope: "全市")
            == "甲区完成投资2亿元（未下达年度投资目标），综合得分90分；乙区完成投资2亿元（未下达年度投资目标），综合得分90分，并列全市第一；丙区完成投资2亿元（未下达年度投资目标），综合得分50分，排名末位。")
    }
}

@Suite("Decimals as officials round")
struct DecimalsTests {
    @Test("half away from zero (四舍五入), where printf would round half to even; a value stored a hair below its half still rounds up")
    func rounding() {
        #expect(Decimals.text(6.25) == "6.3" && Decimals.text(-6.25) == "-6.3" && Decimals.text(6.24) == "6.2")
        #expect(Decimals.text(0.125, places: 2) == "0.13" && Decimals.text(1.005, places: 2) == "1.01")
        #expect(Decimals.text(2.5, places: 0) == "3" && Decimals.text(0, signed: true) == "+0.0" && Decimals.text(-0.04, signed: true) == "+0.0", "never −0.0")
        #expect(Decimals.percent(86.15) == "86.2%")
    }
}
