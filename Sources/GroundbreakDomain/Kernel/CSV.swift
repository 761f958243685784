import Foundation

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
public enum CSV {
    public struct ParseError: Error, Equatable, Sendable {
        public var line: Int
    }

    /// How much a parse may build before it stops: checked as each row and field is made, so a
    /// file of ten million newlines stops at the limit instead of first filling memory.
    public struct Limits: Sendable, Equatable {
        public var maxRows: Int
        public var maxCells: Int
        public var maxFieldCharacters: Int

        public init(maxRows: Int = .max, maxCells: Int = .max, maxFieldCharacters: Int = .max) {
            self.maxRows = maxRows
            self.maxCells = maxCells
            self.maxFieldCharacters = maxFieldCharacters
        }
    }

    public enum LimitExceeded: Error, Equatable, Sendable {
        case rows
        case cells
        /// The field that grew too long: row and column, zero-based.
        case fieldLength(row: Int, column: Int)
    }

    /// Rows of fields. A UTF-8 byte-order mark is dropped; CRLF and LF both end a row; a final
    /// empty line does not make an empty row.
    public static func parse(_ text: String, limits: Limits = Limits()) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        var fieldStarted = false
        var cells = 0
        var fieldLength = 0

        func endField() throws {
            cells += 1
            guard cells <= limits.maxCells else { throw LimitExceeded.cells }
            row.append(field)
            field = ""
            fieldLength = 0
        }
        func endRow() throws {
            try endField()
            rows.append(row)
            guard rows.count <= limits.maxRows else { throw LimitExceeded.rows }
            row = []
            fieldStarted = false
        }
        func append(_ scalar: Unicode.Scalar) throws {
            field.unicodeScalars.append(scalar)
            fieldLength += 1
            if fieldLength > limits.maxFieldCharacters { throw LimitExceeded.fieldLength(row: rows.count, column: row.count) }
        }

        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        try append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    try append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldStarted = true
            case ",":
                try endField()
                fieldStarted = true
            case "\r":
                if pending == "\n" { pending = iterator.next() }
                try endRow()
                line += 1
            case "\n":
                try endRow()
                line += 1
            default:
                try append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes { throw ParseError(line: line) }
        if fieldStarted || !field.isEmpty || !row.isEmpty { try endRow() }
        return rows
    }

    /// Rows as dictionaries keyed by the header row.
    public static func records(_ text: String) throws -> [[String: String]] {
        let rows = try parse(text)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().filter { !($0.count == 1 && $0[0].isEmpty) }.map { row in
            var record: [String: String] = [:]
            for (index, key) in header.enumerated() {
                record[key] = index < row.count ? row[index] : ""
            }
            return record
        }
    }

    /// One field, quoted when it needs to be.
    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }
}
