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
            AssessmentRow(unit: AssessedUnit(kind: .region, code: code), name: code, figures: UnitFigures(investment: .zero, timeProgressPercent: 0), items: [],
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
    /// 市工信局 leads project 1 and owns problem 1; 市规自局 leads nothing, owns problem 3 and decides
    /// three approval items. Groups 7 (projects 1 and 3) and 8 (project 4) are 朝阳区's task force's.
    static func inputs(month: Month = october) -> AssessmentInputs {
        func project(_ id: Int64, _ region: String, yi: Int64, start: String, zone: String? = nil) -> Project {
            var fields = ProjectFields(name: "项目\(id)", regionCode: region, categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(yi),
                                       actualStart: Day.parse(start))
            fields.zoneCode = zone
            fields.leadDepartmentCode = id == 1 ? "CC-GXJ" : nil
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
        func problem(_ id: Int64, project: Int64, region: String, deadline: String, resolved: String?, owner: String? = nil) -> Problem {
            Problem(id: id, projectId: project, regionCode: region, categoryCode: "LAND", description: "d", raisedByUserId: nil, raisedByName: "t",
                    raisedOn: Day(year: 2026, month: 1, day: 5)!, owner: owner.map { OrgUnit(kind: .department, code: $0) }, deadline: Day.parse(deadline),
                    status: resolved == nil ? .inProgress : .closed, resolvedOn: resolved.flatMap(Day.parse), closedOn: resolved.flatMap(Day.parse))
        }
        let problems = [problem(1, project: 1, region: "220104", deadline: "2026-06-30", resolved: "2026-06-20", owner: "CC-GXJ"),
                        problem(2, project: 2, region: "220104", deadline: "2026-08-31", resolved: "2026-09-10"),
                        problem(3, project: 4, region: "220184", deadline: "2026-09-01", resolved: nil, owner: "CC-ZRZY")]
        func decided(_ project: Int64, _ department: String, _ day: String, _ onTime: Bool) -> DecidedApproval {
            DecidedApproval(projectId: project, departmentCode: department, decidedOn: Day.parse(day)!, onTime: onTime)
        }
        let chaoyang = TargetUnit(kind: .region, code: "220104")
        return AssessmentInputs(month: month, projects: projects, reports: reports, lastYearReports: [], plans: plans, targets: targets,
                                admittedOn: [1: Day(year: 2025, month: 6, day: 1)!, 2: Day(year: 2026, month: 11, day: 1)!], problems: problems,
                                reportRules: ReportRules(),
                                decidedApprovals: [decided(1, "CC-ZRZY", "2026-03-01", true), decided(1, "CC-ZRZY", "2026-11-05", false),
                                                   decided(1, "CC-GXJ", "2025-12-01", true), decided(2, "CC-ZRZY", "2026-05-01", false)],
                                lights: [1: .red, 2: .green, 4: .red],
                                groups: [AssessedGroup(id: 7, taskForceId: 3, name: "先进制造组", projectIds: [1, 3], curveUnit: chaoyang),
                                         AssessedGroup(id: 8, taskForceId: 3, name: "项目服务组", projectIds: [4], curveUnit: chaoyang)])
    }

    @Test("a unit's figures are as of the month's end and read the targets page's investment reading; the compared units are the city's districts and top zones")
    func figures() {
        let units = AssessmentCalculator.comparedUnits(.regions, catalog, on: today)
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
        let table = AssessmentCalculator.table(Self.inputs(), scheme: Self.scheme,
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

    @Test("a department answers for the projects it leads, the problems it owns and the approval items it decides; one with nothing to measure is left off")
    func departments() {
        let inputs = Self.inputs()
        let units = AssessmentCalculator.comparedUnits(.departments, catalog, on: today)
        #expect(units.map(\.text) == ["department:CC-GXJ", "department:CC-ZRZY"])
        let industry = AssessmentCalculator.figures(units[0], inputs, catalog: catalog, indicators: Self.indicators)
        #expect(industry.investment == .wan(5_000) && industry.target == nil && industry.underWay == 1 && industry.reportsOwed == 10)
        #expect(industry.problemsDue == 1 && industry.problemsOnTime == 1, "problem 1 is its own, on a project it leads")
        #expect(industry.approvalsDecided == 0, "its only decision was last December's; project 1's other items are 市规自局's")
        let land = AssessmentCalculator.figures(units[1], inputs, catalog: catalog, indicators: Self.indicators)
        #expect(land.investment == .zero && land.reportsOwed == 0, "it leads no project")
        #expect(land.problemsDue == 1 && land.problemsOnTime == 0 && land.problemsOverdue == 1, "problem 3 is 公主岭市's project but 市规自局's to solve")
        #expect(land.approvalsDecided == 2 && land.approvalsOnTime == 1, "decided this year by October's end, on any district's project")

        let table = AssessmentCalculator.table(inputs, set: .departments, scheme: Self.scheme, previous: nil, catalog: catalog, indicators: Self.indicators)
        #expect(table.unitSet == .departments && table.rows.map(\.name) == ["长春市工业和信息化局", "长春市规划和自然资源局"])
        #expect(table.rows.map(\.score) == [100, 0])
        #expect(AssessmentText.sentence(table).contains("位列市直部门第一"))
        var noneToMeasure = inputs
        noneToMeasure.problems = []
        noneToMeasure.decidedApprovals = []
        let thinner = AssessmentCalculator.table(noneToMeasure, set: .departments, scheme: Self.scheme, previous: nil, catalog: catalog,
                                                 indicators: Self.indicators)
        #expect(thinner.rows.map(\.unit.code) == ["CC-GXJ"], "市规自局 had nothing to measure: not ranked last on nothing")
    }

    @Test("a group is measured on its projects' plans, on its task force's 序时进度, the working group page's completion; groups rank among themselves")
    func groups() throws {
        let inputs = Self.inputs()
        let units = AssessmentCalculator.comparedUnits(.groups(taskForceId: 3), catalog, on: today, groups: inputs.groups)
        #expect(units == [.group(7), .group(8)])
        #expect(AssessmentCalculator.comparedUnits(.groups(taskForceId: 4), catalog, on: today, groups: inputs.groups).isEmpty, "another task force's groups")
        let manufacturing = AssessmentCalculator.figures(units[0], inputs, catalog: catalog, indicators: Self.indicators)
        #expect(manufacturing.target == .wan(15_000) && manufacturing.investment == .wan(5_000) && manufacturing.targetFromPlans == true)
        let plans = Dictionary(uniqueKeysWithValues: inputs.plans.map { ($0.projectId, $0.plannedInvestment) })
        let page = GroupFigures(projects: inputs.projects.filter { [1, 3].contains($0.id) }, plans: plans, yearDispatch: [1: .wan(5_000)], problems: [],
                                lights: [:], today: today)
        #expect(manufacturing.completionPercent == page.completionPercent, "the group page's figure")
        #expect(abs((manufacturing.gapPoints ?? 0) - (100.0 / 3 - 250.0 / 3)) < 1e-9, "33.3% done against 83.3% of the year (朝阳区's linear curve)")
        #expect(manufacturing.red == 1 && manufacturing.problemsDue == 1)

        let table = AssessmentCalculator.table(inputs, set: .groups(taskForceId: 3), scheme: Self.scheme, previous: nil, catalog: catalog,
                                               indicators: Self.indicators)
        #expect(table.rows.map(\.name) == ["先进制造组", "项目服务组"] || table.rows.map(\.name) == ["项目服务组", "先进制造组"])
        #expect(AssessmentText.investmentClause(try #require(table.row(.group(7)))).contains("为年度计划投资的33.3%，落后时间进度50.0个百分点"))
    }

    @Test("a table frozen before units were grouped into sets reads as the regions' table; the set survives the round trip")
    func frozenTablesStillRead() throws {
        let table = AssessmentCalculator.table(Self.inputs(), set: .departments,
                                               scheme: Self.scheme, previous: nil, catalog: catalog, indicators: Self.indicators)
        let data = try JSONEncoder().encode(table)
        #expect(try JSONDecoder().decode(AssessmentTable.self, from: data) == table)
        var old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        old["unitSet"] = nil
        let decoded = try JSONDecoder().decode(AssessmentTable.self, from: try JSONSerialization.data(withJSONObject: old))
        #expect(decoded.unitSet == .regions && decoded.rows.map(\.unit) == table.rows.map(\.unit))
        #expect(AssessmentUnitSet.parse("groups:12") == .groups(taskForceId: 12) && AssessmentUnitSet.parse("groups:x") == nil && AssessmentUnitSet.parse("all") == nil)
    }

    @Test("units sharing first or last place are named together")
    func tiedSentence() {
        func row(_ name: String, _ score: Double, rank: Int) -> AssessmentRow {
            AssessmentRow(unit: AssessedUnit(kind: .region, code: name), name: name, figures: UnitFigures(investment: .yi(2), timeProgressPercent: 80), items: [],
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

extension AssessmentTests {
    @Test("last month's table from this month's inputs is the table of last month's own inputs: reports, starts, admissions, problems and decisions cut at its end")
    func earlierMonthFromLaterInputs() {
        let october = Self.inputs()
        var november = Self.inputs(month: Month(year: 2026, month: 11)!)
        november.reportsByProject[3, default: []].append(MonthlyReport(id: 99, projectId: 3, month: november.month, figures: MonthlyFigures(dispatch: .wan(800)),
                                                                       status: .submitted, submittedAt: november.month.dueDate(day: 5).startInChina,
                                                                       submittedBy: "t"))
        let derived = november.through(Self.october)
        #expect(derived.lights == nil && derived.reports.count == october.reports.count)
        for set in [AssessmentUnitSet.regions, .departments, .groups(taskForceId: 3)] {
            var plain = october
            plain.lights = nil
            let own = AssessmentCalculator.table(plain, set: set, scheme: Self.scheme, previous: nil, catalog: catalog, indicators: Self.indicators)
            let fromLater = AssessmentCalculator.table(derived, set: set, scheme: Self.scheme, previous: nil, catalog: catalog, indicators: Self.indicators)
            #expect(own == fromLater, "\(set.key)")
            #expect(own.rows.contains { $0.figures.investment > .zero } || set != .regions)
        }
        var withNovember = november
        withNovember.lights = nil
        let novemberTable = AssessmentCalculator.table(withNovember, set: .regions, scheme: Self.scheme, previous: nil, catalog: catalog, indicators: Self.indicators)
        let octoberTable = AssessmentCalculator.table(derived, set: .regions, scheme: Self.scheme, previous: nil, catalog: catalog, indicators: Self.indicators)
        #expect(novemberTable.rows.first { $0.unit.code == "220104" }?.figures.newStarts == 2, "the November start counts in November")
        #expect(octoberTable.rows.first { $0.unit.code == "220104" }?.figures.newStarts == 1, "and not in October")
    }
}
