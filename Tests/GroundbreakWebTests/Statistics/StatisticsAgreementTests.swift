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
        }
    }
}
