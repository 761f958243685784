import Foundation

/// Turns raw input into valid project fields, or lists every problem with it.
public struct ProjectValidator: Sendable {
    public let catalog: ReferenceCatalog
    public let today: Day

    public static let maxNameLength = 200
    public static let maxContentLength = 4000
    public static let maxAddressLength = 200

    public init(catalog: ReferenceCatalog, today: Day) {
        self.catalog = catalog
        self.today = today
    }

    /// `stage` is the project's effective stage (for a suspended project, the stage it left):
    /// actual dates may only be recorded once the lifecycle has reached them.
    public func validate(_ input: ProjectInput, stage: Stage) -> Result<ProjectFields, ValidationFailure> {
        var errors: [FieldError] = []

        let name = TextNormalizer.collapsedLine(input.name)
        if name.isEmpty { errors.append(FieldError("name", .required(field: "name"))) }
        if name.count > Self.maxNameLength { errors.append(FieldError("name", .tooLong(field: "name", max: Self.maxNameLength))) }

        var code: ProjectCode?
        if !input.code.trimmingCharacters(in: .whitespaces).isEmpty {
            switch ProjectCode.parse(input.code) {
            case .success(let parsed): code = parsed
            case .failure(let error): errors.append(FieldError("code", .projectCode(error)))
            }
        }

        let ownerName = TextNormalizer.collapsedLine(input.ownerName)
        if ownerName.count > Self.maxNameLength {
            errors.append(FieldError("ownerName", .tooLong(field: "ownerName", max: Self.maxNameLength)))
        }
        var creditCode: CreditCode?
        if !input.ownerCreditCode.trimmingCharacters(in: .whitespaces).isEmpty {
            switch CreditCode.parse(input.ownerCreditCode) {
            case .success(let parsed): creditCode = parsed
            case .failure(let error): errors.append(FieldError("ownerCreditCode", .creditCode(error)))
            }
        }

        let regionCode = validRegion(input.regionCode, errors: &errors)
        let zoneCode = optionalCode(input.zoneCode, field: "zoneCode", errors: &errors) { catalog.zone($0) != nil }
        let categoryCode = validCategory(input.categoryCode, errors: &errors)
        let division = validDivision(input.industryDivision, errors: &errors)

        let investmentType = InvestmentType(rawValue: input.investmentType.trimmingCharacters(in: .whitespaces))
        if investmentType == nil {
            errors.append(input.investmentType.isEmpty
                ? FieldError("investmentType", .required(field: "investmentType"))
                : FieldError("investmentType", .unknownCode(field: "investmentType", code: input.investmentType)))
        }

        var totalInvestment = Money.zero
        switch Money.parse(input.totalInvestmentWan, unit: .wan) {
        case .success(let money):
            if money.yuan <= 0 { errors.append(FieldError("totalInvestment", .amountNotPositive(field: "totalInvestment"))) }
            totalInvestment = money
        case .failure(let error):
            errors.append(FieldError("totalInvestment", error == .empty ? .required(field: "totalInvestment") : .money(error)))
        }

        let content = input.constructionContent.trimmingCharacters(in: .whitespacesAndNewlines)
        if content.count > Self.maxContentLength {
            errors.append(FieldError("constructionContent", .tooLong(field: "constructionContent", max: Self.maxContentLength)))
        }
        let address = TextNormalizer.collapsedLine(input.address)
        if address.count > Self.maxAddressLength {
            errors.append(FieldError("address", .tooLong(field: "address", max: Self.maxAddressLength)))
        }
        let (longitude, latitude) = coordinates(input, errors: &errors)

        let plannedStart = optionalDay(input.plannedStart, field: "plannedStart", errors: &errors)
        let plannedCompletion = optionalDay(input.plannedCompletion, field: "plannedCompletion", errors: &errors)
        if let plannedStart, let plannedCompletion, plannedCompletion < plannedStart {
            errors.append(FieldError("plannedCompletion", .completionBeforeStart))
        }
        let actualStart = optionalDay(input.actualStart, field: "actualStart", errors: &errors)
        let actualCompletion = optionalDay(input.actualCompletion, field: "actualCompletion", errors: &errors)
        if let actualStart {
            if actualStart > today { errors.append(FieldError("actualStart", .dateInFuture)) }
            if stage < .construction || !stage.isOnMainPath {
                errors.append(FieldError("actualStart", .actualStartTooEarlyForStage))
            }
        }
        if let actualCompletion {
            if actualCompletion > today { errors.append(FieldError("actualCompletion", .dateInFuture)) }
            if stage != .operation { errors.append(FieldError("actualCompletion", .actualCompletionTooEarlyForStage)) }
            if let actualStart, actualCompletion < actualStart {
                errors.append(FieldError("actualCompletion", .completionBeforeStart))
            }
        }

        var levels: [ProjectLevel] = []
        for raw in Set(input.levels.filter { !$0.isEmpty }) {
            if let level = ProjectLevel(rawValue: raw) { levels.append(level) }
            else { errors.append(FieldError("levels", .unknownCode(field: "levels", code: raw))) }
        }
        var tags: [String] = []
        for raw in Set(input.tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) {
            if catalog.tag(raw) != nil { tags.append(raw) }
            else { errors.append(FieldError("tags", .unknownCode(field: "tags", code: raw))) }
        }

        let lead = optionalCode(input.leadDepartmentCode, field: "leadDepartmentCode", errors: &errors) { catalog.department($0) != nil }
        var support: [String] = []
        for raw in input.supportDepartmentCodes.map({ $0.trimmingCharacters(in: .whitespaces) }) where !raw.isEmpty && !support.contains(raw) {
            if catalog.department(raw) != nil { support.append(raw) }
            else { errors.append(FieldError("supportDepartmentCodes", .unknownCode(field: "supportDepartmentCodes", code: raw))) }
        }
        if let lead, support.contains(lead) { errors.append(FieldError("supportDepartmentCodes", .leadAlsoSupport)) }

        let sponsor = position(input.sponsorPositionId, field: "sponsorPositionId", duty: .sponsor, errors: &errors)
        let secretary = position(input.secretaryPositionId, field: "secretaryPositionId", duty: .secretary, errors: &errors)

        guard errors.isEmpty, let investmentType else { return .failure(ValidationFailure(errors)) }
        return .success(ProjectFields(
            name: name, code: code, ownerName: ownerName, ownerCreditCode: creditCode,
            regionCode: regionCode ?? "", zoneCode: zoneCode, categoryCode: categoryCode ?? "",
            industryDivision: division, investmentType: investmentType, totalInvestment: totalInvestment,
            constructionContent: content, location: Location(address: address, longitude: longitude, latitude: latitude),
            plannedStart: plannedStart, plannedCompletion: plannedCompletion,
            actualStart: actualStart, actualCompletion: actualCompletion,
            levels: levels.sorted(), tags: tags.sorted(), leadDepartmentCode: lead,
            supportDepartmentCodes: support, sponsorPositionId: sponsor, secretaryPositionId: secretary
        ))
    }

    // MARK: Pieces

    private func validRegion(_ raw: String, errors: inout [FieldError]) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else {
            errors.append(FieldError("regionCode", .required(field: "regionCode")))
            return nil
        }
        guard let canonical = catalog.canonicalRegionCode(code),
              let region = catalog.region(canonical), region.kind != .province
        else {
            errors.append(FieldError("regionCode", .unknownCode(field: "regionCode", code: code)))
            return nil
        }
        return region.code
    }

    private func validCategory(_ raw: String, errors: inout [FieldError]) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else {
            errors.append(FieldError("categoryCode", .required(field: "categoryCode")))
            return nil
        }
        guard catalog.category(code) != nil else {
            errors.append(FieldError("categoryCode", .unknownCode(field: "categoryCode", code: code)))
            return nil
        }
        guard catalog.assignableCategories.contains(where: { $0.code == code }) else {
            errors.append(FieldError("categoryCode", .categoryNotLeaf(code: code)))
            return nil
        }
        return code
    }

    /// Accepts `36`, `C36` and `C 36`; stores the two-digit division.
    private func validDivision(_ raw: String, errors: inout [FieldError]) -> String? {
        var code = TextNormalizer.identifier(raw)
        guard !code.isEmpty else { return nil }
        if let first = code.first, first.isLetter { code.removeFirst() }
        if code.count == 1 { code = "0" + code }
        guard catalog.division(code) != nil else {
            errors.append(FieldError("industryDivision", .unknownCode(field: "industryDivision", code: raw)))
            return nil
        }
        return code
    }

    private func optionalCode(_ raw: String, field: String, errors: inout [FieldError], exists: (String) -> Bool) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { return nil }
        guard exists(code) else {
            errors.append(FieldError(field, .unknownCode(field: field, code: code)))
            return nil
        }
        return code
    }

    private func optionalDay(_ raw: String, field: String, errors: inout [FieldError]) -> Day? {
        guard !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let day = Day.parse(raw) else {
            errors.append(FieldError(field, .dateInvalid))
            return nil
        }
        return day
    }

    private func coordinates(_ input: ProjectInput, errors: inout [FieldError]) -> (Double?, Double?) {
        let lonText = TextNormalizer.halfWidth(input.longitude).trimmingCharacters(in: .whitespaces)
        let latText = TextNormalizer.halfWidth(input.latitude).trimmingCharacters(in: .whitespaces)
        if lonText.isEmpty && latText.isEmpty { return (nil, nil) }
        guard !lonText.isEmpty, !latText.isEmpty else {
            errors.append(FieldError(lonText.isEmpty ? "longitude" : "latitude", .coordinatesIncomplete))
            return (nil, nil)
        }
        guard let lon = Double(lonText), let lat = Double(latText),
              (73.0...136.0).contains(lon), (3.0...54.0).contains(lat)
        else {
            errors.append(FieldError("longitude", .coordinateInvalid))
            return (nil, nil)
        }
        return (lon, lat)
    }

    private func position(_ raw: String, field: String, duty: Position.Duty, errors: inout [FieldError]) -> Int64? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let id = Int64(text), let position = catalog.position(id) else {
            errors.append(FieldError(field, .unknownCode(field: field, code: text)))
            return nil
        }
        guard position.duty == duty else {
            errors.append(FieldError(field, .positionWrongDuty(field: field)))
            return nil
        }
        return id
    }
}
