import Foundation
import GroundbreakDomain

/// CSV the way Excel on a Chinese desktop opens it without garbling: UTF-8 with a byte-order
/// mark, CRLF line ends, RFC 4180 quoting. Written row by row so large exports can stream.
public enum CSVDocument {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One encoded row.
    public static func row(_ fields: [String]) -> [UInt8] {
        Array(CSV.line(fields.map(neutralised)).utf8)
    }

    /// A cell that starts with `=`, `+`, `-` or `@` is read by spreadsheets as a formula; a
    /// leading apostrophe keeps it text (CSV injection), except for plain numbers.
    static func neutralised(_ field: String) -> String {
        guard let first = field.first, "=+-@".contains(first) else { return field }
        if Double(field) != nil { return field }
        return "'" + field
    }
}
