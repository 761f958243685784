import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// A unit's 签约项目台账 into its leads: the same preview and all-or-nothing commit as the ledger.
@Suite("Signing ledger import", .serialized)
struct LeadImportWebTests {
    static func csv(_ rows: [[String]]) -> [UInt8] { Array(rows.map { CSV.line($0) }.joined().utf8) }

    static let header = ["序号", "项目名称", "投资方", "签约时间", "签约额（亿元）", "内外资", "行业", "进展", "责任单位"]

    @Test("rows match the unit's leads by name and are moved to their signing; the others become signed leads; a bad row refuses the whole file; the API and the page agree", arguments: allEngines)
    func signingLedger(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let staff = try await fixture.signedIn(as: "zhaoshang", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220104"))
            let theirs = try await fixture.services.leads.leads(reach: LeadReach(units: [OrgUnit(kind: .region, code: "220104")]))
            let followed = try #require(theirs.first { $0.signing == nil && $0.status == .active && $0.createdOn <= Day(year: 2026, month: 11, day: 1)! })
            let signed = try #require(theirs.first { $0.signing != nil })
            let stored = try #require(signed.signing)
            let before = theirs.count
            var rows = [Self.header,
                        ["1", followed.title, followed.investor.name, "2026-11-05", "3.5", "内资", "汽车制造业", "已完成项目备案", "朝阳区"],
                        ["2", "新能源电池回收利用项目", "上海某新能源科技有限公司", "2026年11月10日", "1.2", "外资", "", "", ""],
                        ["3", signed.title, signed.investor.name, stored.on.iso, stored.amount.formatted(in: .yi, decimals: 4), stored.capital == .foreign ? "外资" : "内资", "", "", "朝阳区"],
                        ["4", "冷链物流园项目", "某物流公司", "2026-12-25", "0", "内资", "", "", "宽城区"],
                        ["", "合计", "", "", "4.7", "", "", "", ""]]
            // Refused whole: a signing to come, no amount, another district's unit, every reason named by row and column.
            let refused = try await client.sendImage("/api/v1/imports/leads?fileName=qy.csv&commit=true", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect(refused.status == .unprocessableContent)
            expectDocumented(refused, LeadsEndpoints.apiImportSignings)
            #expect(refused.text.contains("签约时间晚于今天") && refused.text.contains("须填写签约额") && refused.text.contains("不在您负责招商的范围内"))
            #expect(try await fixture.services.leads.leads(reach: LeadReach(units: [OrgUnit(kind: .region, code: "220104")])).count == before, "nothing written")

            rows.remove(at: 4)
            let preview = try await client.sendImage("/api/v1/imports/leads?fileName=qy.csv", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect(preview.status == .ok)
            expectDocumented(preview, LeadsEndpoints.apiImportSignings)
            let counts = (preview.object["counts"] as? [String: Any]) ?? [:]
            #expect(counts["create"] as? Int == 1 && counts["update"] as? Int == 1 && counts["unchanged"] as? Int == 1 && counts["skipped"] as? Int == 1,
                    "\(counts)")
            #expect(preview.object["kind"] as? String == "leads" && preview.object["canCommit"] as? Bool == true, "\(preview.object["problems"] ?? "")")
            let notes = ((preview.object["rows"] as? [[String: Any]]) ?? []).flatMap { ($0["notes"] as? [String]) ?? [] }
            #expect(notes.contains("未填企业性质，按“外资企业”计"), "\(notes)")

            // By the page: preview, then commit what was seen.
            let page = try await client.sendMultipart("/leads/import", as: staff, fields: [], file: ("file", "签约项目台账.csv", Self.csv(rows)))
            #expect(page.status == .ok && page.text.contains("签约项目台账导入预览"))
            #expect(page.text.contains("action=\"/leads/import/commit\""))
            let done = try await client.send(.post, "/leads/import/commit", as: staff, form: [
                ("sha256", try #require(hiddenField("sha256", in: page.text))), ("fileName", try #require(hiddenField("fileName", in: page.text))),
                ("kind", try #require(hiddenField("kind", in: page.text))), ("signature", try #require(hiddenField("signature", in: page.text))),
            ])
            #expect(done.status == .seeOther && done.location == "/leads/import?notice=committed")

            let after = try await fixture.services.leads.leads(reach: LeadReach(units: [OrgUnit(kind: .region, code: "220104")]))
            #expect(after.count == before + 1)
            let moved = try #require(after.first { $0.id == followed.id })
            #expect(moved.stageCode == "signed" && moved.signing == LeadSigning(on: Day(year: 2026, month: 11, day: 5)!, amount: .wan(35_000), contract: .formal,
                                                                                 capital: .domestic))
            let events = try await fixture.services.leads.events(leadId: moved.id)
            #expect(events.contains { $0.kind == .note && $0.note == "已完成项目备案" }, "进展 is kept as a progress note")
            let new = try #require(after.first { $0.title == "新能源电池回收利用项目" })
            #expect(new.unit == OrgUnit(kind: .region, code: "220104") && new.createdOn == Day(year: 2026, month: 11, day: 10)! && new.stageCode == "signed")
            #expect(new.signing?.capital == .foreign && new.signing?.amount == .wan(12_000) && new.investor.kind == .foreign && new.intendedInvestment == .wan(12_000))
            #expect(try await fixture.services.leads.lead(id: signed.id)?.version == signed.version, "an unchanged row writes nothing")
            let record = try #require(try await fixture.services.imports.recent(reach: .everything).first)
            #expect(record.kind == .leads && record.created == 1 && record.updated == 1 && record.unchanged == 1)
            #expect(try await client.send(.get, "/leads/import", as: staff).text.contains("签约项目台账.csv"))

            // The same file again: nothing left to write; a signing that now differs is refused, not overwritten.
            let again = try await client.sendImage("/api/v1/imports/leads?fileName=qy.csv", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            let againCounts = (again.object["counts"] as? [String: Any]) ?? [:]
            #expect(againCounts["unchanged"] as? Int == 3 && againCounts["create"] as? Int == 0, "\(againCounts)")
            rows[1][4] = "4"
            let differs = try await client.sendImage("/api/v1/imports/leads?fileName=qy.csv", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect(differs.text.contains("已记录签约（2026-11-05，35000万元）") && differs.object["canCommit"] as? Bool == false)

            // 县区 staff read leads and do not import them; the ledger's import page takes no 签约项目台账.
            let county = try await fixture.signedIn(as: "xianqu", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.sendImage("/api/v1/imports/leads?fileName=qy.csv", as: county, bytes: Self.csv(rows), contentType: "text/csv").status == .forbidden)
        }
    }
}
