import Foundation

/// The fixed XML of our workbooks: styles, the package's wiring, a sheet's head and tail.
enum XLSXTemplates {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func column(_ index: Int) -> String { CellPosition.columnName(index) }

    /// Text safe inside an element or attribute; characters XML 1.0 forbids are dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func sheetHead(_ layout: XLSXLayout) -> String {
        let topLeft = column(layout.frozenColumns) + String(layout.frozenRows + 1)
        let pane = layout.frozenColumns > 0
            ? "<pane xSplit=\"\(layout.frozenColumns)\" ySplit=\"\(layout.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomRight\" state=\"frozen\"/><selection pane=\"bottomRight\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
            : "<pane ySplit=\"\(layout.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        let columns = layout.columnWidths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined()
        return declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<sheetViews><sheetView workbookViewId=\"0\">\(pane)</sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>\(columns)</cols><sheetData>"
    }

    static func sheetTail(_ layout: XLSXLayout, filterThrough: Int) -> String {
        let lastColumn = column(max(layout.columnWidths.count - 1, 0))
        var xml = "</sheetData>"
        if let filterRow = layout.filterRow { xml += "<autoFilter ref=\"A\(filterRow):\(lastColumn)\(max(filterThrough, filterRow))\"/>" }
        if !layout.merges.isEmpty {
            xml += "<mergeCells count=\"\(layout.merges.count)\">" + layout.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        xml += "<printOptions horizontalCentered=\"1\"/>"
        xml += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    static func packageOrder(_ lhs: String, _ rhs: String) -> Bool {
        (lhs == "[Content_Types].xml" ? "" : lhs) < (rhs == "[Content_Types].xml" ? "" : rhs)
    }

    static func packageParts(layout: XLSXLayout, title: String, created: Date, filterThrough: Int) -> [(String, String)] {
        let sheetName = escaped(String(layout.sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(31)))
        let quoted = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
        let lastColumn = column(max(layout.columnWidths.count - 1, 0))
        var names = "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">\(quoted)!$\(layout.printTitleRows.lowerBound):$\(layout.printTitleRows.upperBound)</definedName>"
        if let filterRow = layout.filterRow {
            names = "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">\(quoted)!$A$\(filterRow):$\(lastColumn)$\(max(filterThrough, filterRow))</definedName>" + names
        }
        let stamp = ISO8601DateFormatter().string(from: created)
        return [
            ("[Content_Types].xml", declaration + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
                <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
                </Types>
                """),
            ("_rels/.rels", declaration + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                <Relationship Id="rId3" Type="\(relationships)/extended-properties" Target="docProps/app.xml"/>\
                </Relationships>
                """),
            ("docProps/core.xml", declaration + """
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(escaped(title))</dc:title><dc:creator>Groundbreak</dc:creator>\
                <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created></cp:coreProperties>
                """),
            ("docProps/app.xml", declaration + """
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Groundbreak</Application></Properties>
                """),
            ("xl/workbook.xml", declaration + """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><bookViews><workbookView/></bookViews>\
                <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets><definedNames>\(names)</definedNames></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", declaration + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", styles),
        ]
    }

    /// Indexes of `cellXfs` are `XLSXStyle`'s raw values.
    static let styles = declaration + """
        <styleSheet xmlns="\(main)">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>\
        <fonts count="4">\
        <font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
        <font><b/><sz val="16"/><name val="黑体"/><family val="3"/><charset val="134"/></font>\
        <font><b/><sz val="11"/><name val="黑体"/><family val="3"/><charset val="134"/></font>\
        <font><sz val="10"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
        </fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>\
        <top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="12">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="164" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
