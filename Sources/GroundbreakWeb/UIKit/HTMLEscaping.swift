import Foundation

/// Escapes text for an HTML attribute value.
///
/// Plot writes attribute values as given, without escaping, so every value that is not a
/// constant goes through here before it reaches `.value`, `.href`, `.action`, `.placeholder` or
/// `.attribute(named:value:)`. A test renders pages with hostile data to hold this.
func esc(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        default: result.append(character)
        }
    }
    return result
}
