import Foundation
import GroundbreakDomain

/// Refuses text with characters that damage what is kept (see
/// `TextNormalizer.hasForbiddenControls`) at the one door every write comes through: form
/// fields and file names in `prepare`, JSON bodies in `EndpointRequest.json`. The answer names
/// each field and nothing is written.
enum TextInputGuard {
    static func check(_ fields: [(String, String)]) throws {
        let bad = fields.filter { TextNormalizer.hasForbiddenControls($0.1) }.map(\.0)
        guard !bad.isEmpty else { return }
        throw refusal(bad)
    }

    /// A JSON body carries controls only as escapes (`\u0000`, `\b`, `\f`, `\u202e`) or as raw
    /// multi-byte characters (C1, bidi); both are found without decoding it twice.
    static func check(json data: Data) throws {
        guard containsForbidden(json: data) else { return }
        var paths: [String] = []
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            collect(object, path: "", into: &paths)
        }
        throw refusal(paths.isEmpty ? ["请求体"] : paths)
    }

    static func containsForbidden(json data: Data) -> Bool {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let escape = bytes[index + 1]
                if escape == UInt8(ascii: "b") || escape == UInt8(ascii: "f") { return true }
                if escape == UInt8(ascii: "u"), index + 5 < bytes.count,
                   let code = UInt32(String(decoding: bytes[(index + 2)...(index + 5)], as: UTF8.self), radix: 16),
                   let scalar = Unicode.Scalar(code), TextNormalizer.isForbiddenControl(scalar) {
                    return true
                }
                index += 2
                continue
            }
            index += 1
        }
        // Raw C1 and bidi controls are multi-byte UTF-8; check the decoded text for them.
        return bytes.contains { $0 >= 0xC2 } && TextNormalizer.hasForbiddenControls(String(decoding: bytes, as: UTF8.self))
    }

    private static func collect(_ value: Any, path: String, into paths: inout [String]) {
        switch value {
        case let text as String:
            if TextNormalizer.hasForbiddenControls(text) { paths.append(path.isEmpty ? "请求体" : path) }
        case let dictionary as [String: Any]:
            for key in dictionary.keys.sorted() {
                if TextNormalizer.hasForbiddenControls(key) { paths.append(path.isEmpty ? "请求体" : path) }
                collect(dictionary[key]!, path: path.isEmpty ? key : path + "." + key, into: &paths)
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() { collect(element, path: path + "[\(index)]", into: &paths) }
        default:
            break
        }
    }

    private static func refusal(_ fields: [String]) -> AppError {
        AppError.validation(ValidationFailure(fields.map { FieldError($0, .controlCharacters(field: $0)) }))
    }
}
