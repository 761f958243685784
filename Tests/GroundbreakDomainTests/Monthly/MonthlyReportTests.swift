import Foundation
import GroundbreakDomain
import Testing

@Suite("Monthly reports")
struct MonthlyReportTests {
    func report(_ month: String, dispatch wan: Int64, statistical: Int64? = nil, status: MonthlyReport.Status = .submitted,
                submitted: Day = Day(year: 2026, month: 11, day: 3)!) -> MonthlyReport {
        MonthlyReport(id: 1, projectId: 1, month: Month.parse(month)!, figures: MonthlyFigures(dispatch: .wan(wan), statistical: statistical.map(Money.wan)),
                      status: status, submittedAt: submitted.startInChina.addingTimeInterval(3600), submittedBy: "秘书")
    }

    var building: Project {
        project(stage: .construction) { $0.totalInvestment = .wan(10_000); $0.actualStart = Day(year: 2025, month: 6, day: 1) }
    }

    @Test("months: parse the ways people write them, step across years, due on the set day of the next month")
    func months() {
        #expect(Month.parse("2026-10") == Month(year: 2026, month: 10) && Month.parse("2026年3月") == Month(year: 2026, month: 3))
        #expect(Month.parse("202601") == Month(year: 2026, month: 1) && Month.parse("2026-13") == nil && Month.parse("明年") == nil)
        // The stored form's fast path and the general one agree; full-width digits still read.
        #expect(Month.parse("2026-07") == Month(year: 2026, month: 7) && Month.parse("２０２６-０７") == Month(year: 2026, month: 7))
        #expect(Month.parse("2026-1x") == nil && Month.parse("2026-00") == nil && Month.parse(" 2026-07 ") == Month(year: 2026, month: 7))
        #expect(Month(year: 2026, month: 7)!.iso == "2026-07" && Month(year: 2026, month: 12)!.iso == "2026-12")
        #expect(Month(year: 2026, month: 12)!.next == Month(year: 2027, month: 1) && Month(year: 2026, month: 1)!.previous == Month(year: 2025, month: 12))
        #expect(Month(year: 2026, month: 10)!.dueDate(day: 5) == Day(year: 2026, month: 11, day: 5))
        #expect(Month(year: 2026, month: 1)!.dueDate(day: 31) == Day(year: 2026, month: 2, day: 28), "a due day past the month's end is its last day")
    }

    @Test("year-to-date and since-start totals are derived per figure and never mix the two")
    func totals() {
        let reports = [report("2025-11", dispatch: 300, statistical: 200), report("2026-01", dispatch: 100, statistical: 80),
                       report("2026-02", dispatch: 50), report("2026-04", dispatch: 70, statistical: 60)]
        let march = ReportTotals(reports, through: Month(year: 2026, month: 3)!)
        #expect(march.yearDispatch == .wan(150) && march.yearStatistical == .wan(80))
        #expect(march.sinceStartDispatch == .wan(450) && march.sinceStartStatistical == .wan(280))
        #expect(ReportTotals(reports, through: Month(year: 2026, month: 4)!).yearDispatch == .wan(220))
    }

    @Test("due, missing, sent on time or late, returned, accepted; who must report")
    func states() {
        let rules = ReportRules(dueDay: 5)
        let october = Month(year: 2026, month: 10)!
        #expect(ReportState.of(nil, project: building, month: october, rules: rules, today: Day(year: 2026, month: 11, day: 5)!) == .due)
        #expect(ReportState.of(nil, project: building, month: october, rules: rules, today: Day(year: 2026, month: 11, day: 6)!) == .missing)
        #expect(ReportState.of(nil, project: building, month: october, rules: rules, today: Day(year: 2026, month: 10, day: 20)!) == .notRequired)
        #expect(ReportState.of(report("2026-10", dispatch: 10), project: building, month: october, rules: rules, today: Day(year: 2026, month: 11, day: 20)!) == .submitted)
        let late = report("2026-10", dispatch: 10, submitted: Day(year: 2026, month: 11, day: 9)!)
        #expect(ReportState.of(late, project: building, month: october, rules: rules, today: Day(year: 2026, month: 11, day: 20)!) == .submittedLate)
        #expect(ReportState.of(report("2026-10", dispatch: 10, status: .returned), project: building, month: october, rules: rules, today: Day(year: 2026, month: 11, day: 20)!) == .returned)
        var reserve = building
        reserve.stage = .reserve
        #expect(!rules.mustReport(reserve, for: october))
        #expect(!rules.mustReport(building, for: Month(year: 2025, month: 5)!), "nothing is owed before the actual start")
        var completed = building
        completed.stage = .operation
        completed.fields.actualCompletion = Day(year: 2026, month: 9, day: 15)
        #expect(rules.mustReport(completed, for: Month(year: 2026, month: 9)!) && !rules.mustReport(completed, for: october))
    }

    @Test("checks: future month, percent, cumulative above the total, a jump without a reason")
    func validation() {
        let rules = ReportRules(dueDay: 5, jumpRatio: 3, jumpFloorWan: 1000)
        let today = Day(year: 2026, month: 11, day: 23)!
        let september = [report("2026-09", dispatch: 600)]
        func fields(_ figures: MonthlyFigures, _ month: String = "2026-10") -> Set<String> {
            Set(MonthlyReportRules.validate(figures, month: Month.parse(month)!, project: building, others: september.map(\.amounts), rules: rules, today: today).map(\.field))
        }
        #expect(fields(MonthlyFigures(dispatch: .wan(500))).isEmpty)
        #expect(fields(MonthlyFigures(dispatch: .wan(10), progressPercent: 120), "2026-12") == ["month", "progressPercent"])
        #expect(fields(MonthlyFigures(dispatch: .wan(9_500))) == ["dispatch", "jumpReason"], "600 + 9,500 passes the 10,000 total, and 9,500 > 3 × 600")
        #expect(fields(MonthlyFigures(dispatch: .wan(2_000), jumpReason: "主体结构集中浇筑")).isEmpty)
        #expect(fields(MonthlyFigures(dispatch: .wan(900))).isEmpty, "below the 1,000万 floor no reason is asked")
        #expect(fields(MonthlyFigures(dispatch: .wan(10), statistical: .wan(10_001))) == ["statistical"])
    }

    @Test("the centre reviews only a sent report, and one sent back says why")
    func review() throws {
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let sent = MonthlyReport(id: 1, projectId: 1, month: Month(year: 2026, month: 10)!, figures: MonthlyFigures(dispatch: .wan(100)), status: .submitted,
                                 submittedAt: at, submittedBy: "秘书")
        let accepted = try MonthlyReportRules.review(sent, ReportReview(accept: true, comment: "", by: "项目中心", at: at)).get()
        #expect(accepted.status == .accepted && accepted.reviewedBy == "项目中心" && accepted.reviewedAt == at)
        let returned = try MonthlyReportRules.review(sent, ReportReview(accept: false, comment: "  数据  有误 ", by: "项目中心", at: at)).get()
        #expect(returned.status == .returned && returned.reviewComment == "数据 有误")
        guard case .failure(let silent) = MonthlyReportRules.review(sent, ReportReview(accept: false, comment: " ", by: "项目中心", at: at)) else {
            Issue.record("a return without a reason was taken"); return
        }
        #expect(silent.errors.map(\.field) == ["reviewComment"])
        guard case .failure(let twice) = MonthlyReportRules.review(accepted, ReportReview(accept: true, comment: "", by: "项目中心", at: at)) else {
            Issue.record("an accepted report was reviewed again"); return
        }
        #expect(twice.errors.map(\.field) == ["decision"])
    }
}

@Suite("Statistics inclusion rules")
struct InclusionRuleTests {
    @Test("eligible from 500万 once actually started; overdue after the window; admission dates checked")
    func inclusion() {
        let rules = ReportRules(statsThresholdWan: 500, admitWithinDays: 30)
        let today = Day(year: 2026, month: 11, day: 23)!
        let started = project(stage: .construction) { $0.totalInvestment = .wan(600); $0.actualStart = Day(year: 2026, month: 11, day: 1) }
        #expect(InclusionState.of(started, inclusion: nil, rules: rules, today: today) == .waiting(days: 22, overdue: false))
        #expect(InclusionState.of(started, inclusion: nil, rules: rules, today: Day(year: 2026, month: 12, day: 2)!) == .waiting(days: 31, overdue: true))
        let small = project(stage: .construction) { $0.totalInvestment = .wan(499); $0.actualStart = Day(year: 2026, month: 11, day: 1) }
        #expect(InclusionState.of(small, inclusion: nil, rules: rules, today: today) == .notEligible)
        let admitted = StatsInclusion(projectId: 1, admittedOn: Day(year: 2026, month: 11, day: 20)!, firstReportedMonth: nil)
        #expect(InclusionState.of(started, inclusion: admitted, rules: rules, today: today) == .admitted(on: Day(year: 2026, month: 11, day: 20)!))
        #expect(InclusionState.quarterEnd(of: today) == Day(year: 2026, month: 12, day: 31) && InclusionState.quarterEnd(of: Day(year: 2026, month: 4, day: 1)!) == Day(year: 2026, month: 6, day: 30))
        let fields = StatsInclusionRules.validate(admittedOn: Day(year: 2026, month: 10, day: 30)!, firstReportedMonth: Month(year: 2026, month: 9),
                                                  project: started, today: today).map(\.field)
        #expect(fields == ["admittedOn", "firstReportedMonth"])
        #expect(StatsInclusionRules.validate(admittedOn: Day(year: 2026, month: 11, day: 20)!, firstReportedMonth: Month(year: 2026, month: 11),
                                             project: started, today: today).isEmpty)
    }
}

@Suite("Targets and time progress")
struct TargetReadingTests {
    let catalog = IndicatorCatalog(
        indicators: [Indicator(code: "FAI_TOTAL", label: "完成投资", kind: .amount, basis: ""), Indicator(code: "SOCIAL_SHARE", label: "社会投资占比", kind: .percent, basis: ""),
                     Indicator(code: "NEW_START_RATE", label: "新开工率", kind: .percent, basis: "")],
        curves: ["linear": (1...12).map { Double($0) / 12 }, "northern": [0.02, 0.04, 0.09, 0.19, 0.31, 0.44, 0.57, 0.70, 0.82, 0.92, 0.98, 1.0]],
        realEstateCategory: "RE", industrialCategory: "IND", source: "")

    @Test("the bulletin sentence: share of the year's plan against the time passed, on the unit's curve")
    func bulletin() {
        let unit = TargetUnit(kind: .region, code: "220104")
        let target = UnitTarget(unit: unit, year: 2026, indicator: "FAI_TOTAL", value: Double(Money.yi(100).yuan), curve: "northern")
        let reading = IndicatorReading(indicator: catalog.indicators[0], target: target, actual: Double(Money.yi(90).yuan),
                                       timeProgress: catalog.timeProgress("northern", month: 10))
        #expect(reading.completionPercent == 90)
        #expect(abs((reading.gapPoints ?? 0) - (-2)) < 0.0001, "92% of the year on the northern curve by October")
        #expect(reading.bulletin == "为年度计划的 90.0%，落后时间进度 2.0 个百分点")
        let linear = IndicatorReading(indicator: catalog.indicators[0], target: UnitTarget(unit: unit, year: 2026, indicator: "FAI_TOTAL", value: target.value, curve: "linear"),
                                      actual: reading.actual, timeProgress: catalog.timeProgress("linear", month: 10))
        #expect(linear.bulletin.hasPrefix("为年度计划的 90.0%，超过时间进度 6.7 个百分点"))
        #expect(IndicatorReading(indicator: catalog.indicators[0], target: nil, actual: 1, timeProgress: 0.5).bulletin == "暂未下达目标")
    }

    @Test("shares and rates from projects, reports and plans")
    func actuals() {
        let government = project(stage: .construction) { $0.investmentType = .government; $0.categoryCode = "INF-ROAD"; $0.totalInvestment = .yi(2); $0.actualStart = Day(year: 2026, month: 4, day: 1) }
        var social = project(stage: .construction) { $0.investmentType = .enterprise; $0.categoryCode = "IND-MFG"; $0.totalInvestment = .wan(6_000); $0.actualStart = Day(year: 2025, month: 4, day: 1) }
        social.id = 2
        var planned = project(stage: .approval) { $0.totalInvestment = .wan(6_000) }
        planned.id = 3
        func report(_ project: Int64, _ wan: Int64) -> MonthlyReport {
            MonthlyReport(id: project, projectId: project, month: Month(year: 2026, month: 5)!, figures: MonthlyFigures(dispatch: .wan(wan)), status: .accepted,
                          submittedAt: Date(), submittedBy: "")
        }
        let inputs = IndicatorCalculator.Inputs(
            projects: [government, social, planned], reports: [report(government.id, 300), report(2, 100)], lastYearReports: [report(2, 200)],
            plans: [AnnualPlan(projectId: government.id, year: 2026, plannedInvestment: .wan(1), nature: .newStart),
                    AnnualPlan(projectId: 3, year: 2026, plannedInvestment: .wan(1), nature: .newStart),
                    AnnualPlan(projectId: 2, year: 2026, plannedInvestment: .wan(1), nature: .continuing)], year: 2026)
        let figures = IndicatorCalculator.actuals(inputs, catalog: catalog)
        #expect(figures["FAI_TOTAL"] == Double(Money.wan(400).yuan))
        #expect(figures["SOCIAL_SHARE"] == 25 && figures["NON_REAL_ESTATE_SHARE"] == 100)
        #expect(figures["NEW_START_RATE"] == 50, "one of the two planned new starts has started")
        #expect(figures["FAI_GROWTH"] == 100, "400 against 200 in the same months last year")
        #expect(figures["STARTED_5000W"] == 2 && figures["STARTED_100M"] == 1 && figures["STARTED_1B"] == 0)
        #expect(figures["RESUME_RATE"] == 100, "the continuing project has reported this year")
        #expect(figures["INDUSTRIAL_NEW_START_SHARE"] == 0, "the only 2026 start is not industrial")

        // A continuing project with nothing reported this year has not resumed; a project listed
        // twice counts once; the figures are each project's contribution summed.
        var idle = project(stage: .construction) { $0.totalInvestment = .wan(100); $0.actualStart = Day(year: 2024, month: 3, day: 1) }
        idle.id = 4
        var more = inputs
        more.projects += [idle, social]
        more.plans.append(AnnualPlan(projectId: 4, year: 2026, plannedInvestment: .wan(1), nature: .continuing))
        more.reports.append(report(4, 0))
        let moreFigures = IndicatorCalculator.actuals(more, catalog: catalog)
        #expect(moreFigures["RESUME_RATE"] == 50, "one of the two continuing projects has reported investment this year")
        #expect(moreFigures["FAI_TOTAL"] == figures["FAI_TOTAL"] && moreFigures["STARTED_5000W"] == 2, "the project listed twice counts once")
        let contributions = IndicatorCalculator.contributions(more, catalog: catalog)
        #expect(contributions.map(\.dispatch) == [.wan(300), .wan(100), .zero, .zero] && contributions.map(\.working) == [true, true, false, false])
        #expect(IndicatorCalculator.actuals(contributions) == moreFigures)

        // Totals of any split of the projects, added, are the totals of all of them: the
        // cross-unit table sums each group of projects sharing their keys once and adds the groups.
        for split in 0...contributions.count {
            var first = IndicatorCalculator.ContributionTotals(), second = IndicatorCalculator.ContributionTotals()
            for contribution in contributions.prefix(split) { first.add(contribution) }
            for contribution in contributions.dropFirst(split) { second.add(contribution) }
            var whole = second
            whole.add(first)
            #expect(whole.figures == moreFigures && whole.underWay == contributions.count(where: \.underWay)
                    && whole.newStarts == contributions.count(where: \.newStart) && whole.total == contributions.reduce(Money.zero) { $0 + $1.dispatch })
        }
    }
}
