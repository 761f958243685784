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

    /// Whether a string decoded from the JSON text `bytes` could hold a character
    /// `TextNormalizer.isForbiddenControl` refuses, raw or as a `\u` escape: false only when
    /// none can, so `check(decoded:)`'s walk through the value by reflection (a tenth of a create's
    /// work) is needed only for a body that may hold one.
    static func mayHoldForbidden(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var index = 0
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            let current = bytes[index]
            switch current {
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20, 0x7F: return true
            case 0xC2: if let next = byte(1), (0x80...0x9F).contains(next) { return true }
            case 0xE2:
                if byte(1) == 0x80, let last = byte(2), (0xAA...0xAE).contains(last) { return true }
                if byte(1) == 0x81, let last = byte(2), (0xA6...0xA9).contains(last) { return true }
            case UInt8(ascii: "\\"):
                // `\b` and `\f` are backspace and form feed, both refused.
                if byte(1) == UInt8(ascii: "b") || byte(1) == UInt8(ascii: "f") { return true }
                guard byte(1) == UInt8(ascii: "u") else { index += 2; continue }
                var value: UInt32 = 0
                for offset in 2..<6 {
                    guard let digit = byte(offset).flatMap({ Character(Unicode.Scalar($0)).hexDigitValue }) else { return true }
                    value = value * 16 + UInt32(digit)
                }
                if let scalar = Unicode.Scalar(value), TextNormalizer.isForbiddenControl(scalar) { return true }
                index += 6
                continue
            default: break
            }
            index += 1
        }
        return false
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
