import Foundation
import ZIPFoundation

/// A Word document in the plain layout of government papers: paragraphs of text, centred or
/// flush, with a size and a Chinese typeface. Enough for letters and minutes; not a general
/// word processor.
public struct DocxDocument: Sendable {
    public struct Paragraph: Sendable, Equatable {
        public enum Alignment: String, Sendable { case left, center, right, both }

        public var text: String
        public var alignment: Alignment
        public var bold: Bool
        /// Points (Word stores half-points): 二号 22, 三号 16, 四号 14.
        public var size: Double
        public var font: String
        /// First-line indent in characters (正文 indents two).
        public var indentChars: Int
        public var spaceAfterLines: Double
        /// Text colour as hex (`FF0000` for a 版头 in red); nil is automatic.
        public var colour: String?
        /// A rule under the paragraph in this colour (GB/T 9704's red separator line).
        public var ruleBelow: String?

        public init(_ text: String, alignment: Alignment = .both, bold: Bool = false, size: Double = 16, font: String = DocxDocument.bodyFont,
                    indentChars: Int = 0, spaceAfterLines: Double = 0, colour: String? = nil, ruleBelow: String? = nil) {
            self.text = text
            self.alignment = alignment
            self.bold = bold
            self.size = size
            self.font = font
            self.indentChars = indentChars
            self.spaceAfterLines = spaceAfterLines
            self.colour = colour
            self.ruleBelow = ruleBelow
        }
    }

    /// A table with a header row repeated on every page, in 五号 body type with single borders.
    public struct Table: Sendable, Equatable {
        public var columns: [String]
        public var rows: [[String]]
        public var size: Double

        public init(columns: [String], rows: [[String]], size: Double = 10.5) {
            self.columns = columns
            self.rows = rows
            self.size = size
        }
    }

    public enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table(Table)
    }

    public static let titleFont = "方正小标宋简体"
    public static let bodyFont = "仿宋_GB2312"
    public static let headingFont = "黑体"

    public var blocks: [Block]
    public var title: String

    public init(title: String, paragraphs: [Paragraph] = []) {
        self.title = title
        self.blocks = paragraphs.map(Block.paragraph)
    }

    public init(title: String, blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }

    /// The .docx file's bytes.
    public func data(created: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(created: created) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    func parts(created: Date) -> [(String, String)] {
        let stamp = ISO8601DateFormatter().string(from: created)
        return [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
                """),
            ("docProps/core.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(Self.escape(title))</dc:title><dc:creator>Groundbreak</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created></cp:coreProperties>
                """),
            ("word/document.xml", document),
        ]
    }

    /// A4 with the margins of GB/T 9704 (党政机关公文格式): 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
    var document: String {
        let body = blocks.map { block in
            switch block {
            case .paragraph(let paragraph): Self.xml(paragraph)
            case .table(let table): Self.xml(table)
            }
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }

    /// The width the text may fill between GB/T 9704's margins, in twentieths of a point.
    static let textWidth = 11906 - 1588 - 1474

    static func xml(_ paragraph: Paragraph) -> String {
        let halfPoints = Int((paragraph.size * 2).rounded())
        let indent = paragraph.indentChars > 0 ? "<w:ind w:firstLineChars=\"\(paragraph.indentChars * 100)\"/>" : ""
        let spacing = paragraph.spaceAfterLines > 0 ? "<w:spacing w:afterLines=\"\(Int(paragraph.spaceAfterLines * 100))\"/>" : ""
        let border = paragraph.ruleBelow.map { "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"\(escape($0))\"/></w:pBdr>" } ?? ""
        let font = escape(paragraph.font)
        let colour = paragraph.colour.map { "<w:color w:val=\"\(escape($0))\"/>" } ?? ""
        let runProperties = "<w:rPr><w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:eastAsia=\"\(font)\"/>\(paragraph.bold ? "<w:b/>" : "")\(colour)<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/></w:rPr>"
        let runs = paragraph.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index > 0 ? "<w:r>\(runProperties)<w:br/></w:r>" : "") + "<w:r>\(runProperties)<w:t xml:space=\"preserve\">\(escape(String(line)))</w:t></w:r>"
        }.joined()
        // The schema's order inside pPr: borders, spacing, indent, alignment.
        return "<w:p><w:pPr>\(border)\(spacing)\(indent)<w:jc w:val=\"\(paragraph.alignment.rawValue)\"/></w:pPr>\(runs)</w:p>"
    }

    /// Columns as wide as their longest text (within limits), filling the text width.
    static func xml(_ table: Table) -> String {
        let count = max(table.columns.count, 1)
        let weights = (0..<count).map { column in
            Double(min(24, max(2, ([table.columns] + table.rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 2)))
        }
        let total = weights.reduce(0, +)
        let widths = weights.map { Int(Double(textWidth) * $0 / total) }
        let line = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(line)/>" }.joined()
        func cell(_ text: String, width: Int, header: Bool) -> String {
            let paragraph = Paragraph(text, alignment: header ? .center : .left, bold: header, size: table.size, font: header ? headingFont : bodyFont)
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>\(xml(paragraph))</w:tc>"
        }
        func row(_ cells: [String], header: Bool) -> String {
            let padded = (0..<count).map { cells.indices.contains($0) ? cells[$0] : "" }
            return "<w:tr>\(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")\(zip(padded, widths).map { cell($0, width: $1, header: header) }.joined())</w:tr>"
        }
        return "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>\(borders)</w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>\(widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined())</w:tblGrid>"
            + row(table.columns, header: true) + table.rows.map { row($0, header: false) }.joined() + "</w:tbl>"
    }

    /// XML text: the five special characters escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
