import Foundation
import GroundbreakDomain
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX readers for the few parts of an xlsx package we need. External entities are never
/// resolved (the default), so a crafted file cannot read the server's disk.
enum XLSXParts {
    /// Runs `delegate` over `data`; a delegate's own refusal wins over the parser's complaint.
    /// Fed as a stream: given all at once, libxml2 gives up on parts past about 10 MB, which a
    /// sheet of 10,000 rows already is.
    static func parse<D: XMLParserDelegate & PartReader>(_ data: Data, with delegate: D, part: String) throws {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !ok { throw SpreadsheetError.damaged(part) }
    }

    /// The workbook's sheets in tab order, by relationship id.
    final class Workbook: NSObject, XMLParserDelegate, PartReader {
        var sheets: [(name: String, relationship: String)] = []
        var failure: SpreadsheetError?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard local(name) == "sheet" else { return }
            let relationship = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", relationship))
        }
    }

    final class Relationships: NSObject, XMLParserDelegate, PartReader {
        var targets: [String: String] = [:]
        var failure: SpreadsheetError?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            targets[id] = target
        }
    }

    /// The shared string table; rich text runs joined, phonetic guides left out.
    final class SharedStrings: NSObject, XMLParserDelegate, PartReader {
        var strings: [String] = []
        var failure: SpreadsheetError?
        let limits: SpreadsheetLimits
        private var current = ""
        private var inText = false
        private var inPhonetic = false

        init(limits: SpreadsheetLimits) { self.limits = limits }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch local(name) {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch local(name) {
            case "t": inText = false
            case "rPh": inPhonetic = false
            case "si":
                strings.append(current)
                if strings.count > limits.maxSharedStrings {
                    failure = .tooManySharedStrings(limit: limits.maxSharedStrings)
                    parser.abortParsing()
                }
            default: break
            }
        }
    }

    /// Which cell styles show dates: `cellXfs` by index, looked up through their number format.
    final class Styles: NSObject, XMLParserDelegate, PartReader {
        var dateStyles: [Bool] = []
        var failure: SpreadsheetError?
        private var customFormats: [Int: String] = [:]
        private var inCellFormats = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch local(name) {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                dateStyles.append(Self.isDateFormat(id: id, code: customFormats[id]))
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if local(name) == "cellXfs" { inCellFormats = false }
        }

        /// Built-in date formats (including the CJK ones, 27–36 and 50–58), or a custom code that
        /// shows years, months or days once quoted text and bracketed colours are set aside.
        static func isDateFormat(id: Int, code: String?) -> Bool {
            if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
            guard let code, id >= 164 else { return false }
            var visible = ""
            var quoted = false
            var bracketed = false
            var escaped = false
            for character in code {
                if escaped { escaped = false; continue }
                switch character {
                case "\"": quoted.toggle()
                case "[" where !quoted: bracketed = true
                case "]" where !quoted: bracketed = false
                case "\\" where !quoted: escaped = true
                default: if !quoted && !bracketed { visible.append(character) }
                }
            }
            return visible.lowercased().contains { "ymd".contains($0) }
        }
    }

    /// One worksheet's cells and merged ranges. Cells without a value (only a style) are skipped,
    /// so a sheet formatted down to row 1,048,576 costs nothing.
    final class Worksheet: NSObject, XMLParserDelegate, PartReader {
        var cells: [(CellPosition, SheetCell)] = []
        var merges: [CellRange] = []
        var failure: SpreadsheetError?
        let limits: SpreadsheetLimits
        let sharedStrings: [String]
        let dateStyles: [Bool]

        private var nextRow = 0
        private var nextColumn = 0
        private var position = CellPosition(row: 0, column: 0)
        private var type = ""
        private var style = 0
        private var value = ""
        private var formula = ""
        private var hasValue = false
        private var hasFormula = false
        private var collecting: Collecting = .nothing

        private enum Collecting { case nothing, value, formula, inlineText }

        init(limits: SpreadsheetLimits, sharedStrings: [String], dateStyles: [Bool]) {
            self.limits = limits
            self.sharedStrings = sharedStrings
            self.dateStyles = dateStyles
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch local(name) {
            case "row":
                if let number = attributes["r"].flatMap(Int.init), number >= 1 { nextRow = number - 1 }
                nextColumn = 0
            case "c":
                position = attributes["r"].flatMap(CellPosition.init(reference:)) ?? CellPosition(row: nextRow, column: nextColumn)
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                formula = ""
                hasValue = false
                hasFormula = false
            case "v":
                collecting = .value
                hasValue = true
            case "f":
                collecting = .formula
                hasFormula = true
            case "t" where type == "inlineStr":
                collecting = .inlineText
                hasValue = true
            case "mergeCell":
                if let range = attributes["ref"].flatMap(CellRange.init(reference:)) { merges.append(range) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            switch collecting {
            case .value, .inlineText: value += string
            case .formula: formula += string
            case .nothing: break
            }
            if value.utf16.count > limits.maxCellCharacters * 2 {
                failure = .cellTooLong(reference: position.reference, limit: limits.maxCellCharacters)
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch local(name) {
            case "v", "f", "t": collecting = .nothing
            case "c":
                nextColumn = position.column + 1
                nextRow = position.row
                if let cell = finishedCell() { record(cell, parser: parser) }
            case "row": nextRow += 1
            default: break
            }
        }

        private func finishedCell() -> SheetCell? {
            if hasFormula && (!hasValue || (value.isEmpty && type != "str")) { return SheetCell(.uncachedFormula(formula)) }
            guard hasValue else { return nil }
            switch type {
            case "s":
                guard let index = Int(value), sharedStrings.indices.contains(index) else { return SheetCell(.error("#STRING?")) }
                return SheetCell(.text(sharedStrings[index]))
            case "inlineStr", "str", "d": return SheetCell(.text(value))
            case "b": return SheetCell(.boolean(value == "1"))
            case "e": return SheetCell(.error(value))
            default:
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                return SheetCell(.number(trimmed), isDate: dateStyles.indices.contains(style) && dateStyles[style])
            }
        }

        private func record(_ cell: SheetCell, parser: XMLParser) {
            if position.row >= limits.maxRows {
                failure = .tooManyRows(limit: limits.maxRows)
                parser.abortParsing()
            } else if position.column >= limits.maxColumns {
                failure = .tooManyColumns(limit: limits.maxColumns)
                parser.abortParsing()
            } else if case .text(let text) = cell.value, text.count > limits.maxCellCharacters {
                failure = .cellTooLong(reference: position.reference, limit: limits.maxCellCharacters)
                parser.abortParsing()
            } else if cells.count >= limits.maxCells {
                failure = .tooManyCells(limit: limits.maxCells)
                parser.abortParsing()
            } else if case .text(let text) = cell.value, text.contains("_x") || TextNormalizer.hasForbiddenControls(text) {
                cells.append((position, SheetCell(.text(TextNormalizer.removingForbiddenControls(XLSXText.unescaped(text))), isDate: cell.isDate)))
            } else {
                cells.append((position, cell))
            }
        }
    }
}

protocol PartReader: AnyObject {
    var failure: SpreadsheetError? { get }
}

/// The element name without its namespace prefix (`x:row` → `row`).
private func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}

/// Text as OOXML stores it: characters XML cannot carry are written `_xHHHH_` (Excel writes a
/// carriage return in a cell as `_x000D_`, a NUL as `_x0000_`), and a literal `_x` is escaped as
/// `_x005F_x`.
enum XLSXText {
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
