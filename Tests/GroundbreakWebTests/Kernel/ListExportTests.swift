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

/// Every list a leader reads names its filter on the page (and so on paper) and downloads as a
/// workbook with the same filter named and the same rows the page counts.
@Suite("Lists that leave the page")
struct ListExportTests {
    @Test("problems, the reporting board, supervised items, targets and the ledger export what they show, their filter named", arguments: allEngines)
    func exports(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 150) { fixture, client in
            let lists = ["/problems?view=all", "/problems?view=overdue", "/reports?state=missing,returned,due", "/reports", "/supervision?all=true",
                         "/supervision?overdue=true", "/projects?region=220113&stage=construction", "/projects", "/targets?unit=region:220104&month=2026-10"]
            for list in lists {
                let page = try await client.send(.get, list, as: fixture)
                #expect(page.status == .ok, "\(list)")
                let filter = try #require(page.text.firstMatch(of: /<p class="filter-named">筛选条件：([^<]+)<\/p>/).map { String($0.1) }, "\(list) names its filter")
                let href = try #require(page.text.firstMatch(of: /<a class="button secondary no-print" href="([^"]+)">导出 Excel<\/a>/)
                    .map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }, "\(list) offers its workbook")
                let download = try await client.send(.get, href, as: fixture)
                #expect(download.status == .ok && download.headers[.contentType] == Download.xlsxType, "\(href)")
                let sheet = try SpreadsheetReader.read(Array(download.body.readableBytesView))
                let subtitle = sheet[1, 0].text
                #expect(subtitle.contains(filter.replacingOccurrences(of: "&amp;", with: "&")), "\(href): \(subtitle) names \(filter)")
                if let total = HomePageTests.listTotal(page.text) {
                    // Title, filter line, headers (the ledger: two header rows), the rows, a count or totals line.
                    let headerRows = list.hasPrefix("/projects") ? 4 : 3
                    #expect(sheet.rows.count - headerRows - 1 == total, "\(href): \(sheet.rows.count - headerRows - 1) rows, the page counts \(total)")
                }
            }
            let narrowed = try await client.send(.get, "/projects?region=220113&stage=construction", as: fixture)
            #expect(narrowed.text.contains("属地：九台区") && narrowed.text.contains("阶段：开工建设"), "the ledger's filter in words")
        }
    }
}
