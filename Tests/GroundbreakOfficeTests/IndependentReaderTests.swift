import Foundation
import GroundbreakDomain
@testable import GroundbreakOffice
import GroundbreakTestSupport
import Testing

/// Our workbooks opened by tools that are not ours: openpyxl reads the cells, merges, panes,
/// print setup and number formats; LibreOffice converts the file. Required in CI
/// (GROUNDBREAK_REQUIRE_OFFICE_TOOLS=1), skipped elsewhere when the tools are missing.
@Suite("Exported workbooks in other readers")
struct IndependentReaderTests {
    static let required = ProcessInfo.processInfo.environment["GROUNDBREAK_REQUIRE_OFFICE_TOOLS"] == "1"

    static func tool(_ check: [String]) -> Bool {
        (try? ChildProcess.run(check)) != nil
    }

    func workbook(rows: Int) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gb-office-\(UUID().uuidString)")
        let writer = try LedgerWorkbookWriter(directory: directory.appendingPathComponent("parts"), title: "2026年重大项目台账", subtitle: "单位：万元")
        for number in 1...rows {
            var values = Array(repeating: LedgerExport.Value.text(""), count: LedgerExport.columns.count)
            values[0] = .integer(number)
            values[1] = .text("项目 <\(number)> & “测试”")
            values[LedgerExport.amountColumn] = .amount(Money(yuan: Int64(number) * 12_345_678))
            values[16] = .date(Day(year: 2026, month: 3, day: 15))
            try writer.append(values)
        }
        let file = directory.appendingPathComponent("ledger.xlsx")
        try writer.finish(to: file, created: Date(timeIntervalSince1970: 1_790_000_000))
        return file
    }

    @Test("openpyxl reads values, merges, frozen panes, print titles, landscape fit-to-width and the cached total")
    func openpyxl() throws {
        guard Self.tool(["/usr/bin/env", "python3", "-c", "import openpyxl"]) else {
            if Self.required { Issue.record("openpyxl is required here") }
            return
        }
        let file = try workbook(rows: 3)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let script = """
        import openpyxl, sys, json
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.active
        print(json.dumps({"title": ws["A1"].value, "header": ws["B3"].value, "header2": ws["C4"].value, "name": ws["B5"].value, "amount": ws["O5"].value,
          "format": ws["O5"].number_format, "date": str(ws["Q5"].value), "merged": sorted(str(r) for r in ws.merged_cells.ranges),
          "freeze": ws.freeze_panes, "titles": ws.print_title_rows, "orientation": ws.page_setup.orientation,
          "fitWidth": ws.page_setup.fitToWidth, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage, "total": ws["O8"].value}, ensure_ascii=False))
        wb2 = openpyxl.load_workbook(sys.argv[1], data_only=True)
        print(wb2.active["O8"].value)
        """
        let output = try ChildProcess.run(["/usr/bin/env", "python3", "-c", script, file.path]).split(separator: "\n")
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(output[0].utf8)) as? [String: Any])
        #expect(fields["title"] as? String == "2026年重大项目台账")
        #expect(fields["header"] as? String == "项目名称" && fields["header2"] as? String == "投资项目统一代码")
        #expect(fields["name"] as? String == "项目 <1> & “测试”")
        #expect(fields["amount"] as? Double == 1234.5678 && fields["format"] as? String == "#,##0.00")
        #expect(fields["date"] as? String == "2026-03-15 00:00:00")
        #expect((fields["merged"] as? [String])?.contains("C3:L3") == true && (fields["merged"] as? [String])?.contains("A3:A4") == true)
        #expect(fields["freeze"] as? String == "C5" && (fields["titles"] as? String)?.replacingOccurrences(of: "$", with: "") == "3:4")
        #expect(fields["orientation"] as? String == "landscape" && fields["fitWidth"] as? Int == 1 && fields["fitToPage"] as? Bool == true)
        #expect(fields["total"] as? String == "=SUBTOTAL(9,O5:O7)")
        #expect(output[1] == "7407.4068", "the cached total: 1234.5678 × (1 + 2 + 3)")
    }

    @Test("LibreOffice opens the workbook and converts it to csv with the same figures")
    func libreOffice() throws {
        guard Self.tool(["/usr/bin/env", "soffice", "--version"]) else {
            if Self.required { Issue.record("LibreOffice (soffice) is required here") }
            return
        }
        let file = try workbook(rows: 5)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let out = file.deletingLastPathComponent().appendingPathComponent("csv")
        try ChildProcess.run(["/usr/bin/env", "soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.path, file.path],
                             environment: ["HOME": out.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        let text = try String(contentsOf: out.appendingPathComponent("ledger.csv"), encoding: .utf8)
        let rows = try CSV.parse(text)
        #expect(rows[0][0] == "2026年重大项目台账")
        #expect(rows[4][1] == "项目 <1> & “测试”")
        #expect(rows[9][0] == "合计（5 个项目）")
        #expect(rows[9][14].replacingOccurrences(of: ",", with: "") == "18518.52", "the total recomputed by LibreOffice: 1234.5678 × 15")
    }
}
