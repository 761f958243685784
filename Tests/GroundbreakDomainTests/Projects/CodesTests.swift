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

    @Test("a code already in its written form is read by its bytes with the same answer as the general path")
    func writtenFormAgrees() {
        var random = SystemRandomNumberGenerator()
        let projectSeeds = ["2509-320193-89-01-544060", "2020-330327-48-01-167360", "2513-320193-89-01-544060", "1915-320193-89-01-544060"]
        let creditSeeds = ["914403001922038216", "91440300708461136T", "9144030071526726XG", "91AB0300708461136T"]
        let pieces = Array("0123456789-ABTXIZ a")
        func mutated(_ text: String) -> String {
            var characters = Array(text)
            for _ in 0..<Int.random(in: 0...2, using: &random) where !characters.isEmpty {
                let at = Int.random(in: 0..<characters.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: characters[at] = pieces.randomElement(using: &random)!
                case 1: characters.remove(at: at)
                default: characters.insert(pieces.randomElement(using: &random)!, at: at)
                }
            }
            return String(characters)
        }
        var fast = 0
        for _ in 0..<4_000 {
            // A trailing space is normalised away, so the second parse takes the general path.
            let project = mutated(projectSeeds.randomElement(using: &random)!)
            #expect(ProjectCode.parse(project) == ProjectCode.parse(project + " "), "\(project)")
            let credit = mutated(creditSeeds.randomElement(using: &random)!)
            #expect(CreditCode.parse(credit) == CreditCode.parse(credit + " "), "\(credit)")
            #expect(TextNormalizer.identifier(credit) == TextNormalizer.identifier(credit + " "))
            if case .success = ProjectCode.parse(project) { fast += 1 }
        }
        #expect(fast > 500, "most mutations of a valid code are still valid codes")
    }
}
