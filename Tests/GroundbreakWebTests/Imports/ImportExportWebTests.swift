import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A fixture shaped like a county's own ledger, made by openpyxl (see scripts/make-import-fixtures.py).
func officeFixture(_ name: String) throws -> [UInt8] {
    let url = packageRoot().appendingPathComponent("Tests/GroundbreakOfficeTests/Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

/// The value of a hidden form field on a page.
func hiddenField(_ name: String, in html: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}

@Suite("Ledger import and export", .serialized)
struct ImportExportWebTests {
    @Test("export xlsx and csv, import them back: every row matched, nothing changes", arguments: allEngines)
    func roundTrip(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let total = try await fixture.services.projects.count()
            let xlsx = try await client.send(.get, "/projects.xlsx", as: fixture)
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let workbook = Array(xlsx.body.readableBytesView)
            let scratch = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("groundbreak-export-") }
            #expect(scratch.isEmpty, "the scratch workbook is unlinked once open: \(scratch)")
            let sheet = try SpreadsheetReader.read(workbook)
            #expect(sheet[0, 0].text == "2026年重大项目台账")
            #expect(sheet[3, 1].text == "项目名称" && sheet[2, 2].text == "基本情况")
            #expect(sheet.rows.count == 4 + total + 1)
            #expect(sheet.rows.last?.first?.text == "合计（\(total) 个项目）")

            for (name, bytes) in [("ledger.xlsx", workbook), ("ledger.csv", Array(try await client.send(.get, "/projects.csv", as: fixture).body.readableBytesView))] {
                let preview = try await client.sendImage("/api/v1/imports/projects?fileName=\(name)", as: fixture, bytes: bytes, contentType: "application/octet-stream")
                #expect(preview.status == .ok, "\(name): \(preview.text.prefix(300))")
                let counts = try #require(preview.object["counts"] as? [String: Int])
                let odd = (preview.object["rows"] as? [[String: Any]] ?? []).filter { $0["action"] as? String != "unchanged" }.prefix(3)
                #expect(counts["unchanged"] == total, "\(name): \(counts) \(odd)")
                #expect(counts["create"] == 0 && counts["update"] == 0 && counts["refused"] == 0, "\(name)")
                #expect(counts["skipped"] == (name.hasSuffix(".xlsx") ? 1 : 0), "\(name): the totals row is skipped")
            }
        }
    }

    @Test("a county's hand-made sheet: previewed row by row, committed at once, then recognised as unchanged", arguments: allEngines)
    func countyLedger(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let chaoyang = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let upload = try await client.sendMultipart("/imports", as: chaoyang, fields: [], file: ("file", "朝阳区台账.xlsx", try officeFixture("county-ledger.xlsx")))
            #expect(upload.status == .ok, "\(upload.text.prefix(600))")
            #expect(upload.text.contains("新增 3 个"))
            #expect(upload.text.contains("分组标题行（一、续建项目（2个））") && upload.text.contains("合计或小计行") && upload.text.contains("列序号行"))
            #expect(upload.text.contains("从文件读出：单位 朝阳区，年度 2026") && upload.text.contains("3 个项目将列入2026年清单"),
                    "the title row names the unit and year; 建设性质 and 年度计划投资 go on that year's list")
            #expect(try await fixture.services.projects.count() == 0, "a preview writes nothing")

            let commit = try await client.send(.post, "/imports/commit", as: chaoyang, form: [
                ("sha256", try #require(hiddenField("sha256", in: upload.text))), ("fileName", try #require(hiddenField("fileName", in: upload.text))),
                ("signature", try #require(hiddenField("signature", in: upload.text))),
            ])
            #expect(commit.status == .seeOther)
            let page = try await fixture.services.projects.list(ProjectQuery(), scope: .everything, catalog: fixture.services.catalog(), today: webToday)
            let byName = Dictionary(uniqueKeysWithValues: page.projects.map { ($0.fields.name, $0) })
            let park = try #require(byName["长春光电产业园二期"])
            #expect(park.fields.totalInvestment == Money.wan(125_000), "12.5 under 单位：亿元")
            #expect(park.fields.plannedStart == Day(year: 2024, month: 3, day: 1) && park.fields.plannedCompletion == Day(year: 2027, month: 6, day: 1))
            #expect(park.fields.regionCode == "220104" && park.fields.investmentType == .enterprise)
            let housing = try #require(byName["朝阳区老旧小区改造（2026年）"], "full-width digits in the name are made half-width")
            #expect(housing.fields.totalInvestment == Money.wan(12_000) && housing.fields.plannedStart == Day(year: 2025, month: 4, day: 1))
            let logistics = try #require(byName["朝阳智慧物流中心"])
            #expect(logistics.fields.totalInvestment == Money.wan(3_500) && logistics.fields.plannedCompletion == Day(year: 2028, month: 10, day: 1))
            let stated = try await YearListRepository(database: fixture.services.database).entries(projectId: park.id)
            #expect(stated.count == 1 && stated.first?.list.year == 2026 && stated.first?.list.regionCode == "220104")
            #expect(stated.first?.entry.nature == .continuing && stated.first?.entry.plannedInvestment == .wan(30_000), "3 under 单位：亿元")
            let plans = try await AnnualPlanRepository(database: fixture.services.database).plans(projectId: park.id)
            #expect(plans.map(\.year) == [2026] && plans.first?.plannedInvestment == .wan(30_000) && plans.first?.nature == .continuing)
            let audit = try await fixture.services.audit.entries(entity: "project", entityId: String(park.id))
            #expect(audit.first?.reason == "导入：朝阳区台账.xlsx")
            #expect(try await fixture.services.imports.recent(reach: .everything).first?.created == 3)

            let again = try await client.sendMultipart("/imports", as: chaoyang, fields: [], file: ("file", "朝阳区台账.xlsx", try officeFixture("county-ledger.xlsx")))
            #expect(again.text.contains("无变化 3 个") && !again.text.contains("确认导入"))
            #expect(again.text.contains("另有 3 行与系统中的项目完全一致，未逐行列出") && !again.text.contains(">长春光电产业园二期<"),
                    "unchanged rows are counted, not listed")
        }
    }

    @Test("rows outside the importer's scope, bad files and formulas without values: named, and nothing written")
    func refusals() async throws {
        try await withWeb { fixture, client in
            let chaoyang = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            let gb = try officeFixture("ledger-gb18030.csv")
            let outside = try await client.sendImage("/api/v1/imports/projects?fileName=kc.csv&commit=true", as: chaoyang, bytes: gb, contentType: "text/csv")
            #expect(outside.status == .unprocessableContent)
            #expect(outside.text.contains("不在您可新增的范围内"))
            #expect(try await fixture.services.projects.count() == 0)
            let centre = try await client.sendImage("/api/v1/imports/projects?fileName=kc.csv&commit=true", as: fixture, bytes: gb, contentType: "text/csv")
            #expect(centre.status == .created, "\(centre.text.prefix(400))")
            #expect(try await fixture.services.projects.count() == 2)

            let formula = try await client.sendImage("/api/v1/imports/projects", as: fixture, bytes: try officeFixture("uncached-formula.xlsx"))
            let problems = try #require(formula.object["problems"] as? [[String: Any]])
            #expect(problems.first?["row"] as? Int == 2 && problems.first?["column"] as? String == "E")
            #expect((problems.first?["message"] as? String)?.contains("没有保存计算结果") == true)

            let pdf = try await client.sendMultipart("/imports", as: fixture, fields: [], file: ("file", "a.pdf", Array("%PDF-1.4 hello".utf8)))
            #expect(pdf.status == .unprocessableContent && pdf.text.contains("无法识别的文件"))
            let encrypted = try await client.sendImage("/api/v1/imports/projects?commit=true", as: fixture,
                                                       bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512))
            #expect(encrypted.status == .unprocessableContent && encrypted.text.contains("已加密"))
            #expect(try await fixture.services.projects.count() == 2)
        }
    }

    @Test("an edited export updates the project; a project changed after the preview stops the commit whole", arguments: allEngines)
    func updatesAndConflicts(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 20) { fixture, client in
            let csv = String(decoding: Array(try await client.send(.get, "/projects.csv", as: fixture).body.readableBytesView).dropFirst(3), as: UTF8.self)
            var rows = try CSV.parse(csv)
            let amount = try #require(rows[0].firstIndex(of: "总投资（万元）"))
            let first = try #require(await fixture.services.projects.list(ProjectQuery(), scope: .everything, catalog: fixture.services.catalog(), today: webToday).projects.first)
            #expect(rows[1][1] == first.fields.name)
            rows[1][amount] = "88888.5"
            rows[2][amount] = "77777"
            let edited = Array(rows.map { CSV.line($0) }.joined().utf8)

            let upload = try await client.sendMultipart("/imports", as: fixture, fields: [], file: ("file", "改.csv", edited))
            #expect(upload.text.contains("更新 2 个") && upload.text.contains("修改：总投资"))
            // Someone edits the first project between the preview and the commit.
            var input = ProjectInput(fields: first.fields)
            input.ownerName = "另一家公司"
            _ = try await fixture.services.projects.update(id: first.id, expectedVersion: first.version, input, allowed: .everything, actor: .system("test"),
                                                           catalog: fixture.services.catalog(), today: webToday, now: webNow)
            let stale = try await client.send(.post, "/imports/commit", as: fixture, form: [
                ("sha256", try #require(hiddenField("sha256", in: upload.text))), ("fileName", "改.csv"), ("signature", try #require(hiddenField("signature", in: upload.text))),
            ])
            #expect(stale.status == .conflict && stale.text.contains("数据已有变化"))
            #expect(try await fixture.services.projects.project(id: first.id)?.fields.totalInvestment == first.fields.totalInvestment)

            // The fresh preview shows that the file would also put the old owner back; confirming it does.
            #expect(stale.text.contains("修改：项目单位、总投资"))
            let fresh = try #require(hiddenField("signature", in: stale.text))
            let done = try await client.send(.post, "/imports/commit", as: fixture, form: [("sha256", try #require(hiddenField("sha256", in: stale.text))), ("fileName", "改.csv"), ("signature", fresh)])
            #expect(done.status == .seeOther)
            let updated = try #require(try await fixture.services.projects.project(id: first.id))
            #expect(updated.fields.totalInvestment == Money(yuan: 888_885_000) && updated.fields.ownerName == first.fields.ownerName)
            #expect(updated.version == first.version + 2)
        }
    }
}
