import Foundation
import GroundbreakDomain

/// Refuses text with characters that damage what is kept (see
/// `TextNormalizer.hasForbiddenControls`) at the one door every write comes through: form
/// fields and file names in `prepare`, every string of a decoded JSON body in
/// `EndpointRequest.json`. The answer names each field and nothing is written.
enum TextInputGuard {
    /// The same rule as a JSON Schema pattern, on every string a request body may carry.
    static let schemaPattern = "^[^\u{00}-\u{08}\u{0B}\u{0C}\u{0E}-\u{1F}\u{7F}-\u{9F}\u{202A}-\u{202E}\u{2066}-\u{2069}]*$"

    static func check(_ fields: [(String, String)]) throws {
        let bad = fields.filter { TextNormalizer.hasForbiddenControls($0.1) }.map(\.0)
        guard !bad.isEmpty else { return }
        throw refusal(bad)
    }

    /// Every string a decoded request body holds, named by the property path it was decoded
    /// into: what the handler will use is checked, and the answer names our fields, never a key
    /// the caller made up.
    static func check(decoded value: Any) throws {
        var paths: [String] = []
        collect(value, path: "", into: &paths)
        guard !paths.isEmpty else { return }
        throw refusal(paths)
    }

    private static func collect(_ value: Any, path: String, into paths: inout [String]) {
        if let text = value as? String {
            if TextNormalizer.hasForbiddenControls(text) { paths.append(path.isEmpty ? WebText.Errors.bodyField : path) }
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .enum:
            for child in mirror.children { collect(child.value, path: path, into: &paths) }
        case .collection, .set:
            for (index, child) in mirror.children.enumerated() { collect(child.value, path: path + "[\(index)]", into: &paths) }
        case .dictionary:
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2 {
                    let key = (pair[0] as? String).map { TextNormalizer.hasForbiddenControls($0) ? WebText.Errors.keyField : String($0.prefix(40)) } ?? WebText.Errors.keyField
                    if let text = pair[0] as? String, TextNormalizer.hasForbiddenControls(text) { paths.append(path.isEmpty ? WebText.Errors.bodyField : path) }
                    collect(pair[1], path: path.isEmpty ? key : path + "." + key, into: &paths)
                }
            }
        default:
            for child in mirror.children {
                // Property wrappers store their value as `_name`.
                let label = child.label.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 } ?? ""
                collect(child.value, path: label.isEmpty ? path : path.isEmpty ? label : path + "." + label, into: &paths)
            }
        }
    }

    private static func refusal(_ fields: [String]) -> AppError {
        AppError.validation(ValidationFailure(fields.map { FieldError($0, .controlCharacters(field: $0)) }))
    }
}
