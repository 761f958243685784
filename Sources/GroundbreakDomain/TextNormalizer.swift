import Foundation

/// Turns what people paste from Word, Excel and IMEs into plain ASCII where the data is ASCII:
/// full-width digits and letters, ideographic spaces, and the many dashes Chinese text uses.
public enum TextNormalizer {
    private static let dashes: Set<Character> = ["－", "—", "–", "‐", "‑", "‒", "―", "─", "━", "一"]

    /// Full-width ASCII (U+FF01–U+FF5E) to half-width, U+3000 to a space. Other characters are kept.
    public static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// For identifiers made of digits, letters and hyphens: half-width, every dash-like character
    /// to `-`, all whitespace removed, letters upper-cased.
    ///
    /// `一` (the ideograph for one) is treated as a dash only here, because in a code it is always
    /// a mistyped hyphen.
    public static func identifier(_ text: String) -> String {
        var result = ""
        for character in halfWidth(text) {
            if character.isWhitespace { continue }
            result.append(dashes.contains(character) ? "-" : character)
        }
        return result.uppercased()
    }

    /// Trims whitespace (including ideographic spaces) and collapses inner runs to one space.
    public static func collapsedLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
