import Foundation
import GroundbreakDomain
@testable import GroundbreakOffice
import Testing
import ZIPFoundation

func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return Array(try Data(contentsOf: url))
}

@Suite("Reading spreadsheets other tools wrote")
struct SpreadsheetReaderTests {
    @Test("an openpyxl ledger and its LibreOffice copy read the same: merges, dates, numbers, text")
    func countyLedger() throws {
        for name in ["county-ledger.xlsx", "county-ledger-libreoffice.xlsx"] {
            let sheet = try SpreadsheetReader.read(try fixture(name))
            #expect(sheet[0, 0].text == "2026年朝阳区重大项目推进台账", "\(name)")
            #expect(sheet.merges.contains(CellRange(reference: "C3:E3")!), "\(name)")
            #expect(sheet[6, 1].text == "长春光电产业园二期", "\(name)")
            #expect(sheet[6, 5].value == .number("12.5"), "\(name)")
            #expect(sheet[7, 7].isDate, "\(name)")
            #expect(CellReading.day(sheet[7, 7]) == Day(year: 2025, month: 4, day: 1), "\(name)")
            let filled = sheet.fillingMerges()
            #expect(filled[3, 0].text == "序号" && filled[2, 3].text == "基本情况", "\(name)")
        }
        // openpyxl stores formulas without a computed value; LibreOffice computes and caches them.
        let openpyxl = try SpreadsheetReader.read(try fixture("county-ledger.xlsx"))
        #expect(openpyxl[8, 5].value == .uncachedFormula("SUM(F7:F8)"))
        let libre = try SpreadsheetReader.read(try fixture("county-ledger-libreoffice.xlsx"))
        #expect(libre[8, 5].value == .number("12.5"), "the full-width １.２ is text, which SUM skips")
    }

    @Test("csv in GB18030 and in UTF-8 with a byte-order mark")
    func csvEncodings() throws {
        let gb = try SpreadsheetReader.read(try fixture("ledger-gb18030.csv"))
        #expect(gb[1, 0].text == "项目名称" && gb[2, 0].text == "宽城区北站商务综合体")
        let utf8 = try SpreadsheetReader.read([0xEF, 0xBB, 0xBF] + Array("项目名称,属地\n甲项目,朝阳区\n".utf8))
        #expect(utf8[1, 1].text == "朝阳区")
    }

    @Test("files that are not spreadsheets, encrypted, damaged or oversized are refused with a reason")
    func refusals() throws {
        #expect(throws: SpreadsheetError.empty) { try SpreadsheetReader.read([]) }
        #expect(throws: SpreadsheetError.encryptedOrLegacy) { try SpreadsheetReader.read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600)) }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try SpreadsheetReader.read(Array("%PDF-1.7 …".utf8)) }
        #expect(throws: SpreadsheetError.notASpreadsheet) { try SpreadsheetReader.read([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]) }
        #expect(throws: SpreadsheetError.damaged("zip")) { try SpreadsheetReader.read([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 7, count: 100)) }
        var small = SpreadsheetLimits()
        small.maxFileBytes = 1000
        let county = try fixture("county-ledger.xlsx")
        #expect(throws: SpreadsheetError.tooLarge(bytes: county.count, limit: 1000)) { try SpreadsheetReader.read(county, limits: small) }
        // A zip that holds no workbook.
        #expect(throws: SpreadsheetError.notASpreadsheet) { try SpreadsheetReader.read(try zip(["hello.txt": "hi"])) }
    }

    @Test("a zip bomb stops at the inflation budget; absurd rows and columns are refused")
    func bombsAndDimensions() throws {
        let padding = String(repeating: " ", count: 3_000_000)
        let bomb = try zip(minimalParts(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>" + padding))
        #expect(bomb.count < 40_000)
        #expect(throws: SpreadsheetError.zipBomb(part: "xl/worksheets/sheet1.xml")) { try SpreadsheetReader.read(bomb) }
        var limits = SpreadsheetLimits()
        limits.maxPartBytes = 100_000
        #expect(throws: SpreadsheetError.zipBomb(part: "xl/worksheets/sheet1.xml")) {
            try SpreadsheetReader.read(try zip(minimalParts(sheetData: String(repeating: "<row/>", count: 50_000))), limits: limits)
        }
        let farRow = try zip(minimalParts(sheetData: "<row r=\"200000\"><c r=\"A200000\"><v>1</v></c></row>"))
        #expect(throws: SpreadsheetError.tooManyRows(limit: 100_000)) { try SpreadsheetReader.read(farRow) }
        let farColumn = try zip(minimalParts(sheetData: "<row r=\"1\"><c r=\"ZZ1\"><v>1</v></c></row>"))
        #expect(throws: SpreadsheetError.tooManyColumns(limit: 200)) { try SpreadsheetReader.read(farColumn) }
        // A sheet styled down to the last row costs nothing: style-only cells are not values.
        let styled = try zip(minimalParts(sheetData: "<row r=\"1\"><c r=\"A1\"><v>5</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row>"))
        #expect(try SpreadsheetReader.read(styled).rows.count == 1)
    }

    @Test("dates and amounts as people type them")
    func cellReading() throws {
        func text(_ value: String) -> SheetCell { SheetCell(.text(value)) }
        #expect(CellReading.day(text("2024.3")) == Day(year: 2024, month: 3, day: 1))
        #expect(CellReading.day(text("2024年3月")) == Day(year: 2024, month: 3, day: 1))
        #expect(CellReading.day(text("２０２４年３月１５日")) == Day(year: 2024, month: 3, day: 15))
        #expect(CellReading.day(SheetCell(.number("45383"))) == Day(year: 2024, month: 4, day: 1))
        #expect(CellReading.day(SheetCell(.number("2024.3"))) == Day(year: 2024, month: 3, day: 1))
        #expect(CellReading.day(text("明年春天")) == nil)
        #expect(CellReading.serial(of: Day(year: 2024, month: 4, day: 1)!) == 45383)
        #expect(CellReading.month(text("2026年10月")) == Month(year: 2026, month: 10))
        #expect(["2026年10月份", "2026/10", "2026-10", "2026年1月", "2026.1"].map { CellReading.month(text($0)) }
                == [Month(year: 2026, month: 10), Month(year: 2026, month: 10), Month(year: 2026, month: 10), Month(year: 2026, month: 1), Month(year: 2026, month: 1)])
        #expect(["2026年份10", "2026年10日", "2026--10", "20261", "2026年13月"].map { CellReading.month(text($0)) } == [nil, nil, nil, nil, nil])
        #expect(try CellReading.money(SheetCell(.number("12.5")), unit: .yi).get() == Money.wan(125_000))
        #expect(try CellReading.money(SheetCell(.number("0.30000000000000004")), unit: .wan).get() == Money(yuan: 3_000))
        #expect(try CellReading.money(text("3500万元"), unit: .yi).get() == Money.wan(3_500))
        #expect(try CellReading.money(text("１.２亿"), unit: .wan).get() == Money.wan(12_000))
        #expect((try? CellReading.money(text("约两千万"), unit: .wan).get()) == nil)
        #expect(CellReading.month(text("202610")) == Month(year: 2026, month: 10) && CellReading.month(text("2026.9")) == Month(year: 2026, month: 9))
        #expect(CellReading.month(SheetCell(.number("46296"), isDate: true)) == Month(year: 2026, month: 10))
        #expect([text("45"), text("45%"), text("４５％"), SheetCell(.number("0.45")), text("44.6")].map(CellReading.percent) == [45, 45, 45, 45, 45])
        #expect([text("120"), text("-3"), text("过半")].map(CellReading.percent) == [nil, nil, nil])
        #expect([text("1,200"), SheetCell(.number("35")), text("3.5"), text("-1")].map(CellReading.count) == [1200, 35, nil, nil])
    }

    @Test("names people type resolve through indexes built once: city prefix, retired codes, short names, shared seat names")
    func nameLookup() throws {
        let catalog = smallCatalog
        let names = NameLookup(catalog: catalog, columns: try ColumnCatalog.shipped())
        #expect(names.region("长春市朝阳区", catalog: catalog) == "220104" && names.region("朝阳区", catalog: catalog) == "220104")
        #expect(names.region("220381", catalog: catalog) == "220184", "a retired code is followed to the code in use")
        #expect(names.region("吉林省", catalog: catalog) == nil)
        #expect(names.division("C36", catalog: catalog) == "36" && names.division("36汽车制造业", catalog: catalog) == "36")
        #expect(names.division("36 纺织业", catalog: catalog) == nil)
        #expect(names.stages["在建"] == "construction" && names.investmentTypes["企业投资"] == "enterprise")
        #expect(names.seat("王某（副市长）", duty: .sponsor) == 1 && names.seat("副市长", duty: .sponsor) == nil, "two seats are titled 副市长")
        #expect(names.seat("王某", duty: .sponsor) == 1 && names.seat("王某", duty: .secretary) == nil)
    }

    /// Regions with a retired code, one division, two sponsor seats sharing a title.
    var smallCatalog: ReferenceCatalog {
        let source = Validity(source: "t")
        return ReferenceCatalog(
            regions: [
                Region(code: "220000", name: "吉林省", kind: .province, parentCode: nil, aliasOf: nil, sort: 1, validity: source),
                Region(code: "220100", name: "长春市", kind: .city, parentCode: "220000", aliasOf: nil, sort: 2, validity: source),
                Region(code: "220104", name: "朝阳区", kind: .district, parentCode: "220100", aliasOf: nil, sort: 3, validity: source),
                Region(code: "220184", name: "公主岭市", kind: .countyCity, parentCode: "220100", aliasOf: nil, sort: 4, validity: source),
                Region(code: "220381", name: "公主岭市(旧)", kind: .countyCity, parentCode: "220100", aliasOf: "220184", sort: 5, validity: source),
            ],
            zones: [], departments: [], categories: [],
            sections: [IndustrySection(code: "C", name: "制造业", validity: source)],
            divisions: [IndustryDivision(code: "36", sectionCode: "C", name: "汽车制造业", validity: source)],
            sizeBands: [], tags: [],
            positions: [
                Position(id: 1, title: "副市长", unitName: "市政府", duty: .sponsor, holderName: "王某"),
                Position(id: 3, title: "副市长", unitName: "市政府", duty: .sponsor, holderName: "赵某"),
                Position(id: 2, title: "项目秘书", unitName: "市工信局", duty: .secretary, holderName: "李某"),
            ]
        )
    }

    func minimalParts(sheetData: String) -> [String: String] {
        [
            "xl/workbook.xml": "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData>\(sheetData)</sheetData></worksheet>",
        ]
    }
}

func zip(_ parts: [String: String]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return Array(try #require(archive.data))
}
