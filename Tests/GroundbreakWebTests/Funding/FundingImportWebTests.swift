import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// A unit's 向上资金 application list into applications: the same preview and all-or-nothing
/// commit as the ledger; projects by code or name in the district, reserve projects for the rest.
@Suite("Funding list import", .serialized)
struct FundingImportWebTests {
    static func csv(_ rows: [[String]]) -> [UInt8] { Array(rows.map { CSV.line($0) }.joined().utf8) }

    static let header = ["序号", "项目名称", "项目代码", "资金类别", "专项", "批次", "总投资（万元）", "申请资金（万元）", "下达金额（万元）", "到位资金（万元）", "项目单位",
                         "所属县区", "申报日期"]

    @Test("rows find their project by name in the district or become reserve projects; money issued and arrived is recorded; a bad row refuses the file; a second import adds nothing", arguments: allEngines)
    func applicationList(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 30) { fixture, client in
            let home = try #require(try await FundingWebTests.places(fixture).first)
            let regionName = try #require(fixture.services.catalog().region(home.region)?.name)
            let staff = try await fixture.signedIn(as: "fagai-import", roles: [.region], unit: OrgUnit(kind: .region, code: home.region))
            let everything = FundingReach(everyUnit: true)
            let before = try await fixture.services.funding.applications(reach: everything).count
            let newName = "第二水厂扩建及配套管网工程"
            var rows = [Self.header,
                        ["1", home.name, "", "专项债", "", "", "50000", "8000", "6000", "3000", "某城投公司", regionName, "2026-03-01"],
                        ["2", newName, "", "中央预算内", "城市地下管网及设施", "", "32000", "5000", "", "", "某水务集团", regionName, "2026-04-10"],
                        ["3", "体育公园", "", "彩票公益金", "", "", "9000", "1000", "", "", "", regionName, ""],
                        ["4", "老旧小区改造", "", "中央预算内", "保障性安居工程", "", "9000", "0", "", "", "", regionName, ""]]
            let refused = try await client.sendImage("/api/v1/imports/funding?fileName=zj.csv&commit=true", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect(refused.status == .unprocessableContent)
            expectDocumented(refused, FundingEndpoints.apiImport)
            #expect(refused.text.contains("申报渠道“彩票公益金”无法识别") && refused.text.contains("须填写申请金额"))
            #expect(try await fixture.services.funding.applications(reach: everything).count == before, "nothing written")

            rows.removeLast(2)
            let preview = try await client.sendImage("/api/v1/imports/funding?fileName=zj.csv", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect(preview.status == .ok && preview.object["kind"] as? String == "funding" && preview.object["canCommit"] as? Bool == true, "\(preview.text.prefix(600))")
            #expect((preview.object["counts"] as? [String: Any])?["create"] as? Int == 2)
            let notes = ((preview.object["rows"] as? [[String: Any]]) ?? []).flatMap { ($0["notes"] as? [String]) ?? [] }
            #expect(notes.contains("未填下达日期，按 2026-11-23 计（计入该日所在年度）"), "\(notes)")

            let committed = try await client.sendImage("/api/v1/imports/funding?fileName=zj.csv&commit=true", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect(committed.status == .created, "\(committed.text.prefix(400))")
            let after = try await fixture.services.funding.applications(reach: everything)
            #expect(after.count == before + 2)
            let bond = try #require(after.first { $0.channelCode == "specialBond" && $0.projects.map(\.projectId) == [home.project] && $0.title.contains(home.name) })
            #expect(bond.state == .arrived && bond.submittedOn == Day(year: 2026, month: 3, day: 1)! && bond.asked == .wan(8_000) && bond.approved == .wan(6_000)
                    && bond.issued == .wan(6_000) && bond.arrived == .wan(3_000) && bond.unit == OrgUnit(kind: .region, code: home.region))
            let pipes = try #require(after.first { $0.channelCode == "centralBudget" && $0.title.contains(newName) })
            #expect(pipes.state == .applied && pipes.programme == "城市地下管网及设施")
            let reserve = try #require(try await fixture.services.projects.project(id: pipes.projects[0].projectId))
            #expect(reserve.stage == .reserve && reserve.fields.name == newName && reserve.fields.regionCode == home.region && reserve.fields.totalInvestment == .wan(32_000)
                    && reserve.fields.ownerName == "某水务集团" && reserve.fields.categoryCode == "TBD")

            let again = try await client.sendImage("/api/v1/imports/funding?fileName=zj.csv", as: staff, bytes: Self.csv(rows), contentType: "text/csv")
            #expect((again.object["counts"] as? [String: Any])?["unchanged"] as? Int == 2, "the same list twice adds nothing: \(again.object["counts"] ?? "")")

            let page = try await client.sendMultipart("/funding/import", as: staff, fields: [], file: ("file", "向上资金申报清单.csv", Self.csv(rows)))
            #expect(page.status == .ok && page.text.contains("向上资金申报清单导入预览") && !page.text.contains("action=\"/funding/import/commit\""),
                    "the page's preview has nothing to write either")
            let other = try await fixture.signedIn(as: "tongji-import", roles: [.statistics], unit: OrgUnit(kind: .region, code: home.region))
            #expect(try await client.send(.get, "/funding/import", as: other).status == .forbidden)
        }
    }
}
