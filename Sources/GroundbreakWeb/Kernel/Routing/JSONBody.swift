import Foundation
import GroundbreakDomain
import HTTPTypes

/// A request body type that finds its own unknown keys (the project patch, whose keys are a
/// dynamic set); every other body is checked against its stored properties.
protocol DeclaresOwnFields {}

/// Reads a JSON request body into its typed form. Syntax errors are a 400; everything about the
/// fields — a key the type does not have, a value of the wrong kind, a `null` or a missing
/// required key, a fraction where a whole number belongs — is a 422 naming each field in Chinese,
/// and nothing is changed.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw AppError(.badRequest, kind: "malformed-json", title: WebText.Errors.badJSON, detail: WebText.Errors.jsonSyntax)
        }
        let decoded: T
        do {
            decoded = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw AppError.validation(ValidationFailure(fieldErrors(error, data: data)))
        }
        if !(decoded is any DeclaresOwnFields) {
            let unknown = unknownFields(in: object, for: decoded, path: "")
            if !unknown.isEmpty { throw AppError.validation(ValidationFailure(unknown.map { FieldError($0, .unknownField($0)) })) }
        }
        return decoded
    }

    static func fieldErrors(_ error: DecodingError, data: Data) -> [FieldError] {
        /// `decisions[0].text`; the whole body when the trouble is at its top.
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = (codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            let joined = keys.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
            return joined.isEmpty ? WebText.Errors.bodyField : joined
        }
        switch error {
        case .typeMismatch(_, let context):
            return [FieldError(path(context.codingPath), .wrongType(field: path(context.codingPath)))]
        case .valueNotFound(_, let context):
            return [FieldError(path(context.codingPath), .nullValue(field: path(context.codingPath)))]
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key)
            return [FieldError(field, .required(field: field))]
        case .dataCorrupted(let context):
            // Foundation calls a fraction or an over-large number in an integer field "not valid
            // JSON"; say which numbers are the trouble.
            if context.codingPath.isEmpty, let fields = nonIntegerNumbers(in: data), !fields.isEmpty {
                return fields.map { FieldError($0, .notWholeNumber(field: $0)) }
            }
            let field = path(context.codingPath)
            return [FieldError(field, .wrongType(field: field))]
        @unknown default:
            return [FieldError(WebText.Errors.bodyField, .wrongType(field: WebText.Errors.bodyField))]
        }
    }

    /// Keys of the JSON that no stored property of the decoded value took, with their paths.
    static func unknownFields(in json: Any, for value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [] }
            return unknownFields(in: json, for: wrapped, path: path)
        case .struct, .class:
            guard let object = json as? [String: Any] else { return [] }
            var known: [String: Any] = [:]
            for child in mirror.children {
                guard var label = child.label else { continue }
                if label.hasPrefix("_") { label.removeFirst() }
                known[label] = child.value
            }
            return object.keys.sorted().flatMap { key -> [String] in
                let keyPath = path.isEmpty ? key : path + "." + key
                guard let child = known[key] else { return [keyPath] }
                return unknownFields(in: object[key]!, for: child, path: keyPath)
            }
        case .collection:
            guard let array = json as? [Any] else { return [] }
            return zip(array, mirror.children).enumerated().flatMap { index, pair in
                unknownFields(in: pair.0, for: pair.1.value, path: path + "[\(index)]")
            }
        default:
            return []
        }
    }

    /// Paths of the numbers in valid JSON that no `Int64` holds (fractions, exponents past its
    /// range); nil when the text is not JSON at all.
    static func nonIntegerNumbers(in data: Data) -> [String]? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        var paths: [String] = []
        func walk(_ value: Any, _ path: String) {
            if value is Bool { return }
            switch value {
            case let dictionary as [String: Any]:
                for key in dictionary.keys.sorted() { walk(dictionary[key]!, path.isEmpty ? key : path + "." + key) }
            case let array as [Any]:
                for (index, element) in array.enumerated() { walk(element, path + "[\(index)]") }
            case let number as NSNumber:
                let double = number.doubleValue
                if !double.isFinite || double.rounded() != double || abs(double) >= 9.2e18 { paths.append(path.isEmpty ? WebText.Errors.bodyField : path) }
            default:
                break
            }
        }
        walk(object, "")
        return paths
    }
}
