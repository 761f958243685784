import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// The rules in force and their versions; the centre saves new thresholds as a new version.
enum WarningRulePages {
    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], form: nil, status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], form: FormData?, status: HTTPResponse.Status) async throws -> Response {
        let repository = WarningRepository(database: input.services.database)
        let page = WarningRulesPage(context: PageContext(input), rules: try await repository.currentRules(), history: try await repository.history(),
                                    manages: input.principal.map { Policy.decide(.manageWarnings, for: $0, catalog: input.catalog) == .allow } ?? false,
                                    errors: errors, form: form)
        return Responses.html(page.document, status: status)
    }

    /// `yellow_R1`, `red_R1` … (blank clears one; a rule the form does not name keeps its own), `reason`, `version`.
    static func thresholds(_ pairs: [(String, String)], rules: WarningRuleSet) -> ([String: (yellow: Double?, red: Double?)], [FieldError]) {
        let form = FormData(pairs: pairs)
        var thresholds: [String: (yellow: Double?, red: Double?)] = [:]
        var errors: [FieldError] = []
        let named = Set(pairs.map(\.0))
        for rule in rules.rules where named.contains("yellow_\(rule.code)") || named.contains("red_\(rule.code)") {
            func number(_ key: String) -> Double? {
                let text = form[key].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return nil }
                guard let value = Double(text), value.isFinite else {
                    errors.append(FieldError(rule.code, .numberOutOfRange(field: rule.code, min: "0", max: String(Int(WarningRuleEdit.maxThreshold)))))
                    return nil
                }
                return value
            }
            thresholds[rule.code] = (number("yellow_\(rule.code)"), number("red_\(rule.code)"))
        }
        return (thresholds, errors)
    }

    static func save(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        let repository = WarningRepository(database: input.services.database)
        return try await FormSubmission.submit({
            let (thresholds, errors) = thresholds(form.pairs, rules: try await repository.currentRules())
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            guard let version = Int(form["version"]) else { throw StoreError.invalid(ValidationFailure([FieldError("version", .notWholeNumber(field: "version"))])) }
            _ = try await repository.saveVersion(thresholds, reason: form["reason"], expectedVersion: version, actor: input.actor, today: input.today, now: input.now)
            return Responses.redirect(to: Route.warningRules.path)
        }, refused: { try await render(input, errors: $0.errors, form: form, status: $0.status) })
    }

    static func apiRules(_ input: EndpointRequest) async throws -> Response {
        try Responses.json(WarningRulesDTO(try await WarningRepository(database: input.services.database).currentRules()))
    }

    static func apiSave(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(WarningRulesRequest.self)
        let thresholds = Dictionary(body.rules.map { ($0.code, (yellow: $0.yellowAt, red: $0.redAt)) }, uniquingKeysWith: { _, last in last })
        let saved = try await WarningRepository(database: input.services.database).saveVersion(
            thresholds, reason: body.reason, expectedVersion: body.version, actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(WarningRulesDTO(saved), status: .created)
    }
}

/// A rule set as the API gives it.
struct WarningRulesDTO: Codable, Sendable {
    struct Rule: Codable, Sendable {
        var code: String
        var measure: String
        var yellowAt: Double?
        var redAt: Double?
        var minimumYuan: Int64?
        var basis: String
    }
    var version: Int
    var validFrom: String
    var author: String
    var reason: String
    var curve: String
    var rules: [Rule]

    init(_ set: WarningRuleSet) {
        version = set.version
        validFrom = set.validFrom
        author = set.author
        reason = set.reason
        curve = set.curve
        rules = set.rules.map { Rule(code: $0.code, measure: $0.measure.rawValue, yellowAt: $0.yellowAt, redAt: $0.redAt, minimumYuan: $0.minimumYuan, basis: $0.basis) }
    }
}

/// New thresholds for the rules named; a rule left out keeps its own, a threshold left out is cleared.
struct WarningRulesRequest: Decodable, Sendable {
    struct Threshold: Decodable, Sendable {
        var code: String
        var yellowAt: Double?
        var redAt: Double?
    }
    var version: Int
    var reason: String
    var rules: [Threshold]
}
