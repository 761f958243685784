import Foundation
import GroundbreakDomain
import Testing

@Suite("Flag rules and ledger queries")
struct FlagAndQueryTests {
    let sponsorRule = FlagRule(code: "NO_SPONSOR", label: "20亿元以上项目未明确包保领导", severity: .red, conditions: [
        FlagCondition(field: .totalInvestment, op: .gte, amount: 2_000_000_000),
        FlagCondition(field: .sponsor, op: .missing),
    ], basis: "seed 001 §30")
    let codeRule = FlagRule(code: "NO_CODE", label: "缺代码", severity: .yellow, conditions: [
        FlagCondition(field: .stage, op: .in, values: ["approval", "construction"]),
        FlagCondition(field: .projectCode, op: .missing),
    ], basis: "")
    let lateRule = FlagRule(code: "LATE", label: "逾期未开工", severity: .red, conditions: [
        FlagCondition(field: .stage, op: .in, values: ["reserve", "attraction", "approval"]),
        FlagCondition(field: .plannedStart, op: .beforeToday),
    ], basis: "", validFrom: Day(year: 2026, month: 1, day: 1))

    @Test("a rule fires when all its conditions hold, at the boundary included")
    func sponsor() {
        let big = project { $0.totalInvestment = .yi(20) }
        #expect(big.flags(rules: [sponsorRule], today: today).map(\.code) == ["NO_SPONSOR"])
        #expect(project { $0.totalInvestment = Money(yuan: 1_999_999_999) }.flags(rules: [sponsorRule], today: today).isEmpty)
        #expect(project { $0.totalInvestment = .yi(30); $0.sponsorPositionId = 1 }.flags(rules: [sponsorRule], today: today).isEmpty)
    }

    @Test("stage conditions use the stage a suspended project left; finished projects carry no flags")
    func stages() {
        #expect(project(stage: .approval).flags(rules: [codeRule], today: today).count == 1)
        #expect(project(stage: .suspended, suspendedFrom: .approval).flags(rules: [codeRule], today: today).count == 1)
        #expect(project(stage: .reserve).flags(rules: [codeRule], today: today).isEmpty)
        #expect(project(stage: .cancelled) { $0.totalInvestment = .yi(50) }.flags(rules: [sponsorRule], today: today).isEmpty)
    }

    @Test("date rules compare with today; rules outside their validity stay silent; red sorts first")
    func dates() {
        let overdue = project { $0.plannedStart = Day(year: 2026, month: 11, day: 22); $0.totalInvestment = .yi(25) }
        #expect(overdue.flags(rules: [lateRule, sponsorRule], today: today).map(\.code) == ["LATE", "NO_SPONSOR"])
        #expect(overdue.flags(rules: [lateRule], today: Day(year: 2026, month: 11, day: 22)!).isEmpty, "due today is not late")
        #expect(overdue.flags(rules: [lateRule], today: Day(year: 2025, month: 12, day: 31)!).isEmpty, "before the rule's validity")
    }

    @Test("rules round-trip through JSON as shipped")
    func json() throws {
        let data = try JSONEncoder().encode([sponsorRule, lateRule])
        #expect(try JSONDecoder().decode([FlagRule].self, from: data) == [sponsorRule, lateRule])
    }

    @Test("a query string parses, and writes back the same query")
    func query() throws {
        let parsed = try ProjectQuery.parse([
            ("region", "220104"), ("stage", "approval,construction"), ("sizeBand", "Y1"), ("minWan", "1,000"), ("q", "汽车 零部件"),
            ("sort", "name"), ("order", "asc"), ("page", "3"), ("perPage", "100"), ("nature", "newStart"), ("year", "2027"), ("ignored", "x"),
        ]).get()
        #expect(parsed.stages == [.approval, .construction])
        #expect(parsed.minInvestment == .wan(1000))
        #expect(parsed.sort == .name && !parsed.descending && parsed.page == 3 && parsed.perPage == 100)
        #expect(try ProjectQuery.parse(parsed.items).get() == parsed)
        #expect(ProjectQuery().items.isEmpty)
    }

    @Test("values are read without the whitespace around them, ASCII or full-width; whitespace alone is no value")
    func trimmedValues() throws {
        let parsed = try ProjectQuery.parse([
            ("region", " 220104"), ("stage", "construction\t"), ("sort", "\u{3000}name\u{3000}"), ("minWan", "\u{A0}1000 "),
            ("order", "asc"), ("page", "2 "), ("q", "\u{3000}"), ("tag", "  "),
        ]).get()
        #expect(parsed.regionCode == "220104" && parsed.stages == [.construction] && parsed.sort == .name)
        #expect(parsed.minInvestment == .wan(1000) && !parsed.descending && parsed.page == 2)
        #expect(parsed.text == nil && parsed.tag == nil)
    }

    @Test("bad query values are reported, not guessed")
    func badQuery() {
        guard case .failure(let failure) = ProjectQuery.parse([("stage", "started"), ("perPage", "0"), ("page", "-1"), ("minWan", "abc"), ("order", "up")]) else {
            Issue.record("must fail")
            return
        }
        #expect(Set(failure.errors.map(\.field)) == ["stage", "perPage", "page", "minWan", "order"])
    }
}

@Suite("Text, CSV and passwords")
struct TextTests {
    @Test("CSV: quotes, embedded commas and line breaks, BOM, CRLF")
    func csv() throws {
        let text = "\u{FEFF}code,name,notes\r\nA,\"制造业, 大类\",\"第一行\n第二行\"\r\nB,\"说 \"\"引号\"\"\",\r\n"
        let rows = try CSV.parse(text)
        #expect(rows == [["code", "name", "notes"], ["A", "制造业, 大类", "第一行\n第二行"], ["B", "说 \"引号\"", ""]])
        #expect(try CSV.records(text)[1]["name"] == "说 \"引号\"")
        #expect(throws: CSV.ParseError.self) { try CSV.parse("a,\"unterminated\n") }
        #expect(CSV.line(["a,b", "c\"d", "e"]) == "\"a,b\",\"c\"\"d\",e\r\n")
    }

    @Test("full-width input and stray dashes become plain ASCII in identifiers")
    func normaliser() {
        #expect(TextNormalizer.halfWidth("ＡＢＣ１２３，　") == "ABC123, ")
        #expect(TextNormalizer.identifier(" ab－1 2—3 ") == "AB-12-3")
        #expect(TextNormalizer.collapsedLine("  a\t b\n c ") == "a b c")
    }

    @Test("passwords: 8 characters from 3 of 4 classes")
    func passwords() {
        #expect(PasswordPolicy.check("Demo@2026").isEmpty)
        #expect(PasswordPolicy.check("abcdefg1") == [.tooFewClasses])
        #expect(PasswordPolicy.check("Ab1!") == [.tooShort])
        #expect(PasswordPolicy.check("长春市项目中心2026a").isEmpty)
    }
}
