import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A lead and a move as the pages' forms and the API send them: amounts in 万元 on the forms, in
/// yuan at the API; days as YYYY-MM-DD.
enum LeadInput {
    struct Fields {
        var title: String
        var investorName: String
        var creditCode: String
        var investorKind: String
        var homeRegion: String
        var industry: String
        var intended: Money?
        var channel: String
        var unit: String
        var handler: String
        var sponsorSeat: String
        var schemeClass: String = ""
        var confidential: Bool
        var createdOn: String
    }

    static func lead(_ form: FormData, today: Day) -> Result<Lead, ValidationFailure> {
        var errors: [FieldError] = []
        let wan = form["intendedWan"].trimmingCharacters(in: .whitespaces)
        var intended: Money? = .zero
        if !wan.isEmpty {
            switch Money.parse(wan, unit: .wan) {
            case .success(let money): intended = money
            case .failure(let error): errors.append(FieldError("intendedInvestment", .money(error))); intended = nil
            }
        }
        let result = lead(Fields(title: form["title"], investorName: form["investor"], creditCode: form["creditCode"], investorKind: form["investorKind"],
                                 homeRegion: form["homeRegion"], industry: form["industry"], intended: intended, channel: form["channel"], unit: form["unit"],
                                 handler: form["handler"], sponsorSeat: form["sponsorSeat"], schemeClass: form["schemeClass"], confidential: ["1", "on", "true"].contains(form["confidential"]),
                                 createdOn: form["createdOn"]), today: today)
        switch result {
        case .success(let lead) where errors.isEmpty: return .success(lead)
        case .success: return .failure(ValidationFailure(errors))
        case .failure(let failure): return .failure(ValidationFailure(errors + failure.errors))
        }
    }

    static func lead(_ fields: Fields, today: Day) -> Result<Lead, ValidationFailure> {
        var errors: [FieldError] = []
        let kind = Investor.Kind(rawValue: fields.investorKind)
        if kind == nil { errors.append(FieldError("investorKind", fields.investorKind.isEmpty ? .required(field: "investorKind") : .unknownCode(field: "investorKind", code: String(fields.investorKind.prefix(20))))) }
        let unit = OrgUnit.parse(fields.unit)
        if unit == nil { errors.append(FieldError("unit", fields.unit.isEmpty ? .required(field: "unit") : .unknownCode(field: "unit", code: String(fields.unit.prefix(40))))) }
        var seat: Int64?
        if !fields.sponsorSeat.isEmpty {
            seat = Int64(fields.sponsorSeat)
            if seat == nil { errors.append(FieldError("sponsorSeat", .unknownCode(field: "sponsorSeat", code: String(fields.sponsorSeat.prefix(20))))) }
        }
        var schemeClass: Int64?
        if !fields.schemeClass.isEmpty {
            schemeClass = Int64(fields.schemeClass)
            if schemeClass == nil { errors.append(FieldError("schemeClass", .unknownCode(field: "schemeClass", code: String(fields.schemeClass.prefix(20))))) }
        }
        var created = today
        if !fields.createdOn.isEmpty {
            if let day = Day.parse(fields.createdOn.trimmingCharacters(in: .whitespaces)) { created = day } else { errors.append(FieldError("createdOn", .dateInvalid)) }
        }
        guard errors.isEmpty, let kind, let unit, let intended = fields.intended else { return .failure(ValidationFailure(errors)) }
        let code = fields.creditCode.trimmingCharacters(in: .whitespaces)
        return .success(Lead(title: fields.title, investor: Investor(name: fields.investorName, creditCode: code.isEmpty ? nil : code, kind: kind, homeRegion: fields.homeRegion),
                             industryDivision: fields.industry.isEmpty ? nil : fields.industry, schemeClassId: schemeClass, intendedInvestment: intended, channelCode: fields.channel, unit: unit,
                             handlerName: fields.handler, sponsorSeat: seat, confidential: fields.confidential, stageCode: "", stageSince: created, createdOn: created))
    }

    /// A move: `kind` (advance, visit, note, shelve, lose, reopen), `on`, `note`; advancing names
    /// the `stage`, and into 签约 the signing (`signedOn`, `signedWan`, `contract`, `capital`), into
    /// 注册 the `registeredCreditCode`; a visit its `direction`.
    static func action(_ form: FormData) -> Result<LeadAction, ValidationFailure> {
        var signing: SigningFields?
        if !form["signedWan"].isEmpty || !form["contract"].isEmpty {
            signing = SigningFields(on: form["signedOn"].isEmpty ? form["on"] : form["signedOn"], amount: nil, amountText: form["signedWan"],
                                    contract: form["contract"], capital: form["capital"])
        }
        return action(kind: form["kind"], on: form["on"], note: form["note"], stage: form["stage"], direction: form["direction"], signing: signing,
                      creditCode: form["registeredCreditCode"])
    }

    struct SigningFields {
        var on: String
        /// Yuan from the API; 万元 text from the form.
        var amount: Int64?
        var amountText: String
        var contract: String
        var capital: String
    }

    static func action(kind: String, on: String, note: String, stage: String, direction: String, signing: SigningFields?, creditCode: String) -> Result<LeadAction, ValidationFailure> {
        var errors: [FieldError] = []
        let day = Day.parse(on.trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(FieldError("on", on.isEmpty ? .required(field: "on") : .dateInvalid)) }
        var parsedSigning: LeadSigning?
        if let signing {
            let signedOn = Day.parse(signing.on.trimmingCharacters(in: .whitespaces))
            if signedOn == nil { errors.append(FieldError("signedOn", .dateInvalid)) }
            var amount: Money?
            if let yuan = signing.amount { amount = Money(yuan: yuan) } else {
                switch Money.parse(signing.amountText, unit: .wan) {
                case .success(let money): amount = money
                case .failure(let error): errors.append(FieldError("signingAmount", .money(error)))
                }
            }
            let contract = LeadSigning.Contract(rawValue: signing.contract), capital = LeadSigning.Capital(rawValue: signing.capital)
            if contract == nil { errors.append(FieldError("contract", .unknownCode(field: "contract", code: String(signing.contract.prefix(20))))) }
            if capital == nil { errors.append(FieldError("capital", .unknownCode(field: "capital", code: String(signing.capital.prefix(20))))) }
            if let signedOn, let amount, let contract, let capital { parsedSigning = LeadSigning(on: signedOn, amount: amount, contract: contract, capital: capital) }
        }
        guard errors.isEmpty, let day else { return .failure(ValidationFailure(errors)) }
        switch kind {
        case "advance":
            let code = creditCode.trimmingCharacters(in: .whitespaces)
            return .success(.advance(to: stage, on: day, note: note, signing: parsedSigning, creditCode: code.isEmpty ? nil : code))
        case "visit":
            guard let direction = LeadEvent.Direction(rawValue: direction) else {
                return .failure(ValidationFailure([FieldError("direction", .unknownCode(field: "direction", code: String(direction.prefix(20))))]))
            }
            return .success(.visit(direction, on: day, note: note))
        case "note": return .success(.note(on: day, note: note))
        case "shelve": return .success(.shelve(on: day, reason: note))
        case "lose": return .success(.lose(on: day, reason: note))
        case "reopen": return .success(.reopen(on: day, note: note))
        default: return .failure(ValidationFailure([FieldError("kind", kind.isEmpty ? .required(field: "kind") : .unknownCode(field: "kind", code: String(kind.prefix(20))))]))
        }
    }
}

extension Result where Failure == ValidationFailure {
    /// The value, or the refusal as the store's, so a form shows it again with every reason.
    func refusedWhole() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let failure): throw StoreError.invalid(failure)
        }
    }
}
