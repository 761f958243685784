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
        // What is already normal — every stored code, read back on each project load — comes back
        // as it is without walking its characters.
        if text.utf8.allSatisfy(isNormalIdentifierByte) { return text }
        var result = ""
        for character in halfWidth(text) {
            if character.isWhitespace { continue }
            result.append(dashes.contains(character) ? "-" : character)
        }
        return result.uppercased()
    }

    /// A digit, an upper-case ASCII letter or `-`: what `identifier` leaves unchanged.
    @inline(__always)
    static func isNormalIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x2D
    }

    /// Whether `text` holds a character no official types and that silently damages what is
    /// kept: C0 controls other than tab, line feed and carriage return (a NUL cuts text short in
    /// some readers and was written back cut), DEL and C1 controls, and the bidirectional
    /// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
    /// name or a file name read differently from what it is. Chinese text never needs them.
    public static func hasForbiddenControls(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isForbiddenControl)
    }

    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` without the characters `hasForbiddenControls` looks for: for text read from files
    /// (spreadsheet cells), where nobody can retype it.
    public static func removingForbiddenControls(_ text: String) -> String {
        guard hasForbiddenControls(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isForbiddenControl($0) })
        return String(scalars)
    }

    /// Trims whitespace (including ideographic spaces) and collapses inner runs to one space.
    public static func collapsedLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
