import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import groundbreak
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The seeds' own ledgers, built from the seeds' figures (scripts/make-import-fixtures.py), go in
/// with no error and give back the seeds' sentences word for word.
@Suite("Ledgers as the seeds keep them", .serialized)
struct SeedLedgerTests {
    struct Preview: Sendable {
        var status: HTTPResponse.Status
        var counts: [String: Int]
        var problems: Int
        var regionCode: String?
        var year: Int?
        var yearSource: String?
        var scheme: String?
        var newClasses: [String]
        var owedRows: Int
        var summary: [String]
        var text: String
    }

    static func importLedger(_ client: any TestClientProtocol, _ fixture: WebFixture, _ name: String, commit: Bool) async throws -> Preview {
        let response = try await client.sendImage("/api/v1/imports/projects?fileName=\(name)\(commit ? "&commit=true" : "")", as: fixture,
                                                  bytes: try officeFixture(name), contentType: "application/octet-stream")
        let object = response.object
        let ledger = object["ledger"] as? [String: Any] ?? [:]
        return Preview(status: response.status, counts: object["counts"] as? [String: Int] ?? [:], problems: (object["problems"] as? [Any])?.count ?? -1,
                       regionCode: ledger["regionCode"] as? String, year: ledger["year"] as? Int, yearSource: ledger["yearSource"] as? String,
                       scheme: ledger["schemeName"] as? String, newClasses: ledger["newClasses"] as? [String] ?? [], owedRows: ledger["owedRows"] as? Int ?? -1,
                       summary: object["summary"] as? [String] ?? [], text: String(response.text.prefix(800)))
    }

    @Test("seed 004: 二道区's 2019 list — the title, its own six fields, 建设性质, the year's plan, no 投资类型 — imports whole and writes its paragraph", arguments: allEngines)
    func erdao(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            let preview = try await Self.importLedger(client, fixture, "seed004-erdao-2019.xlsx", commit: false)
            #expect(preview.status == .ok && preview.problems == 0, "\(preview.text)")
            #expect(preview.counts["create"] == 101 && preview.counts["refused"] == 0)
            #expect(preview.regionCode == "220105" && preview.year == 2019 && preview.yearSource == "header", "the title names the unit, the header the year")
            #expect(preview.scheme == "产业类别" && preview.newClasses == ["先进制造业", "现代服务业", "现代农业", "战略性新兴产业", "重大基础设施", "棚户区改造"])
            #expect(preview.owedRows == 101, "投资类型 is 待补充 on every project, never a refusal")
            #expect(preview.summary.first == "从文件读出：单位 二道区，年度 2019，3000万元以上，类别按“产业类别”口径读（新类别 6 个，待确认）")

            let written = try await Self.importLedger(client, fixture, "seed004-erdao-2019.xlsx", commit: true)
            #expect(written.status == .created)
            let again = try await Self.importLedger(client, fixture, "seed004-erdao-2019.xlsx", commit: false)
            #expect(again.counts["unchanged"] == 101 && again.newClasses.isEmpty && !again.summary.contains { $0.contains("清单") }, "the same file again plans nothing")

            let database = fixture.services.database
            let scheme = try #require(try await SchemeRepository(database: database).schemes(regionCodes: ["220105"]).first)
            #expect(scheme.classes.count == 6 && scheme.classes.allSatisfy { !$0.confirmed }, "classes an import adds are 待确认")
            #expect(scheme.classes.first { $0.name == "先进制造业" }?.categoryCode == "IND-MFG", "a class named as a shipped category is mapped to it")
            var all = ProjectQuery()
            all.perPage = 200
            let projects = try await fixture.services.projects.list(all, scope: .everything, catalog: fixture.services.catalog(), today: webToday)
            #expect(projects.projects.count == 101 && projects.projects.allSatisfy { $0.fields.regionCode == "220105" && $0.fields.investmentType == .pending })
            #expect(projects.projects.first { $0.fields.name == "二道区重点项目001" }?.fields.location.address == "二道区东站街道")

            let figures = try await YearListRepository(database: database).figures(
                StatisticsQuery(regionCode: "220105", year: 2019, threshold: .wan(3_000), bands: [.yi(1), .yi(5)], schemeId: scheme.id), catalog: fixture.services.catalog())
            let seed = "2019年,二道区实施3000万元以上重点项目101个,总投资914亿元。按投资规模看,亿元以上项目91个,5亿元以上项目59个;按产业类别看,先进制造业项目4个,现代服务业项目51个,现代农业项目1个,战略性新兴产业项目5个,重大基础设施项目11个,棚户区改造项目29个;按建设进度看,新建项目21个,续建项目31个,谋划项目49个。"
            let expected = seed.replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: ";", with: "；")
            #expect(StatisticsParagraph.write(figures, style: ParagraphStyle()) == expected)

            // The list itself, on the ledger: its 101 projects, the filter named.
            let list = try #require(try await YearListRepository(database: database).lists(regionCodes: ["220105"]).first)
            #expect(list.year == 2019 && list.threshold == .wan(3_000) && list.title == "二道区2019年3000万元以上重点项目台账")
            let onList = try await client.send(.get, "/api/v1/projects?list=\(list.id)&perPage=10", as: fixture)
            #expect(onList.object["totalCount"] as? Int == 101)
            #expect(try await client.send(.get, "/projects?list=\(list.id)", as: fixture).text.contains("列入2019年二道区3000万元以上清单"))

            // The same paragraph on the page, by the API, in Word and from the command line.
            let query = "unit=220105&year=2019&threshold=3000&bands=10000,50000"
            let page = try await client.send(.get, "/statistics?\(query)", as: fixture)
            #expect(page.status == .ok && page.text.contains(expected) && page.text.contains("data-copy=\"statistics-paragraph\""))
            let api = try await client.send(.get, "/api/v1/statistics/paragraph?\(query)", as: fixture)
            #expect(api.status == .ok && api.object["paragraph"] as? String == expected && api.object["count"] as? Int == 101)
            let byName = try await client.send(.get, "/api/v1/statistics/paragraph?unit=\(Route.encode("二道区"))&year=2019&threshold=3000&bands=10000,50000", as: fixture)
            #expect(byName.object["paragraph"] as? String == expected, "a unit by its name")
            let bad = try await client.send(.get, "/api/v1/statistics/paragraph?unit=220105&bands=abc", as: fixture)
            #expect(bad.status == .badRequest && bad.text.contains("规模档"))
            let docx = try await client.send(.get, "/statistics.docx?\(query)", as: fixture)
            #expect(docx.status == .ok)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("statistics-\(UUID().uuidString).docx")
            try Data(docx.body.readableBytesView).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            if let lines = try DocxReader.paragraphs(of: file.path) { #expect(lines.contains(expected), "\(lines)") }
            let printed = try await Work.statisticsParagraph(database, unit: "二道区", year: 2019, thresholdWan: 3000, bands: "10000,50000", scheme: nil,
                                                             shape: "byDimension", showTotal: true, named: 0)
            #expect(printed == expected)
            await #expect(throws: Work.Failure.self) {
                try await Work.statisticsParagraph(database, unit: "不存在区", year: 2019, thresholdWan: nil, bands: "10000", scheme: nil, shape: "byDimension", showTotal: true, named: 0)
            }
        }
    }

    @Test("seed 002: 长春市's 2020 and 2021 lists import whole and give the 2021 sentence with its 同比", arguments: allEngines)
    func changchun(engine: DatabaseEngine) async throws {
        try await withWeb(engine) { fixture, client in
            for (name, created, unchanged) in [("seed002-changchun-2020.xlsx", 1290, 0), ("seed002-changchun-2021.xlsx", 1315 - 1269, 1269)] {
                let written = try await Self.importLedger(client, fixture, name, commit: true)
                #expect(written.status == .created && written.problems == 0, "\(name): \(written.text)")
                #expect(written.counts["create"] == created && written.counts["unchanged"] == unchanged && written.counts["refused"] == 0, "\(name): \(written.counts)")
                #expect(written.regionCode == "220100" && written.scheme == nil, "\(name): the city's list, in the shipped categories")
            }
            let figures = try await YearListRepository(database: fixture.services.database).figures(
                StatisticsQuery(regionCode: "220100", year: 2021, threshold: .wan(5_000), bands: [.yi(1), .yi(10), .yi(50), .yi(100)]), catalog: fixture.services.catalog())
            let sentence = StatisticsParagraph.write(figures, style: ParagraphStyle(shape: .among, showTotal: false))
            #expect(sentence.hasPrefix("2021年，长春市共建设5000万元以上项目1315个，其中亿元以上项目1117个，同比增加5个，10亿元以上项目325个，同比增加23个，50亿元以上项目28个，同比增加1个，100亿元以上项目9个，同比增加4个。"),
                    "\(sentence)")
            #expect(figures.previousCount == 1290)
        }
    }
}
