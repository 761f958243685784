import Foundation

/// What a webhook registration must be: an http(s) address with a host, at least one known
/// event type (or `*`), and a secret long enough to sign with.
public enum WebhookRules {
    public static let minimumSecretLength = 16

    public struct Registration: Sendable, Equatable {
        public var url: String
        public var eventTypes: [String]
    }

    public static func validate(url: String, secret: String, eventTypes: [String]) -> Result<Registration, ValidationFailure> {
        var errors: [FieldError] = []
        let address = url.trimmingCharacters(in: .whitespaces)
        if let parsed = URL(string: address), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false {} else {
            errors.append(FieldError("url", .webhook(.urlRequired)))
        }
        let types = eventTypes.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if types.isEmpty { errors.append(FieldError("eventTypes", .webhook(.eventsRequired))) }
        for type in types where type != "*" && WebhookEventType(rawValue: type) == nil {
            errors.append(FieldError("eventTypes", .unknownCode(field: "eventTypes", code: type)))
        }
        if secret.count < minimumSecretLength { errors.append(FieldError("secret", .webhook(.secretTooShort(min: minimumSecretLength)))) }
        return errors.isEmpty ? .success(Registration(url: address, eventTypes: types)) : .failure(ValidationFailure(errors))
    }
}
