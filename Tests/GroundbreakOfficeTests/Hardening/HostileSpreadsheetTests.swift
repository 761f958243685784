import Foundation
import GroundbreakDomain
@testable import GroundbreakOffice
import Testing

/// Files built to cost the server its memory or its time (issue 12): each is refused at the
/// first limit it crosses, not after being read whole.
@Suite("Hostile spreadsheets")
struct HostileSpreadsheetTests {
    @Test("a csv of newlines stops at the row limit instead of filling memory")
    func newlineFlood() throws {
        let flood = [UInt8](repeating: UInt8(ascii: "\n"), count: 3_000_000)
        #expect(throws: SpreadsheetError.tooManyRows(limit: 100_000)) { try SpreadsheetReader.read(flood) }
        var limits = SpreadsheetLimits()
        limits.maxCells = 1_000
        let wide = Array((String(repeating: "a,", count: 600) + "a\n").utf8) + Array((String(repeating: "b,", count: 600) + "b\n").utf8)
        #expect(throws: SpreadsheetError.tooManyCells(limit: 1_000)) { try SpreadsheetReader.read(wide, limits: limits) }
        let longField = Array(("\"" + String(repeating: "长", count: 40_000) + "\"\n").utf8)
        #expect(throws: SpreadsheetError.cellTooLong(reference: "A1", limit: 32_767)) { try SpreadsheetReader.read(longField) }
    }

    @Test("an xlsx of repeated cells inside the inflation limits stops at the cell limit")
    func repeatedCells() throws {
        var limits = SpreadsheetLimits()
        limits.maxCells = 5_000
        let rows = (1...1_000).map { row in "<row r=\"\(row)\">" + (0..<10).map { "<c r=\"\(CellPosition.columnName($0))\(row)\"><v>1</v></c>" }.joined() + "</row>" }
        let file = try zip(SpreadsheetReaderTests().minimalParts(sheetData: rows.joined()))
        #expect(throws: SpreadsheetError.tooManyCells(limit: 5_000)) { try SpreadsheetReader.read(file, limits: limits) }
        #expect(try SpreadsheetReader.read(file).rows.count == 1_000, "the shipped limit takes a real ledger's size")
    }

    @Test("the shipped limits are those of real ledgers: a few MB, not tens")
    func shippedLimits() {
        let limits = SpreadsheetLimits()
        #expect(limits.maxFileBytes <= 10 * 1024 * 1024)
        #expect(limits.maxPartBytes <= 64 * 1024 * 1024)
        #expect(limits.maxCells <= 2_000_000)
    }

    @Test("control characters in cells are dropped on reading; line breaks stay")
    func controlsInCells() throws {
        let csv = Array("项目名称,建设内容\n新建\u{1}厂房\u{202E}项目,\"一、厂房\n二、设备\"\n".utf8)
        let sheet = try SpreadsheetReader.read(csv)
        #expect(sheet.rows[1][0].text == "新建厂房项目")
        #expect(sheet.rows[1][1].text == "一、厂房\n二、设备")
        let file = try zip(SpreadsheetReaderTests().minimalParts(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名_x0007_称_x000D_\n_x005F_x0041_</t></is></c></row>"))
        #expect(try SpreadsheetReader.read(file).rows[0][0].text == "名称\r\n_x0041_", "escapes decoded, the bell dropped, a literal _x kept")
    }
}
