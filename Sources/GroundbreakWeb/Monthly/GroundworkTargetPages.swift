import Foundation
import GroundbreakDomain
import GroundbreakStore
import Hummingbird

/// Setting a unit's front-of-the-chain targets (the reserve's bands, the start targets) from the
/// targets page and the API; the readings are `GroundworkReadings`.
enum GroundworkTargetPages {
    struct SetBody: Decodable, Sendable {
        var unit: String
        var year: Int
        var measure: String
        /// Projects; omit with `amountYuan` to clear the target.
        var count: Int?
        var amountYuan: Int64?
    }

    static func save(_ target: GroundworkTarget, _ input: EndpointRequest) async throws {
        try await GroundworkTargetRepository(database: input.services.database).set(target, measures: GroundworkReadings.measures(input, year: target.year),
                                                                                    reference: input.catalog, actor: input.actor, now: input.now)
    }

    /// The form's fields: `unit`, `year`, `measure`, `count` (projects) and `amount` (万元), either may be empty.
    static func target(from form: FormData) -> Result<GroundworkTarget, ValidationFailure> {
        var errors: [FieldError] = []
        let unit = TargetUnit.parse(form["unit"])
        if unit == nil { errors.append(FieldError("unit", .unknownCode(field: "unit", code: String(form["unit"].prefix(40))))) }
        let year = Int(form["year"])
        if year == nil { errors.append(FieldError("year", .required(field: "year"))) }
        var count: Int?
        let countText = TextNormalizer.halfWidth(form["count"]).trimmingCharacters(in: .whitespaces)
        if !countText.isEmpty {
            if let parsed = Int(countText) { count = parsed } else { errors.append(FieldError("count", .fixed(WebText.Groundwork.countInvalid))) }
        }
        var amount: Money?
        if !form["amount"].trimmingCharacters(in: .whitespaces).isEmpty {
            switch Money.parse(form["amount"], unit: .wan) {
            case .success(let money): amount = money
            case .failure(let problem): errors.append(FieldError("amount", .money(problem)))
            }
        }
        guard errors.isEmpty, let unit, let year else { return .failure(ValidationFailure(errors)) }
        return .success(GroundworkTarget(unit: unit, year: year, measure: form["measure"], count: count, amount: amount))
    }

    static func set(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        switch target(from: form) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let target):
            try await save(target, input)
            return Responses.redirect(to: Route.targets(unit: target.unit.text, month: form["month"].isEmpty ? nil : form["month"]).path(notice: "saved"))
        }
    }

    static func apiSet(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(SetBody.self)
        guard let unit = TargetUnit.parse(body.unit) else {
            throw AppError.validation(ValidationFailure([FieldError("unit", .unknownCode(field: "unit", code: String(body.unit.prefix(40))))]))
        }
        try await save(GroundworkTarget(unit: unit, year: body.year, measure: body.measure, count: body.count, amount: body.amountYuan.map { Money(yuan: $0) }), input)
        let reporting = ReportPages.reportingMonth(input.today)
        let month = body.year == reporting.year ? reporting.iso : "\(body.year)-12"
        return try await TargetPages.api(input, items: [("unit", unit.text), ("month", month)])
    }
}
