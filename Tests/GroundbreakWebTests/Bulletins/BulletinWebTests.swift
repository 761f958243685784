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

/// A bulletin is drafted from the figures the other pages show, edited, issued with the next
/// number of its kind and year, and from then on frozen; a draft is its writers' alone.
@Suite("Bulletins on the web", .serialized)
struct BulletinWebTests {
    static func sections(_ response: TestResponse) -> [[String: Any]] { (response.object["sections"] as? [[String: Any]]) ?? [] }

    @Test("a drafted 项目建设通报 carries the ranking's sentence and table; edits are version-guarded; issuing numbers it and freezes it", arguments: allEngines)
    func lifecycle(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let ranking = try await client.send(.get, "/api/v1/assessment?month=2026-10", as: fixture)
            let created = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"construction","month":"2026-10"}"#)
            #expect(created.status == .created)
            expectDocumented(created, BulletinsEndpoints.apiBulletinCreate)
            let id = try #require(created.object["id"] as? Int)
            #expect(created.object["status"] as? String == "draft" && created.object["number"] as? String == "")
            #expect(created.object["title"] as? String == "关于2026年1—10月全市重大项目建设推进情况的通报")
            let sections = Self.sections(created)
            #expect(sections.map { $0["heading"] as? String ?? "" }
                == ["一、总体情况", "二、各县（市）区、开发区推进情况", "三、通报表扬", "四、通报批评", "五、红灯项目", "六、下步工作要求"])
            #expect((sections[0]["paragraphs"] as? [String])?.last == ranking.object["sentence"] as? String, "the ranking's own sentence")
            let table = (sections[1]["table"] as? [String: Any])?["rows"] as? [[String]] ?? []
            #expect(table.map { $0[1] } == ((ranking.object["rows"] as? [[String: Any]]) ?? []).map { $0["name"] as? String ?? "" })
            let red = (sections[4]["table"] as? [String: Any])?["rows"] as? [[String]] ?? []
            let lights = try await client.send(.get, "/api/v1/warnings?colour=red", as: fixture)
            #expect(red.count == min(30, lights.object["red"] as? Int ?? -1), "today's red projects, as the lights page counts them")

            let text = sections.map { ["heading": $0["heading"] ?? "", "paragraphs": $0["paragraphs"] ?? []] }
            func edit(_ version: Int, title: String, sections: [[String: Any]]) async throws -> TestResponse {
                let body = try JSONSerialization.data(withJSONObject: ["version": version, "title": title, "sections": sections])
                return try await client.send(.patch, "/api/v1/bulletins/\(id)", as: fixture, json: String(decoding: body, as: UTF8.self))
            }
            var changed = text
            changed[0]["paragraphs"] = ["总体平稳。", "  ", "第二段。"]
            let saved = try await edit(1, title: "关于10月重大项目建设情况的通报", sections: changed)
            #expect(saved.status == .ok && saved.object["version"] as? Int == 2)
            #expect((Self.sections(saved)[0]["paragraphs"] as? [String]) == ["总体平稳。", "第二段。"], "blank paragraphs dropped")
            #expect(Self.sections(saved)[1]["table"] is [String: Any], "the table stays")
            let stale = try await edit(1, title: "x", sections: changed)
            #expect(stale.status == .conflict)
            let short = try await edit(2, title: "", sections: Array(changed.prefix(2)))
            #expect(short.status == .unprocessableContent && short.text.contains("通报有 6 个部分") && short.text.contains("请填写通报标题"))
            expectDocumented(short, BulletinsEndpoints.apiBulletinEdit)

            let issued = try await client.send(.post, "/api/v1/bulletins/\(id)/issue", as: fixture, json: #"{"version":2}"#)
            #expect(issued.status == .ok && issued.object["status"] as? String == "issued" && issued.object["number"] as? String == "〔2026〕第1期")
            #expect(issued.object["issuedOn"] as? String == webToday.iso)
            let frozen = try await edit(3, title: "再改", sections: changed)
            #expect(frozen.status == .unprocessableContent && frozen.text.contains("已印发的通报不能再改"))
            #expect(try await client.send(.post, "/api/v1/bulletins/\(id)/discard", as: fixture, json: #"{"version":3}"#).status == .unprocessableContent)

            // Later data does not move an issued bulletin.
            let before = try await client.send(.get, "/api/v1/bulletins/\(id)", as: fixture)
            _ = try await client.send(.post, "/api/v1/targets", as: fixture,
                                      json: #"{"unit":"region:220104","year":2026,"indicator":"FAI_TOTAL","value":99000000000,"curve":"northern"}"#)
            let after = try await client.send(.get, "/api/v1/bulletins/\(id)", as: fixture)
            let canonical = { (response: TestResponse) in
                String(decoding: try JSONSerialization.data(withJSONObject: response.object, options: [.sortedKeys]), as: UTF8.self)
            }
            #expect(try canonical(before) == canonical(after))

            // Numbers run per kind and year.
            let second = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"construction"}"#)
            let secondId = try #require(second.object["id"] as? Int)
            #expect(second.object["month"] as? String == "2026-10", "the reporting month by default")
            let numbered = try await client.send(.post, "/api/v1/bulletins/\(secondId)/issue", as: fixture, json: #"{"version":1}"#)
            #expect(numbered.object["number"] as? String == "〔2026〕第2期")
            let supervision = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"supervision","month":"2026-11"}"#)
            #expect(Self.sections(supervision).first?["heading"] as? String == "一、总体情况")
            let supervisionId = try #require(supervision.object["id"] as? Int)
            let first = try await client.send(.post, "/api/v1/bulletins/\(supervisionId)/issue", as: fixture, json: #"{"version":1}"#)
            #expect(first.object["number"] as? String == "〔2026〕第1期")

            let bad = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"weekly","month":"2027-01"}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("通报类型") && bad.text.contains("2027年1月 尚未开始"))
            expectDocumented(bad, BulletinsEndpoints.apiBulletinCreate)
        }
    }

    @Test("a draft is there only for its writers; an issued bulletin is read by a district and printed in the GB/T 9704 layout", arguments: allEngines)
    func readers(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 120) { fixture, client in
            let draft = try await client.send(.post, "/bulletins", as: fixture, form: [("kind", "construction"), ("month", "2026-10")])
            #expect(draft.status == .seeOther)
            let path = try #require(draft.headers[.location])
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            let district = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            #expect(try await client.send(.get, path, as: district).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/bulletins", as: district).json as? [Any] != nil)
            #expect((try await client.send(.get, "/api/v1/bulletins", as: district).json as? [Any])?.isEmpty == true, "drafts are not listed for readers")

            let page = try await client.send(.get, path, as: fixture)
            #expect(page.status == .ok && page.text.contains("修改文字") && page.text.contains("印发"))
            let version = try #require(try await fixture.services.bulletins.bulletin(id: id)?.version)
            let refused = try await client.send(.post, "/bulletins/\(id)", as: fixture, form: [("version", String(version)), ("title", "")]
                + (0..<6).flatMap { [("heading", "第\($0)部分"), ("paragraphs", "正文")] })
            #expect(refused.status == .unprocessableContent && refused.text.contains("请填写通报标题"))
            let issued = try await client.send(.post, "/bulletins/\(id)/issue", as: fixture, form: [("version", String(version))])
            #expect(issued.status == .seeOther)
            let read = try await client.send(.get, path, as: district)
            #expect(read.status == .ok && read.text.contains("〔2026〕第1期") && !read.text.contains("修改文字"))

            let docx = try await client.send(.get, "/bulletins/\(id)/bulletin.docx", as: district)
            #expect(docx.status == .ok && docx.headers[.contentType] == Download.docxType)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-\(UUID().uuidString).docx")
            try Data(docx.body.readableBytesView).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            guard let lines = try DocxReader.paragraphs(of: file.path), let tables = try DocxReader.tables(of: file.path) else { return }
            #expect(Array(lines.prefix(4)) == ["重大项目建设通报", "〔2026〕第1期", "长春市重大项目建设领导小组办公室　　　　2026年11月23日",
                                               "关于2026年1—10月全市重大项目建设推进情况的通报"], "\(lines.prefix(5))")
            #expect(lines.contains("二、各县（市）区、开发区推进情况") && lines.last?.hasPrefix("发：") == true)
            #expect(tables.first?.first == "排名\t单位\t完成投资（万元）\t完成率\t超/落后序时进度（百分点）\t开复工项目\t新开工率\t红灯项目\t综合得分\t较上月")
            #expect(tables.first?.count == 18, "a header and the 17 compared units")
        }
    }

    @Test("a 包保专报 lists the leader's portfolio as the portfolio page does, numbered in its own series; a seat is only for that kind", arguments: allEngines)
    func sponsorReport(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let seat = try #require(Dictionary(grouping: projects.compactMap(\.fields.sponsorPositionId), by: { $0 }).max { $0.value.count < $1.value.count }?.key)
            let portfolio = try await client.send(.get, "/api/v1/portfolio?seat=\(seat)", as: fixture)
            let report = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"sponsor","month":"2026-09","seat":\#(seat)}"#)
            #expect(report.status == .created && report.object["seat"] as? Int == Int(seat))
            expectDocumented(report, BulletinsEndpoints.apiBulletinCreate)
            #expect((report.object["title"] as? String)?.hasPrefix("关于2026年第3季度") == true)
            let rows = ((Self.sections(report)[1]["table"] as? [String: Any])?["rows"] as? [[String]]) ?? []
            #expect(rows.map { $0[1] } == ((portfolio.object["projects"] as? [[String: Any]]) ?? []).map { $0["name"] as? String ?? "" })
            let id = try #require(report.object["id"] as? Int)
            let issued = try await client.send(.post, "/api/v1/bulletins/\(id)/issue", as: fixture, json: #"{"version":1}"#)
            #expect(issued.object["number"] as? String == "包保〔2026〕第1期")
            let regenerated = try await client.send(.post, "/api/v1/bulletins/\(id)/regenerate", as: fixture, json: #"{"version":2}"#)
            #expect(regenerated.status == .unprocessableContent, "an issued report is frozen")
            let docx = try await client.send(.get, "/bulletins/\(id)/bulletin.docx", as: fixture)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).docx")
            try Data(docx.body.readableBytesView).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            if let lines = try DocxReader.paragraphs(of: file.path), let tables = try DocxReader.tables(of: file.path) {
                #expect(Array(lines.prefix(2)) == ["重大项目包保专报", "包保〔2026〕第1期"] && lines.contains("一、总体情况"), "\(lines.prefix(6))")
                #expect(tables.first?.count == rows.count + 1, "a header and a line per project")
            }

            let all = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"sponsor","month":"2026-09"}"#)
            let leaders = fixture.services.catalog().positions.filter { $0.duty == .sponsor }.count
            #expect((((Self.sections(all)[1]["table"] as? [String: Any])?["rows"] as? [[String]]) ?? []).count == leaders)
            let misplaced = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"construction","seat":\#(seat)}"#)
            #expect(misplaced.status == .unprocessableContent && misplaced.text.contains("只有包保专报可以指定包保领导"))
        }
    }

    @Test("a 招商动态 counts the month as the leads pages do — signings and activities per unit, funds to date — keeps confidential names out, and is numbered in its own series", arguments: [DatabaseEngine.sqlite])
    func attraction(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let draft = try await client.send(.post, "/api/v1/bulletins", as: fixture, json: #"{"kind":"attraction","month":"2026-10"}"#)
            #expect(draft.status == .created && draft.object["title"] as? String == "2026年10月招商引资工作动态")
            expectDocumented(draft, BulletinsEndpoints.apiBulletinCreate)
            let sections = Self.sections(draft)
            let rhythm = try await client.send(.get, "/api/v1/leads/rhythm?month=2026-10", as: fixture)
            let lines = (rhythm.object["lines"] as? [[String: Any]]) ?? []
            let signings = lines.reduce(0) { $0 + ($1["signings"] as? Int ?? 0) }
            let overview = ((sections[0]["paragraphs"] as? [String]) ?? []).first ?? ""
            #expect(overview.contains("新签约项目\(signings)个"), "\(overview)")
            let unitRows = ((sections[3]["table"] as? [String: Any])?["rows"] as? [[String]]) ?? []
            #expect(unitRows.map { $0[2] } == lines.map { String($0["activities"] as? Int ?? -1) } && unitRows.map { $0[3] } == lines.map { String($0["signings"] as? Int ?? -1) })
            let signed = ((sections[2]["table"] as? [String: Any])?["rows"] as? [[String]]) ?? []
            #expect(signed.count == signings)
            let secret = try await fixture.services.leads.leads(reach: LeadReach(everyUnit: true, everyConfidential: true)).filter(\.confidential)
            #expect(secret.allSatisfy { lead in !draft.text.contains(lead.investor.name) }, "no confidential investor in a document sent to every unit")
            let id = try #require(draft.object["id"] as? Int)
            let issued = try await client.send(.post, "/api/v1/bulletins/\(id)/issue", as: fixture, json: #"{"version":1}"#)
            #expect(issued.object["number"] as? String == "招商〔2026〕第1期")
            let docx = try await client.send(.get, "/bulletins/\(id)/bulletin.docx", as: fixture)
            #expect(docx.status == .ok && docx.headers[.contentType]?.contains("wordprocessingml") == true)
        }
    }
}
