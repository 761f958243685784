import Foundation
import GroundbreakDomain

/// A monthly report as typed in the form (amounts in 万元) or sent to the API (amounts in yuan).
struct ReportInput: Sendable {
    var month: Month
    var figures: MonthlyFigures
    /// The version read, when the month's report already exists.
    var version: Int?
    /// Why a closed month's figures change.
    var correctionReason: String = ""

    /// Form fields: `month`, `dispatchWan`, `statisticalWan`, `progressText`, `progressPercent`, `jobs`, `jumpReason`, `version`.
    static func parse(form: FormData, defaultMonth: Month) -> Result<ReportInput, ValidationFailure> {
        var errors: [FieldError] = []
        func optionalInt(_ key: String, field: String) -> Int? {
            let raw = form[key].trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { return nil }
            guard let value = Int(TextNormalizer.halfWidth(raw)) else {
                errors.append(FieldError(field, .unknownCode(field: field, code: raw)))
                return nil
            }
            return value
        }
        func money(_ key: String, field: String, required: Bool) -> Money? {
            let raw = form[key].trimmingCharacters(in: .whitespaces)
            if raw.isEmpty {
                if required { errors.append(FieldError(field, .required(field: field))) }
                return nil
            }
            switch Money.parse(raw, unit: .wan) {
            case .success(let value): return value
            case .failure(let problem):
                errors.append(FieldError(field, .money(problem)))
                return nil
            }
        }
        var month = defaultMonth
        if !form["month"].isEmpty {
            if let parsed = Month.parse(form["month"]) { month = parsed } else { errors.append(FieldError("month", .dateInvalid)) }
        }
        let dispatch = money("dispatchWan", field: "dispatch", required: true)
        let statistical = money("statisticalWan", field: "statistical", required: false)
        let figures = MonthlyFigures(dispatch: dispatch ?? .zero, statistical: statistical, progressText: form["progressText"],
                                     progressPercent: optionalInt("progressPercent", field: "progressPercent"),
                                     jobs: optionalInt("jobs", field: "jobs"), jumpReason: form["jumpReason"])
        let version = optionalInt("version", field: "version")
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(ReportInput(month: month, figures: figures, version: version, correctionReason: form["correctionReason"]))
    }
}
