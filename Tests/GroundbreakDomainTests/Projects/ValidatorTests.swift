import GroundbreakDomain
import Testing

@Suite("Project validation")
struct ValidatorTests {
    let validator = ProjectValidator(catalog: catalog, today: today)

    func fields(_ change: (inout ProjectInput) -> Void, stage: Stage = .reserve) -> Result<ProjectFields, ValidationFailure> {
        var input = validInput()
        change(&input)
        return validator.validate(input, stage: stage)
    }

    func errorFields(_ change: (inout ProjectInput) -> Void, stage: Stage = .reserve) -> [String] {
        if case .failure(let failure) = fields(change, stage: stage) { return failure.errors.map(\.field) }
        return []
    }

    @Test("a minimal valid project")
    func minimal() throws {
        let result = try fields { _ in }.get()
        #expect(result.totalInvestment == .wan(85000))
        #expect(result.zoneCode == nil && result.code == nil && result.levels.isEmpty)
    }

    @Test("codes are normalised: retired region codes, division with its section letter, lower-case credit codes")
    func normalisation() throws {
        let result = try fields {
            $0.regionCode = "220381"
            $0.industryDivision = "c36"
            $0.ownerCreditCode = "91110108551385082q"
            $0.name = "  新能源　 汽车  项目 "
        }.get()
        #expect(result.regionCode == "220184")
        #expect(result.industryDivision == "36")
        #expect(result.ownerCreditCode?.value == "91110108551385082Q")
        #expect(result.name == "新能源 汽车 项目")
    }

    nonisolated(unsafe) static let ruleCases: [((inout ProjectInput) -> Void, String)] = [
        ({ (input: inout ProjectInput) -> Void in input.regionCode = "220000" }, "regionCode"),
        ({ (input: inout ProjectInput) -> Void in input.regionCode = "" }, "regionCode"),
        ({ (input: inout ProjectInput) -> Void in input.zoneCode = "CC-NONE" }, "zoneCode"),
        ({ (input: inout ProjectInput) -> Void in input.categoryCode = "IND" }, "categoryCode"),
        ({ (input: inout ProjectInput) -> Void in input.industryDivision = "99" }, "industryDivision"),
        ({ (input: inout ProjectInput) -> Void in input.investmentType = "state" }, "investmentType"),
        ({ (input: inout ProjectInput) -> Void in input.totalInvestmentWan = "0" }, "totalInvestment"),
        ({ (input: inout ProjectInput) -> Void in input.name = String(repeating: "长", count: 201) }, "name"),
        ({ (input: inout ProjectInput) -> Void in input.longitude = "125.3" }, "latitude"),
        ({ (input: inout ProjectInput) -> Void in input.longitude = "200"; input.latitude = "43" }, "longitude"),
        ({ (input: inout ProjectInput) -> Void in input.plannedStart = "2027-05-01"; input.plannedCompletion = "2027-04-30" }, "plannedCompletion"),
        ({ (input: inout ProjectInput) -> Void in input.plannedStart = "明年" }, "plannedStart"),
        ({ (input: inout ProjectInput) -> Void in input.actualStart = "2026-05-01" }, "actualStart"),
        ({ (input: inout ProjectInput) -> Void in input.levels = ["nationalKey"] }, "levels"),
        ({ (input: inout ProjectInput) -> Void in input.tags = ["UNKNOWN"] }, "tags"),
        ({ (input: inout ProjectInput) -> Void in input.leadDepartmentCode = "CC-GXJ"; input.supportDepartmentCodes = ["CC-GXJ"] }, "supportDepartmentCodes"),
        ({ (input: inout ProjectInput) -> Void in input.sponsorPositionId = "2" }, "sponsorPositionId"),
        ({ (input: inout ProjectInput) -> Void in input.secretaryPositionId = "99" }, "secretaryPositionId"),
    ]

    @Test("each rule names its field", arguments: ruleCases.indices)
    func rules(index: Int) {
        let (change, field) = Self.ruleCases[index]
        #expect(errorFields(change) == [field])
    }

    @Test("actual dates follow the lifecycle")
    func actualDates() {
        #expect(errorFields({ $0.actualStart = "2026-05-01" }, stage: .construction).isEmpty)
        #expect(errorFields({ $0.actualStart = "2026-12-01" }, stage: .construction) == ["actualStart"])
        #expect(errorFields({ $0.actualStart = "2026-05-01"; $0.actualCompletion = "2026-06-01" }, stage: .construction) == ["actualCompletion"])
        #expect(errorFields({ $0.actualStart = "2026-05-01"; $0.actualCompletion = "2026-04-01" }, stage: .operation) == ["actualCompletion"])
        #expect(errorFields({ $0.actualStart = "2026-05-01"; $0.actualCompletion = "2026-06-01" }, stage: .operation).isEmpty)
    }

    @Test("all problems are reported at once, in Chinese")
    func allAtOnce() {
        var input = ProjectInput()
        input.code = "12"
        guard case .failure(let failure) = validator.validate(input, stage: .reserve) else {
            Issue.record("empty input must fail")
            return
        }
        #expect(Set(failure.errors.map(\.field)) == ["name", "code", "regionCode", "categoryCode", "investmentType", "totalInvestment"])
        #expect(failure.messages(for: "name") == ["请填写项目名称"])
        #expect(failure.messages(for: "code").first?.contains("24位") == true)
    }

    @Test("the input that reproduces a project's fields validates back to the same fields")
    func roundTrip() throws {
        let original = try fields {
            $0.code = "2509-220104-89-01-544060"; $0.ownerCreditCode = "91440300708461136T"; $0.zoneCode = "220173"
            $0.industryDivision = "36"; $0.longitude = "125.3245"; $0.latitude = "43.8868"; $0.plannedStart = "2027-01-05"
            $0.levels = ["cityKey", "provinceKey"]; $0.tags = ["SANZAO"]; $0.leadDepartmentCode = "CC-GXJ"
            $0.supportDepartmentCodes = ["CC-ZRZY"]; $0.sponsorPositionId = "1"; $0.secretaryPositionId = "2"; $0.totalInvestmentWan = "1234.5678"
        }.get()
        let again = try validator.validate(ProjectInput(fields: original), stage: .reserve).get()
        #expect(again == original)
    }
}
