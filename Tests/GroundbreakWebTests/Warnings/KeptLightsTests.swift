import Foundation
import GroundbreakDomain
import GroundbreakStore
@testable import GroundbreakWeb
import Testing

/// A light kept from the last lighting of every project is the one the rules would give now: it
/// is reused only while the project's signals and the rules are equal to those it was lit by.
@Suite("Lights kept between lightings")
struct KeptLightsTests {
    static let rules = WarningRuleSet(version: 2, validFrom: "2026-01-01", author: "项目中心", reason: "测试", rules: [
        WarningRule(code: "R1", measure: .startSlip, yellowAt: 1, redAt: 90),
        WarningRule(code: "R6", measure: .approvalsOverdue, redAt: 1),
    ])

    static func signals(_ id: Int64, yi: Int64 = 1, slip: Int? = nil, overdue: Int = 0) -> ProjectSignals {
        let fields = ProjectFields(name: "项目\(id)", regionCode: "220104", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(yi))
        var signals = ProjectSignals(project: Project(id: id, fields: fields, stage: .reserve, createdAt: Date(timeIntervalSince1970: 0),
                                                      updatedAt: Date(timeIntervalSince1970: 0), version: 1))
        signals.startSlipDays = slip
        signals.approvalsOverdue = overdue
        return signals
    }

    @Test("equal signals under equal rules keep the very light; a changed project, count or rule set is lit again and says so")
    func reuse() {
        let kept = KeptLights()
        let first = [Self.signals(3, slip: 5), Self.signals(1), Self.signals(2, overdue: 1)]
        let lit = kept.lit(first, rules: Self.rules, keep: true)
        #expect(lit.map(\.colour) == [.yellow, .green, .red] && kept.count == 3)

        // The same signals (a copy, as the next lighting reads them): the same objects, in the order asked.
        let again = kept.lit(first.reversed(), rules: Self.rules, keep: true)
        #expect(zip(again, lit.reversed()).allSatisfy { $0 === $1 })

        // Project 3 started (no slip), project 2's overdue item decided, project 1 grew: each lit again, the others kept.
        var grown = Self.signals(1, yi: 30)
        grown.project.version = 2
        let changed = kept.lit([Self.signals(3), grown, Self.signals(2)], rules: Self.rules, keep: true)
        #expect(changed.map(\.colour) == [.green, .green, .green])
        #expect(changed.allSatisfy { old in !again.contains { $0 === old } })
        #expect(changed[1].totalInvestment == .yi(30) && changed[1].project.version == 2)

        // A new project among kept ones: it alone is lit.
        let withNew = kept.lit([Self.signals(3), grown, Self.signals(2), Self.signals(7, slip: 120)], rules: Self.rules, keep: true)
        #expect(withNew.prefix(3).elementsEqual(changed, by: ===) && withNew[3].colour == .red && kept.count == 4)

        // New thresholds: every light is evaluated again, under the new version.
        var stricter = Self.rules
        stricter.version = 3
        stricter.rules[0].redAt = 100
        let relit = kept.lit([Self.signals(7, slip: 120)], rules: stricter, keep: true)
        #expect(relit[0] !== withNew[3] && relit[0].colour == .red && relit[0].warning.ruleVersion == 3)
        stricter.rules[0].redAt = 200
        #expect(kept.lit([Self.signals(7, slip: 120)], rules: stricter, keep: false)[0].colour == .yellow, "same version number, other rules")
    }

    @Test("a narrower reach reads the kept lights without replacing them")
    func narrowerReach() {
        let kept = KeptLights()
        let every = kept.lit((1...5).map { Self.signals($0) }, rules: Self.rules, keep: true)
        let district = kept.lit([Self.signals(4), Self.signals(2, slip: 3)], rules: Self.rules, keep: false)
        #expect(district[0] === every[3] && district[1].colour == .yellow && kept.count == 5)
        let next = kept.lit((1...5).map { Self.signals($0) }, rules: Self.rules, keep: true)
        #expect(next.elementsEqual(every, by: ===), "the district's lighting kept nothing of its own")
    }
}

extension KeptLights {
    /// Signals with their counts in, as a lighting hands them over.
    func lit(_ signals: [ProjectSignals], rules: WarningRuleSet, keep: Bool) -> [WarningPages.Lit] {
        lit(CountedSignals(signals), rules: rules, keep: keep)
    }
}
