import Foundation
import GroundbreakDomain
@testable import GroundbreakOffice
import GroundbreakTestSupport
import Testing

/// 重点项目推进情况表: grouped with subtotals, read back by openpyxl and by LibreOffice.
@Suite("Progress workbook")
struct ProgressWorkbookTests {
    static func table(_ grouping: ProgressTable.Grouping) -> ProgressTable {
        let lines = [
            ProgressTable.Line(projectId: 1, name: "光电产业园二期", regionCode: "220104", className: "先进制造业", total: .wan(125_000), plan: .wan(30_000),
                               month: .wan(2_500), cumulative: .wan(24_600), progressText: "主体结构施工", problems: ["外电源接入滞后"]),
            ProgressTable.Line(projectId: 2, name: "老旧小区改造", regionCode: "220104", className: "棚户区改造", total: .wan(12_000), plan: .wan(8_000),
                               month: nil, cumulative: .wan(3_000), progressText: "", problems: []),
            ProgressTable.Line(projectId: 3, name: "东站物流中心", regionCode: "220105", className: nil, total: .wan(3_500), plan: nil,
                               month: .wan(100), cumulative: .wan(100), progressText: "场地平整", problems: ["用地", "环评"]),
        ]
        return ProgressTable.build(lines, grouping: grouping, regionName: { ["220104": "朝阳区", "220105": "二道区"][$0] ?? $0 },
                                   regionOrder: ["220105", "220104"], classOrder: ["先进制造业", "棚户区改造"], bands: [.yi(1), .yi(10)],
                                   belowBands: "其他", noClass: "未分类")
    }

    @Test("groups by region in the catalogue's order, by class then the unclassed, by size band largest first; totals and shares computed once")
    func grouping() {
        let byRegion = Self.table(.region)
        #expect(byRegion.groups.map(\.title) == ["二道区", "朝阳区"])
        #expect(byRegion.groups[1].totals.cumulative == .wan(27_600) && byRegion.groups[1].totals.plan == .wan(38_000))
        #expect(byRegion.totals.count == 3 && byRegion.totals.month == .wan(2_600) && byRegion.totals.plan == .wan(38_000))
        #expect(abs((byRegion.totals.percentOfPlan ?? 0) - 27_700.0 / 38_000 * 100) < 1e-9)
        #expect(byRegion.groups[0].lines[0].percentOfPlan == nil, "no plan, no share")
        #expect(Self.table(.scheme).groups.map(\.title) == ["先进制造业", "棚户区改造", "未分类"])
        #expect(Self.table(.band).groups.map(\.title) == ["10亿元以上", "亿元以上", "其他"])
    }

    func write(_ grouping: ProgressTable.Grouping) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gb-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("progress.xlsx")
        try ProgressWorkbook(title: OfficeText.Progress.title("长春市", 2026, 10), unitLine: OfficeText.Progress.unitLine(2026, 10, "按属地分组"),
                             schemeName: "产业类别", table: Self.table(grouping), month: 10)
            .write(to: file, created: Date(timeIntervalSince1970: 1_790_000_000), regionName: { ["220104": "朝阳区", "220105": "二道区"][$0] ?? $0 })
        return file
    }

    @Test("our reader and openpyxl read the title, the groups, the subtotals and the 合计")
    func readBack() throws {
        let file = try write(.region)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let sheet = try SpreadsheetReader.read(Array(try Data(contentsOf: file)))
        #expect(sheet[0, 0].text == "长春市2026年重点项目推进情况表（1—10月）")
        #expect(sheet[2, 7].text == "1—10月累计完成（万元）" && sheet[2, 3].text == "产业类别")
        #expect(sheet[3, 0].text == "一、二道区（1个）" && sheet[6, 0].text == "二、朝阳区（2个）")
        #expect(sheet[9, 0].text == "小计" && sheet[9, 7].text == "27600" && sheet[9, 5].text == "38000")
        #expect(sheet[10, 0].text == "合计（3 个项目）" && sheet[10, 6].text == "2600" && sheet[10, 8].text == "72.89")
        guard IndependentReaderTests.tool(["/usr/bin/env", "python3", "-c", "import openpyxl"]) else {
            if IndependentReaderTests.required { Issue.record("openpyxl is required here") }
            return
        }
        let script = """
        import openpyxl, sys, json
        ws = openpyxl.load_workbook(sys.argv[1]).active
        print(json.dumps({"title": ws["A1"].value, "group": ws["A4"].value, "subtotal": ws["H10"].value, "total": ws["H11"].value, "share": ws["I11"].value,
          "merged": sorted(str(r) for r in ws.merged_cells.ranges), "problems": ws["K5"].value, "freeze": ws.freeze_panes}, ensure_ascii=False))
        """
        let output = try ChildProcess.run(["/usr/bin/env", "python3", "-c", script, file.path])
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(fields["title"] as? String == "长春市2026年重点项目推进情况表（1—10月）" && fields["group"] as? String == "一、二道区（1个）")
        #expect(fields["subtotal"] as? Double == 27_600 && fields["total"] as? Double == 27_700 && fields["share"] as? Double == 72.89)
        #expect((fields["merged"] as? [String])?.contains("A4:K4") == true && fields["freeze"] as? String == "C4")
        #expect(fields["problems"] as? String == "用地；环评")
    }

    @Test("LibreOffice converts the table with the same figures")
    func libreOffice() throws {
        guard IndependentReaderTests.tool(["/usr/bin/env", "soffice", "--version"]) else {
            if IndependentReaderTests.required { Issue.record("LibreOffice (soffice) is required here") }
            return
        }
        let file = try write(.band)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let out = file.deletingLastPathComponent().appendingPathComponent("csv")
        try ChildProcess.run(["/usr/bin/env", "soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.path, file.path],
                             environment: ["HOME": out.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        let rows = try CSV.parse(try String(contentsOf: out.appendingPathComponent("progress.csv"), encoding: .utf8))
        #expect(rows[3][0] == "一、10亿元以上（1个）" && rows[4][1] == "光电产业园二期")
        let total = try #require(rows.first { $0.first == "合计（3 个项目）" })
        #expect(total[7].replacingOccurrences(of: ",", with: "") == "27700.00" || total[7].replacingOccurrences(of: ",", with: "") == "27700")
    }
}
