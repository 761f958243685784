import Foundation
import GroundbreakDomain
import Testing

/// Values from the attack run of issue 12 that once trapped the process.
@Suite("Hostile values")
struct HostileValueTests {
    @Test("any Int64 amount formats, in every unit, without trapping")
    func formatsAnything() {
        #expect(Money(yuan: .max).formatted(in: .wan) == "922337203685477.58")
        #expect(Money(yuan: .min).formatted(in: .wan) == "-922337203685477.58")
        #expect(Money(yuan: .max).formatted(in: .yuan, decimals: 2, grouped: true) == "9,223,372,036,854,775,807.00")
        #expect(Money(yuan: 100_000_000_000_000_000).formatted(in: .yi) == "1000000000.00")
        #expect(Money(yuan: 99_995).formatted(in: .wan) == "10.00", "half up carries into the whole part")
        #expect(Money(yuan: 12_345_678).formatted(in: .wan, decimals: 40).hasPrefix("1234.5678"))
    }

    @Test("sums saturate instead of trapping; the checks name amounts outside input bounds")
    func sums() {
        #expect((Money(yuan: .max) + Money(yuan: 1)).yuan == .max)
        #expect((Money(yuan: .min) + Money(yuan: -1)).yuan == .min)
        #expect(Money.wan(.max).yuan == .max && Money.yi(.min).yuan == .min)
        #expect(Money(yuan: .max).inputProblem == .tooLarge)
        #expect(Money(yuan: -1).inputProblem == .negative)
        #expect(Money.maximum.inputProblem == nil)
        #expect(Money(approximately: .nan) == nil && Money(approximately: .infinity) == nil && Money(approximately: 1e30) == nil)
        #expect(Money(approximately: 1e17)?.yuan == 100_000_000_000_000_000)
    }

    @Test("a month's report with a huge figure is refused before anything is added up")
    func hugeReport() {
        let project = project(stage: .construction)
        let earlier = MonthlyReport(id: 1, projectId: 1, month: Month(year: 2026, month: 9)!, figures: MonthlyFigures(dispatch: .wan(100)), status: .submitted,
                                    submittedAt: Date(), submittedBy: "测试")
        for yuan in [Int64.max, 100_000_000_000_000_000, Money.maximum.yuan + 1] {
            let errors = MonthlyReportRules.validate(MonthlyFigures(dispatch: Money(yuan: yuan)), month: Month(year: 2026, month: 10)!, project: project,
                                                     others: [earlier.amounts], rules: ReportRules(), today: Day(year: 2026, month: 11, day: 20)!)
            #expect(errors.map(\.field) == ["dispatch"])
            #expect(errors.first?.message.contains("金额超出允许范围") == true)
        }
    }

    @Test("targets are bounded by kind and need a known unit")
    func targets() throws {
        let indicators = IndicatorCatalog(
            indicators: [Indicator(code: "FAI", label: "投资", kind: .amount, basis: ""), Indicator(code: "N", label: "个数", kind: .count, basis: ""),
                         Indicator(code: "R", label: "增速", kind: .percent, basis: "")],
            curves: ["linear": (1...12).map { Double($0) / 12 }], realEstateCategory: "", industrialCategory: "", source: "")
        let reference = catalog
        func problems(_ indicator: String, _ value: Double, unit: String = "region:220104") -> [String] {
            UnitTarget(unit: TargetUnit.parse(unit)!, year: 2026, indicator: indicator, value: value, curve: "linear")
                .problems(indicators: indicators, reference: reference).map(\.field)
        }
        #expect(problems("FAI", 1e17) == ["value"])
        #expect(problems("FAI", -1) == ["value"])
        #expect(problems("FAI", 1.5) == ["value"])
        #expect(problems("FAI", .nan) == ["value"])
        #expect(problems("FAI", Double(Money.maximum.yuan)).isEmpty)
        #expect(problems("N", 2_000_000) == ["value"])
        #expect(problems("N", 12).isEmpty)
        #expect(problems("R", 6.5).isEmpty && problems("R", -12).isEmpty && problems("R", 5000) == ["value"])
        #expect(problems("N", 1, unit: "region:999999") == ["unit"])
    }

    @Test("controls that damage text are recognised; tab, line feed and carriage return are not")
    func controls() {
        for bad in ["a\u{0}b", "a\u{7}", "a\u{1B}[31m", "\u{7F}", "\u{85}", "名称\u{202E}gpj.exe", "\u{2066}x\u{2069}"] {
            #expect(TextNormalizer.hasForbiddenControls(bad), "\(bad.debugDescription)")
        }
        #expect(!TextNormalizer.hasForbiddenControls("一、厂房\r\n二、\t设备（含‘引号’）😀"))
        #expect(TextNormalizer.removingForbiddenControls("新\u{0}建\u{202E}项目\n") == "新建项目\n")
    }

    @Test("CSV stops at its limits as it goes")
    func csvLimits() {
        let newlines = String(repeating: "\n", count: 50_000)
        #expect(throws: CSV.LimitExceeded.rows) { try CSV.parse(newlines, limits: CSV.Limits(maxRows: 1_000)) }
        #expect(throws: CSV.LimitExceeded.cells) { try CSV.parse("a,b,c\nd,e,f\n", limits: CSV.Limits(maxCells: 5)) }
        #expect(throws: CSV.LimitExceeded.fieldLength(row: 1, column: 1)) { try CSV.parse("a,b\nc,dddd\n", limits: CSV.Limits(maxFieldCharacters: 3)) }
        #expect((try? CSV.parse("a,b\nc,d\n", limits: CSV.Limits(maxRows: 2, maxCells: 4, maxFieldCharacters: 1))) == [["a", "b"], ["c", "d"]])
    }

    @Test("sign-in is slowed per name at five failures and per address only at thirty")
    func throttle() {
        #expect(SignInThrottle.delay(nameFailures: 4, addressFailures: 29) == .zero)
        #expect(SignInThrottle.delay(nameFailures: 5, addressFailures: 5) == .milliseconds(500))
        #expect(SignInThrottle.delay(nameFailures: 0, addressFailures: 30) == .milliseconds(500))
        #expect(SignInThrottle.delay(nameFailures: 0, addressFailures: 1_000) == .seconds(8))
    }
}
