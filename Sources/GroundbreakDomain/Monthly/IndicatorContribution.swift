import Foundation

extension IndicatorCalculator {
    /// What one project adds to the indicator figures of every unit it belongs to in a year: taken
    /// once per project and summed per unit. A province's cross-unit table copied each unit's
    /// projects and a million reports into a list per unit and filtered them again per figure;
    /// summing these is the same figures (money is summed in whole yuan, so the order of the sum
    /// cannot change a total).
    public struct Contribution: Sendable, Equatable {
        /// This year's and last year's 本年完成投资 of the reports given.
        public var dispatch: Money = .zero
        public var lastYearDispatch: Money = .zero
        /// 开复工 (a project finished this year still counts) at 5,000 万, 1 亿 and 10 亿 and above.
        public var underWay = false
        public var underWay5000W = false
        public var underWay100M = false
        public var underWay1B = false
        public var newStart = false
        public var industrialNewStart = false
        public var reserve = false
        public var realEstate = false
        public var government = false
        /// This year's plans as 续建 and as 新开工, and whether the project worked (reported
        /// investment) or started this year.
        public var continuingPlans = 0
        public var newStartPlans = 0
        public var working = false
        public var startedThisYear = false

        public init() {}

        public init(_ project: Project, reports: some Sequence<MonthlyReport>, lastYearReports: some Sequence<MonthlyReport>,
                    plans: some Sequence<AnnualPlan>, year: Int, catalog: IndicatorCatalog) {
            realEstate = inCategory(project.fields.categoryCode, catalog.realEstateCategory)
            government = project.fields.investmentType == .government
            startedThisYear = project.fields.actualStart.map { $0.year == year } ?? false
            if YearActivity.underWay.holds(for: project, in: year) {
                underWay = true
                underWay5000W = project.fields.totalInvestment >= .wan(5_000)
                underWay100M = project.fields.totalInvestment >= .yi(1)
                underWay1B = project.fields.totalInvestment >= .yi(10)
            }
            if YearActivity.newStart.holds(for: project, in: year) {
                newStart = true
                industrialNewStart = inCategory(project.fields.categoryCode, catalog.industrialCategory)
            }
            reserve = project.stage == .reserve
            for report in reports {
                dispatch = dispatch + report.figures.dispatch
                if report.figures.dispatch > .zero { working = true }
            }
            for report in lastYearReports { lastYearDispatch = lastYearDispatch + report.figures.dispatch }
            for plan in plans where plan.year == year {
                if plan.nature == .continuing { continuingPlans += 1 }
                if plan.nature == .newStart { newStartPlans += 1 }
            }
        }
    }

    /// Each project's contribution, in the order of `inputs.projects` (a project listed twice counts once).
    public static func contributions(_ inputs: Inputs, catalog: IndicatorCatalog) -> [Contribution] {
        let reports = Dictionary(grouping: inputs.reports, by: \.projectId)
        let lastYear = Dictionary(grouping: inputs.lastYearReports, by: \.projectId)
        let plans = Dictionary(grouping: inputs.plans, by: \.projectId)
        var seen = Set<Int64>()
        return inputs.projects.compactMap { project in
            guard seen.insert(project.id).inserted else { return nil }
            return Contribution(project, reports: reports[project.id] ?? [], lastYearReports: lastYear[project.id] ?? [], plans: plans[project.id] ?? [],
                                year: inputs.year, catalog: catalog)
        }
    }

    public static func actuals(_ inputs: Inputs, catalog: IndicatorCatalog) -> [String: Double] {
        actuals(contributions(inputs, catalog: catalog), funds: inputs.funds, through: inputs.fundsThrough)
    }

    /// A unit's figures: its projects' contributions summed, and its leads' 到位资金 through the month when given.
    public static func actuals(_ contributions: some Sequence<Contribution>, funds arrived: [ArrivedFunds], through: Month?) -> [String: Double] {
        var totals = ContributionTotals()
        for project in contributions { totals.add(project) }
        return actuals(totals, funds: arrived, through: through)
    }

    /// A unit's figures from its projects' contributions already summed, and its leads' 到位资金.
    public static func actuals(_ totals: ContributionTotals, funds arrived: [ArrivedFunds], through: Month?) -> [String: Double] {
        var figures = totals.figures
        if let through {
            let funds = FundsFigures(arrived, through: through)
            figures["FUNDS_DOMESTIC"] = Double(funds.domestic.yuan)
            figures["FUNDS_FOREIGN"] = Double(funds.foreign.yuan)
            if let growth = funds.domesticGrowth { figures["FUNDS_DOMESTIC_GROWTH"] = growth }
            if let growth = funds.foreignGrowth { figures["FUNDS_FOREIGN_GROWTH"] = growth }
        }
        return figures
    }

    /// A unit's figures: its projects' contributions summed (the 到位资金 figures come from its leads, not its projects).
    public static func actuals(_ contributions: some Sequence<Contribution>) -> [String: Double] {
        var totals = ContributionTotals()
        for project in contributions { totals.add(project) }
        return totals.figures
    }

    /// Projects' contributions summed: counts and whole yuan, so totals of any parts of a unit's
    /// projects add up to the unit's, in any order. The cross-unit table sums each group of
    /// projects sharing their membership keys once, and a unit adds its groups' totals.
    public struct ContributionTotals: Sendable, Equatable {
        /// 本年完成投资 of the projects summed.
        public private(set) var total = Money.zero
        /// 开复工 projects (any size) and 新开工 projects.
        public private(set) var underWay = 0, newStarts = 0
        var lastYear = Money.zero, nonRealEstate = Money.zero, social = Money.zero
        var started5000W = 0, started100M = 0, started1B = 0, industrialNewStarts = 0, reserve = 0
        var continuing = 0, continuingWorking = 0, plannedNew = 0, plannedNewStarted = 0

        public init() {}

        public mutating func add(_ project: Contribution) {
            total = total + project.dispatch
            lastYear = lastYear + project.lastYearDispatch
            if !project.realEstate { nonRealEstate = nonRealEstate + project.dispatch }
            if !project.government { social = social + project.dispatch }
            if project.underWay { underWay += 1 }
            if project.underWay5000W { started5000W += 1 }
            if project.underWay100M { started100M += 1 }
            if project.underWay1B { started1B += 1 }
            if project.newStart { newStarts += 1 }
            if project.industrialNewStart { industrialNewStarts += 1 }
            if project.reserve { reserve += 1 }
            continuing += project.continuingPlans
            if project.working { continuingWorking += project.continuingPlans }
            plannedNew += project.newStartPlans
            if project.startedThisYear { plannedNewStarted += project.newStartPlans }
        }

        /// Adds `other`'s totals; with `sign` -1 takes them away again (every field is a count or
        /// whole yuan, so a part taken away leaves exactly the totals without it).
        public mutating func add(_ other: ContributionTotals, sign: Int = 1) {
            func money(_ amount: Money) -> Money { sign < 0 ? Money(yuan: -amount.yuan) : amount }
            total = total + money(other.total)
            lastYear = lastYear + money(other.lastYear)
            nonRealEstate = nonRealEstate + money(other.nonRealEstate)
            social = social + money(other.social)
            underWay += sign * other.underWay
            started5000W += sign * other.started5000W
            started100M += sign * other.started100M
            started1B += sign * other.started1B
            newStarts += sign * other.newStarts
            industrialNewStarts += sign * other.industrialNewStarts
            reserve += sign * other.reserve
            continuing += sign * other.continuing
            continuingWorking += sign * other.continuingWorking
            plannedNew += sign * other.plannedNew
            plannedNewStarted += sign * other.plannedNewStarted
        }

        /// Whether no amount has saturated (`Money`'s `+`), so a part can be taken away exactly.
        var unsaturated: Bool {
            [total, lastYear, nonRealEstate, social].allSatisfy { $0.yuan != .max && $0.yuan != .min }
        }

        /// The indicator figures of the projects summed, by indicator code.
        public var figures: [String: Double] {
            let totalYuan = Double(total.yuan)
            var figures: [String: Double] = [investmentCode: totalYuan]
            if lastYear > .zero { figures["FAI_GROWTH"] = (totalYuan - Double(lastYear.yuan)) / Double(lastYear.yuan) * 100 }
            figures["STARTED_5000W"] = Double(started5000W)
            figures["STARTED_100M"] = Double(started100M)
            figures["STARTED_1B"] = Double(started1B)
            if continuing > 0 { figures[resumeRateCode] = Double(continuingWorking) / Double(continuing) * 100 }
            if plannedNew > 0 { figures[newStartRateCode] = Double(plannedNewStarted) / Double(plannedNew) * 100 }
            if total > .zero {
                figures["NON_REAL_ESTATE_SHARE"] = Double(nonRealEstate.yuan) / totalYuan * 100
                figures["SOCIAL_SHARE"] = Double(social.yuan) / totalYuan * 100
            }
            if newStarts > 0 { figures["INDUSTRIAL_NEW_START_SHARE"] = Double(industrialNewStarts) / Double(newStarts) * 100 }
            figures["RESERVE_COUNT"] = Double(reserve)
            return figures
        }
    }
}
