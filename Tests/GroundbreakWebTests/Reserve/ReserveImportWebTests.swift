import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// A unit's 储备项目库 list into the reserve library: the same preview and all-or-nothing commit as
/// the ledger; projects by code or name in the district, new reserve projects for the rest;
/// entries brought to the list under their versions; the city's library only by the centre.
@Suite("储备项目库 import", .serialized)
struct ReserveImportWebTests {
    static let header = ["序号", "项目名称", "项目代码", "所属县区", "估算总投资（万元）", "项目来源", "成熟度", "建设内容及规模", "入库时间", "储备层级", "项目单位"]

    @Test("rows enter projects found by name in the district or new reserve projects; bad rows refuse the file; the same list twice changes nothing; a changed grade updates the entry; 市级 only by the centre", arguments: allEngines)
    func reserveList(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 30) { fixture, client in
            let region = "220104"
            var input = ProjectInput()
            input.name = "新能源汽车零部件配套园"
            input.regionCode = region
            input.categoryCode = "IND-MFG"
            input.investmentType = "enterprise"
            input.totalInvestmentWan = "30000"
            input.ownerName = "长春某汽车零部件有限公司"
            let home = try await fixture.services.projects.create(input, stage: .approval, allowed: .everything, actor: .system("test"),
                                                                  catalog: fixture.services.catalog(), today: webToday, now: webNow)
            let startedId = try await ReportWebTests.building(fixture, name: "已开工的智能制造基地", region: region)
            let started = try #require(try await fixture.services.projects.project(id: startedId))
            let regionName = try #require(fixture.services.catalog().region(region)?.name)
            let staff = try await fixture.signedIn(as: "qu-reserve-import", roles: [.region], unit: OrgUnit(kind: .region, code: region))
            let newName = "光电信息产业园二期"
            let before = try await fixture.services.reserve.entries().count
            var rows = [Self.header,
                        ["1", home.fields.name, "", "", "", "政府主导", "A类", "完成概念方案和选址论证", "2026-05-01", "", ""],
                        ["2", newName, "", regionName, "52000", "科研院所", "B", "依托光机所成果转化，建设中试基地", "", "县区储备库", "某光电公司"],
                        ["3", started.fields.name, "", regionName, "", "重点企业", "A", "补录", "", "", ""],
                        ["4", "城市更新示范片区", "", regionName, "", "政府", "C", "谋划中", "", "市级", ""],
                        ["5", "低空经济产业园", "", regionName, "", "天上掉", "D", "", "2099-01-01", "", ""]]
            let refused = try await client.sendImage("/api/v1/imports/reserve?fileName=ck.csv&commit=true", as: staff, bytes: FundingImportWebTests.csv(rows), contentType: "text/csv")
            #expect(refused.status == .unprocessableContent)
            expectDocumented(refused, ReserveEndpoints.apiImport)
            for words in ["项目已开工，不再进入储备库", "调入市级储备库由项目中心办理", "“天上掉”无法识别", "“D”无法识别", "须填写建设内容及规模", "日期不能晚于今天"] {
                #expect(refused.text.contains(words), "\(words)")
            }
            #expect(try await fixture.services.reserve.entries().count == before, "nothing written")

            rows.removeLast(3)
            let preview = try await client.sendImage("/api/v1/imports/reserve?fileName=ck.csv", as: staff, bytes: FundingImportWebTests.csv(rows), contentType: "text/csv")
            #expect(preview.status == .ok && preview.object["kind"] as? String == "reserve" && preview.object["canCommit"] as? Bool == true, "\(preview.text.prefix(600))")
            #expect((preview.object["counts"] as? [String: Any])?["create"] as? Int == 2)
            let notes = ((preview.object["rows"] as? [[String: Any]]) ?? []).flatMap { ($0["notes"] as? [String]) ?? [] }
            #expect(notes.contains("未填入库日期，按 \(webToday.iso) 计"), "\(notes)")
            let committed = try await client.sendImage("/api/v1/imports/reserve?fileName=ck.csv&commit=true", as: staff, bytes: FundingImportWebTests.csv(rows), contentType: "text/csv")
            #expect(committed.status == .created, "\(committed.text.prefix(400))")

            let entry = try #require(try await fixture.services.reserve.entry(projectId: home.id))
            #expect(entry.level == "county" && entry.source == "government" && entry.grade == "A" && entry.note == "完成概念方案和选址论证"
                    && entry.enteredOn == Day(year: 2026, month: 5, day: 1)! && entry.version == 1)
            var made: (Project, ReserveEntry)?
            for entry in try await fixture.services.reserve.entries() {
                if let project = try await fixture.services.projects.project(id: entry.projectId), project.fields.name == newName { made = (project, entry) }
            }
            let created = try #require(made)
            #expect(created.0.stage == .reserve && created.0.fields.regionCode == region && created.0.fields.totalInvestment == .wan(52_000)
                    && created.0.fields.ownerName == "某光电公司" && created.0.fields.categoryCode == "TBD")
            #expect(created.1.source == "research" && created.1.grade == "B" && created.1.enteredOn == webToday)

            let again = try await client.sendImage("/api/v1/imports/reserve?fileName=ck.csv", as: staff, bytes: FundingImportWebTests.csv(rows), contentType: "text/csv")
            #expect((again.object["counts"] as? [String: Any])?["unchanged"] as? Int == 2, "the same list twice changes nothing: \(again.object["counts"] ?? "")")

            rows[1][6] = "B类"
            let changed = try await client.sendImage("/api/v1/imports/reserve?fileName=ck2.csv&commit=true", as: staff, bytes: FundingImportWebTests.csv(rows), contentType: "text/csv")
            #expect(changed.status == .created && (changed.object["counts"] as? [String: Any])?["update"] as? Int == 1, "\(changed.text.prefix(400))")
            let updated = try #require(try await fixture.services.reserve.entry(projectId: home.id))
            #expect(updated.grade == "B" && updated.version == 2 && updated.enteredOn == Day(year: 2026, month: 5, day: 1)!)

            // The centre's list puts the project into the city's library.
            rows[1][9] = "市级储备库"
            rows[1][3] = regionName
            let centre = try await client.sendImage("/api/v1/imports/reserve?fileName=sj.csv&commit=true", as: fixture, bytes: FundingImportWebTests.csv(rows), contentType: "text/csv")
            #expect(centre.status == .created, "\(centre.text.prefix(400))")
            let promoted = try #require(try await fixture.services.reserve.entry(projectId: home.id))
            #expect(promoted.level == "city" && promoted.promotedOn == webToday)

            let page = try await client.sendMultipart("/reserve/import", as: staff, fields: [], file: ("file", "储备项目库.csv", FundingImportWebTests.csv(rows)))
            #expect(page.status == .ok && page.text.contains("储备项目库导入预览"), "\(page.text.prefix(300))")
            #expect(try await client.send(.get, "/reserve", as: staff).text.contains("/reserve/import"))
            let reader = try await fixture.signedIn(as: "tongji-reserve", roles: [.statistics], unit: OrgUnit(kind: .region, code: region))
            #expect(try await client.send(.get, "/reserve/import", as: reader).status == .forbidden)
        }
    }
}
