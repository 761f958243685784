import Foundation

/// Checks a decoded JSON value against the subset of JSON Schema our OpenAPI document uses:
/// `type` (one or several), `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `oneOf` and `$ref` into `#/components/schemas`.
public struct JSONSchemaValidator {
    public let document: [String: Any]

    public init(document: [String: Any]) {
        self.document = document
    }

    /// The response schema for a path template, method and status, if documented.
    public func responseSchema(path: String, method: String, status: Int) -> [String: Any]? {
        guard let paths = document["paths"] as? [String: Any],
              let item = paths[path] as? [String: Any],
              let operation = item[method.lowercased()] as? [String: Any],
              let responses = operation["responses"] as? [String: Any],
              let response = responses[String(status)] as? [String: Any],
              let content = response["content"] as? [String: Any]
        else { return nil }
        for (_, media) in content {
            if let schema = (media as? [String: Any])?["schema"] as? [String: Any] { return schema }
        }
        return nil
    }

    /// Every violation, as `path: problem`.
    public func errors(_ value: Any?, schema: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let components = document["components"] as? [String: Any],
                  let schemas = components["schemas"] as? [String: Any],
                  let target = schemas[name] as? [String: Any]
            else { return ["\(path): unresolved \(reference)"] }
            return errors(value, schema: target, at: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { errors(value, schema: $0, at: path).isEmpty }
            return matching.count == 1 ? [] : ["\(path): matches \(matching.count) of oneOf"]
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                return ["\(path): expected \(allowed), got \(String(describing: value ?? "nil"))"]
            }
        }
        if let values = schema["enum"] as? [Any] {
            let found = values.contains { candidate in
                if candidate is NSNull { return value == nil || value is NSNull }
                return "\(candidate)" == "\(value ?? "")"
            }
            if !found { problems.append("\(path): \(String(describing: value)) not in enum") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            for (key, member) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    problems += errors(member, schema: propertySchema, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed { problems.append("\(path): unexpected \(key)") }
                    if let additionalSchema = additional as? [String: Any] {
                        problems += errors(member, schema: additionalSchema, at: "\(path).\(key)")
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += errors(item, schema: items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    static func matches(_ value: Any?, type: String) -> Bool {
        switch type {
        case "null": return value == nil || value is NSNull
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer":
            guard let number = value as? NSNumber else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        default: return true
        }
    }
}
