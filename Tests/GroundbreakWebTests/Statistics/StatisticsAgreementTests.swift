import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Plot
import Testing

/// The same list gives the same figures on every screen: the paragraph's count, the progress
/// workbook's 合计, a project's year-to-date figure on its own page, and the demo's 同比.
@Suite("Statistics agree across screens", .serialized)
struct StatisticsAgreementTests {
    struct Workbook: Sendable {
        var totalLine: String
        var rows: [[String]]
    }

    @Test("the paragraph, the progress workbook and the project's own reports say the same", arguments: allEngines)
    func agree(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 200) { fixture, client in
            let api = try await client.send(.get, "/api/v1/statistics/paragraph?unit=220100&year=2026&threshold=5000", as: fixture)
            #expect(api.status == .ok)
            let count = try #require(api.object["count"] as? Int)
            #expect(count > 0 && api.object["previousCount"] as? Int != nil, "the demo has last year's list, so 同比 is written")
            #expect((api.object["paragraph"] as? String)?.contains("同比") == true)

            let response = try await client.send(.get, "/statistics/progress.xlsx?unit=220100&year=2026&threshold=5000&group=band&month=2026-10", as: fixture)
            #expect(response.status == .ok)
            let sheet = try SpreadsheetReader.read(Array(response.body.readableBytesView))
            let rows = sheet.rows.map { $0.map(\.text) }
            #expect(rows[0][0] == "长春市2026年重点项目推进情况表（1—10月）")
            #expect(rows.contains { $0.first == "合计（\(count) 个项目）" }, "the workbook lists the paragraph's projects")

            // A project's year to date in the workbook is what its own reports add up to.
            let line = try #require(rows.first { Int($0.first ?? "") != nil && !($0[7].isEmpty) && $0[7] != "0" })
            var query = ProjectQuery()
            query.text = line[1]
            let project = try #require(try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday)
                .projects.first { $0.fields.name == line[1] })
            let reports = try await fixture.services.reports.reports(projectId: project.id)
            #expect(line[7] == ReportTotals(reports, through: Month(year: 2026, month: 10)!).yearDispatch.exactWanText)

            let bad = try await client.send(.get, "/statistics/progress.xlsx?unit=220100&group=nope", as: fixture)
            #expect(bad.status == .badRequest)

            // The page says the API's paragraph; it is rendered once per reach and query, so a
            // district reader asking the same query sees its own units to choose from and its own name.
            let asked = "unit=220104&year=2026&threshold=5000"
            let district = try await fixture.signedIn(as: "cy-statistics", roles: [.region], unit: OrgUnit(kind: .region, code: "220104"))
            for reader in [fixture, district, fixture] {
                let page = try await client.send(.get, "/statistics?\(asked)", as: reader)
                let paragraph = try await client.send(.get, "/api/v1/statistics/paragraph?\(asked)", as: reader)
                let written = try #require(paragraph.object["paragraph"] as? String)
                #expect(page.status == .ok && page.text.contains(Plot.Node<HTML.BodyContext>.text(written).render()))
                let units = page.text.matches(of: #/<option value="(\d+)"/#).map { String($0.output.1) }.filter { $0.hasPrefix("220") }
                if reader.userId == district.userId {
                    #expect(!units.contains("220100") && units.contains("220104") && page.text.contains("cy-statistics"), "the district's own choices and frame")
                } else {
                    #expect(units.contains("220100") && units.contains("220104") && !page.text.contains("cy-statistics"))
                }
            }
        }
    }
}
