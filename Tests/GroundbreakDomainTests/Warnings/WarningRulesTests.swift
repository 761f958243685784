import Foundation
import GroundbreakDomain
import Testing

@Suite("Warning rules")
struct WarningRulesTests {
    static let rules = WarningRuleSet(version: 3, validFrom: "2026-01-01", author: "项目中心", reason: "测试", curve: "northern", rules: [
        WarningRule(code: "R1", measure: .startSlip, yellowAt: 1, redAt: 90),
        WarningRule(code: "R2", measure: .behindSchedule, yellowAt: 10, redAt: 30),
        WarningRule(code: "R6", measure: .approvalsOverdue, redAt: 1),
        WarningRule(code: "R8", measure: .sponsorMissing, redAt: 1, minimumYuan: Money.yi(20).yuan),
    ])

    func signals(total: Money = .yi(1), sponsor: Int64? = 1, _ configure: (inout ProjectSignals) -> Void = { _ in }) -> ProjectSignals {
        var signals = ProjectSignals(project: project { $0.totalInvestment = total; $0.sponsorPositionId = sponsor })
        configure(&signals)
        return signals
    }

    @Test("green when nothing fires; yellow and red at their thresholds, the thresholds included; the worst colour wins and every reason is given, reddest first")
    func colours() {
        let green = Self.rules.evaluate(signals())
        #expect(green.colour == .green && green.reasons.isEmpty && green.explanation == "绿：未触发任何预警规则" && green.ruleVersion == 3)
        #expect(Self.rules.evaluate(signals { $0.behindPoints = 9.99 }).colour == .green)
        #expect(Self.rules.evaluate(signals { $0.behindPoints = 10 }).colour == .yellow)
        #expect(Self.rules.evaluate(signals { $0.behindPoints = 30 }).colour == .red)
        let both = Self.rules.evaluate(signals { $0.behindPoints = 12.34; $0.approvalsOverdue = 2; $0.startSlipDays = 5 })
        #expect(both.colour == .red && both.reasons.map(\.code) == ["R6", "R1", "R2"], "reddest first, then in the rule set's order")
        #expect(both.explanation == "红：2 个审批事项超时；超过计划开工日期 5 天仍未开工（阈值 1 天）；落后序时进度 12.3 个百分点（阈值 10）")
    }

    @Test("a project started this year is held to the months since its start, not to the whole curve")
    func projectTimeProgress() {
        let curves = IndicatorCatalog(indicators: [], curves: ["linear": (1...12).map { Double($0) / 12 }], realEstateCategory: "RE", industrialCategory: "IND", source: "t")
        let october = Month(year: 2026, month: 10)!
        #expect(abs(curves.projectTimeProgress("linear", through: october, started: Month(year: 2024, month: 5)!) - 10.0 / 12) < 1e-9)
        #expect(abs(curves.projectTimeProgress("linear", through: october, started: Month(year: 2026, month: 1)!) - 10.0 / 12) < 1e-9)
        #expect(abs(curves.projectTimeProgress("linear", through: october, started: october) - 1.0 / 3) < 1e-9, "October of the three months left")
        #expect(abs(curves.projectTimeProgress("linear", through: october, started: Month(year: 2026, month: 7)!) - 4.0 / 6) < 1e-9)
    }

    @Test("a project under construction past its planned completion is lit by R10, which took over the old completion flag")
    func completionSlip() {
        let rules = WarningRuleSet(version: 1, validFrom: "2026-01-01", author: "t", reason: "t", rules: [
            WarningRule(code: "R10", measure: .completionSlip, yellowAt: 1, redAt: 90),
        ])
        #expect(rules.evaluate(signals()).colour == .green)
        #expect(rules.evaluate(signals { $0.completionSlipDays = 5 }).explanation == "黄：超过计划竣工日期 5 天仍未竣工投产（阈值 1 天）")
        #expect(rules.evaluate(signals { $0.completionSlipDays = 90 }).colour == .red)
    }

    @Test("a rule with a minimum reaches only projects of that size: a 20亿 project without a sponsor is red, a smaller one is not")
    func minimum() {
        #expect(Self.rules.evaluate(signals(total: .yi(25), sponsor: nil)).explanation == "红：20亿元以上项目未明确包保领导")
        #expect(Self.rules.evaluate(signals(total: .yi(5), sponsor: nil)).colour == .green)
    }

    @Test("problems overdue at a level: every overdue problem yellows, one risen to the city's level and overdue reddens; a rule set from before levels still reads")
    func problemsAtALevel() throws {
        let rules = WarningRuleSet(version: 1, validFrom: "2026-01-01", author: "t", reason: "t", rules: [
            WarningRule(code: "R5", measure: .problemsOverdue, yellowAt: 1, redAt: 3),
            WarningRule(code: "R11", measure: .problemsOverdue, redAt: 1, minimumLevel: .centre),
        ])
        #expect(rules.evaluate(signals { $0.overdueProblemLevels = [.unit, .region] }).explanation == "黄：2 个问题逾期未解决")
        let risen = rules.evaluate(signals { $0.overdueProblemLevels = [.unit, .centre] })
        #expect(risen.colour == .red && risen.reasons.map(\.code) == ["R11", "R5"])
        #expect(risen.reasons[0].text == "1 个已上升到市大项目办及以上协调的问题逾期未解决")
        #expect(rules.evaluate(signals { $0.overdueProblemLevels = [.jointMeeting] }).reasons[0].text.hasPrefix("1 个已上升到"), "the joint meeting is above the centre")
        let old = #"{"code":"R5","measure":"problemsOverdue","yellowAt":1,"redAt":3,"basis":""}"#
        #expect(try JSONDecoder().decode(WarningRule.self, from: Data(old.utf8)).minimumLevel == nil)
    }

    @Test("an edit is the next version, from a day, by an author, for a reason; bad thresholds, unknown rules and no reason change nothing")
    func edits() throws {
        let day = Day(year: 2026, month: 11, day: 29)!
        let next = try WarningRuleEdit.apply(["R2": (yellow: 5, red: 20)], reason: " 按市政府要求收紧 ", to: Self.rules, author: "项目中心张三", validFrom: day).get()
        #expect(next.version == 4 && next.validFrom == "2026-11-29" && next.author == "项目中心张三" && next.reason == "按市政府要求收紧")
        #expect(next.rules.first { $0.code == "R2" }?.yellowAt == 5 && next.rules.first { $0.code == "R1" } == Self.rules.rules.first { $0.code == "R1" })
        #expect(next.evaluate(signals { $0.behindPoints = 21 }).colour == .red && Self.rules.evaluate(signals { $0.behindPoints = 21 }).colour == .yellow)
        func refused(_ thresholds: [String: (yellow: Double?, red: Double?)], reason: String = "理由") -> [String] {
            switch WarningRuleEdit.apply(thresholds, reason: reason, to: Self.rules, author: "a", validFrom: day) {
            case .success: return []
            case .failure(let failure): return failure.errors.map(\.message)
            }
        }
        #expect(refused(["R2": (yellow: 30, red: 10)]) == ["规则 R2 的黄灯阈值应小于红灯阈值"])
        #expect(refused(["R2": (yellow: nil, red: nil)]) == ["规则 R2 至少要有黄灯或红灯阈值之一"])
        #expect(refused(["R99": (yellow: 1, red: 2)]).count == 1 && refused(["R2": (yellow: -1, red: 2)]).count == 1)
        #expect(refused(["R2": (yellow: 1, red: 2)], reason: "  ").count == 1)
    }
}
