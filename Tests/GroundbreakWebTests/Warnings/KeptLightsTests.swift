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

    @Test("a lighting's order reddest first is the last one's moved: lights gone taken out, new ones merged in, the same as sorting afresh")
    func orderMoved() throws {
        var random = SystemRandomNumberGenerator()
        let kept = KeptLights()
        func lighting(_ signals: [ProjectSignals]) -> (lighted: KeptLights.Lighted, sorted: [WarningPages.Lit]) {
            let lighted = kept.lit(CountedSignals(signals), rules: Self.rules, keep: true)
            return (lighted, WarningPages.reddestFirst(lighted.lit))
        }
        // Colours, investments (ties included) and ids at random.
        var signals = (1...400).map { Self.signals(Int64($0), yi: Int64.random(in: 1...6, using: &random), slip: [nil, 5, 120].randomElement(using: &random)!,
                                                   overdue: Int.random(in: 0...8, using: &random) == 0 ? 1 : 0) }
        let first = lighting(signals)
        #expect(first.lighted.reddestFirst == nil && !kept.keepsOrder, "no order before a list asks for one")
        let number = try #require(first.lighted.lighting)
        kept.keep(reddestFirst: first.sorted, of: number)
        #expect(kept.keepsOrder)
        for round in 1...12 {
            // A few projects change colour or size, one is no longer live, a few are new.
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let at = Int.random(in: signals.indices, using: &random)
                signals[at] = Self.signals(signals[at].id, yi: Int64.random(in: 1...6, using: &random), slip: [nil, 5, 120].randomElement(using: &random)!)
            }
            if round % 3 == 0 { signals.remove(at: Int.random(in: signals.indices, using: &random)) }
            let next = (signals.last?.id ?? 0) + 1
            signals += (0..<Int.random(in: 0...3, using: &random)).map { Self.signals(next + Int64($0), yi: Int64.random(in: 1...6, using: &random), slip: 120) }
            let moved = lighting(signals)
            let order = try #require(moved.lighted.reddestFirst, "round \(round): moved from the last order")
            #expect(order.elementsEqual(moved.sorted, by: ===), "round \(round)")
        }
        // Another lighting meanwhile: an order asked of an older one is not kept for the next.
        let older = lighting(signals)
        _ = lighting(signals)
        kept.keep(reddestFirst: older.sorted.reversed(), of: try #require(older.lighted.lighting))
        let after = lighting(signals)
        #expect(after.lighted.reddestFirst.map { $0.elementsEqual(after.sorted, by: ===) } ?? true)
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
        lit(CountedSignals(signals), rules: rules, keep: keep).lit
    }
}
