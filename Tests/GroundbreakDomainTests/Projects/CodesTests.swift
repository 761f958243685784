import GroundbreakDomain
import Testing

@Suite("Project codes and credit codes")
struct CodesTests {
    @Test("real project codes of both formats", arguments: [
        ("2509-320193-89-01-544060", ProjectCode.Format.current, 2025, 9),
        ("2411-130202-89-01-637015", .current, 2024, 11),
        ("2603-141124-89-05-346948", .current, 2026, 3),
        ("2020-330327-48-01-167360", .legacy, 2020, 0),
        ("2020-451421-88-03-016343", .legacy, 2020, 0),
    ])
    func realCodes(text: String, format: ProjectCode.Format, year: Int, month: Int) throws {
        let code = try ProjectCode.parse(text).get()
        #expect(code.value == text)
        #expect(code.format == format)
        #expect(code.assigned.year == year)
        #expect(code.assigned.month == (month == 0 ? nil : month))
    }

    @Test("full-width digits, dashes and spaces are normalised")
    func normalised() throws {
        #expect(try ProjectCode.parse("２５０９－３２０１９３－８９－０１－５４４０６０").get().value == "2509-320193-89-01-544060")
        #expect(try ProjectCode.parse(" 2509—320193–89‐01－544060 ").get().value == "2509-320193-89-01-544060")
        #expect(try ProjectCode.parse("2509一320193一89一01一544060").get().regionSegment == "320193")
    }

    @Test("wrong shapes and impossible periods are refused")
    func refused() {
        #expect(ProjectCode.parse("") == .failure(.empty))
        #expect(ProjectCode.parse("2509-320193-89-01-54406") == .failure(.wrongShape))
        #expect(ProjectCode.parse("2509320193890154406012") == .failure(.wrongShape))
        #expect(ProjectCode.parse("25A9-320193-89-01-544060") == .failure(.wrongShape))
        #expect(ProjectCode.parse("2513-320193-89-01-544060") == .failure(.unknownPeriod))
        #expect(ProjectCode.parse("2500-320193-89-01-544060") == .failure(.unknownPeriod))
        #expect(ProjectCode.parse("1915-320193-89-01-544060") == .failure(.unknownPeriod), "legacy years are 2015–2020")
    }

    @Test("credit codes: real ones pass, the check character catches typos")
    func creditCodes() throws {
        for text in ["914403001922038216", "91440300708461136T", "91330100716105852F", "9144030071526726XG", "91110108551385082q"] {
            #expect(throws: Never.self) { try CreditCode.parse(text).get() }
        }
        #expect(try CreditCode.parse("９１４４０３００７０８４６１１３６Ｔ").get().value == "91440300708461136T")
        #expect(CreditCode.parse("91440300708461136X") == .failure(.checkDigitMismatch(expected: "T")))
        #expect(CreditCode.parse("9144030070846113") == .failure(.wrongLength))
        #expect(CreditCode.parse("91440300708461136I") == .failure(.invalidCharacter))
        #expect(CreditCode.parse("91AB0300708461136T") == .failure(.invalidCharacter), "characters 3–8 are a region code")
        #expect(CreditCode.checkCharacter(forPrefix: "91440300708461136") == "T")
    }
}
