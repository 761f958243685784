import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("From the reporting board at once")
struct BoardActionsTests {
    struct Row: Sendable {
        var projectId: Int64
        var reportId: Int64?
        var version: Int?
        var state: String
    }

    static func rows(_ client: any TestClientProtocol, _ fixture: WebFixture) async throws -> [Row] {
        let board = try await client.send(.get, "/api/v1/reports?month=2026-10&perPage=500", as: fixture)
        return (board.object["rows"] as? [[String: Any]] ?? []).map {
            Row(projectId: Int64($0["projectId"] as? Int ?? 0), reportId: ($0["reportId"] as? Int).map(Int64.init), version: $0["version"] as? Int,
                state: $0["state"] as? String ?? "")
        }
    }

    @Test("催报 tells whoever owes each report still owed, once a day; the ticked reports are accepted together, a stale one left and counted", arguments: allEngines)
    func urgeAndAccept(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 80) { fixture, client in
            let before = try await Self.rows(client, fixture)
            let owed = before.filter { ["missing", "due", "returned"].contains($0.state) }
            #expect(!owed.isEmpty)
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let seats = owed.compactMap { row in projects.first { $0.id == row.projectId }?.fields.secretaryPositionId }
            let seat = try #require(seats.first)
            let secretary = try await fixture.signedIn(as: "mishu", roles: [.secretary], positionId: seat)
            let urged = try await client.send(.post, "/reports/urge", as: fixture, form: [("month", "2026-10")])
            #expect(urged.status == .seeOther && urged.location?.contains("notice=urged&count=\(owed.count)") == true, "\(urged.location ?? "")")
            let board = try await client.send(.get, try #require(urged.location), as: fixture)
            #expect(board.text.contains("已向 \(owed.count) 个项目的填报责任人发出催报"))
            let again = try await client.send(.post, "/reports/urge", as: fixture, form: [("month", "2026-10")])
            #expect(again.location?.contains("count=0") == true, "once a day")
            let inbox = try await client.send(.get, "/api/v1/notifications", as: secretary)
            let urges = (inbox.object["messages"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "report.urge" }.count
            #expect(urges == seats.filter { $0 == seat }.count, "the secretary hears of each of their projects still owing, once")

            let waiting = before.filter { $0.state == "submitted" || $0.state == "submittedLate" }.prefix(3)
            #expect(waiting.count == 3)
            var ticks = waiting.prefix(2).map { ("accept", "\($0.reportId!):\($0.version!)") }
            ticks.append(("accept", "\(waiting.last!.reportId!):\(waiting.last!.version! + 5)"))
            let accepted = try await client.send(.post, "/reports/accept", as: fixture, form: [("month", "2026-10")] + ticks)
            #expect(accepted.location?.contains("notice=accepted&count=2&left=1") == true, "\(accepted.location ?? "")")
            let after = try await Self.rows(client, fixture)
            for row in waiting.prefix(2) { #expect(after.first { $0.projectId == row.projectId }?.state == "accepted") }
            #expect(after.first { $0.projectId == waiting.last!.projectId }?.state == waiting.last!.state, "the stale tick changed nothing")
        }
    }

    @Test("a project's report form opens on the oldest month still owed, each month labelled as the board labels it; a link may ask for a month")
    func formOpensOnOwedMonth() async throws {
        try await withWeb(demoProjects: 80) { fixture, client in
            let missing = try #require(try await Self.rows(client, fixture).first { $0.state == "missing" })
            let page = try await client.send(.get, "/projects/\(missing.projectId)/reports", as: fixture)
            let selected = page.text.firstMatch(of: /<option value="(\d{4}-\d{2})" selected[^>]*>([^<]+)<\/option>/).map { (String($0.1), String($0.2)) }
            let project = try #require(try await fixture.services.projects.project(id: missing.projectId))
            let reports = try await fixture.services.reports.reports(projectId: project.id)
            let rules = fixture.services.reportRules
            var month = Month(webToday)
            var oldestOwed: Month?
            for _ in 0..<12 {
                let state = ReportState.of(reports.first { $0.month == month }, project: project, month: month, rules: rules, today: webToday)
                if ReportBoardFilter.owed.contains(state) { oldestOwed = month }
                month = month.previous
            }
            #expect(selected?.0 == oldestOwed?.iso, "\(selected ?? ("", ""))")
            #expect(page.text.contains("2026年10月（\(ReportState.missing.label)）"), "the month reads as the board reads it")
            let asked = try await client.send(.get, "/projects/\(missing.projectId)/reports?month=2026-09", as: fixture)
            #expect(asked.text.contains("<option value=\"2026-09\" selected"))
        }
    }

    @Test("the board filters by region (with the regions below it) and by 由我填报, on the page, in its workbook and in the API alike")
    func regionAndMine() async throws {
        try await withWeb(demoProjects: 80) { fixture, client in
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let all = try await Self.rows(client, fixture)
            let regions = all.compactMap { row in projects.first { $0.id == row.projectId }?.fields.regionCode }
            let region = try #require(regions.first)
            let inRegion = all.filter { row in projects.first { $0.id == row.projectId }?.fields.regionCode == region }
            let page = try await client.send(.get, "/reports?month=2026-10&region=\(region)", as: fixture)
            #expect(HomePageTests.listTotal(page.text) == inRegion.count)
            let regionName = try #require(fixture.services.catalog().region(region)?.name)
            #expect(page.text.contains("属地：\(regionName)"), "the filter is named")
            let api = try await client.send(.get, "/api/v1/reports?month=2026-10&region=\(region)", as: fixture)
            #expect((api.object["rows"] as? [Any])?.count == inRegion.count)

            let seats = all.compactMap { row in projects.first { $0.id == row.projectId }?.fields.secretaryPositionId }
            let seated = try #require(seats.first)
            let secretary = try await fixture.signedIn(as: "mishu", roles: [.secretary], positionId: seated)
            let mine = try await client.send(.get, "/reports?month=2026-10&mine=true", as: secretary)
            let owned = all.filter { row in projects.first { $0.id == row.projectId }?.fields.secretaryPositionId == seated }
            #expect(HomePageTests.listTotal(mine.text) == owned.count && mine.text.contains("由我填报"))
        }
    }

    @Test("the board lists the most urgent first, then by id; its chips, the API's counts and a district's own board agree with the rows")
    func orderAndCounts() async throws {
        try await withWeb(demoProjects: 80) { fixture, client in
            let all = try await Self.rows(client, fixture)
            let order = ReportBoardFilter.order.map(\.rawValue)
            let keys = all.map { (order.firstIndex(of: $0.state) ?? -1, $0.projectId) }
            #expect(!keys.contains { $0.0 < 0 }, "every row in a listed state")
            #expect(Set(all.map(\.state)).count >= 2, "the demo's month has rows in more than one state")
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "most urgent first, then by id")

            let board = try await client.send(.get, "/api/v1/reports?month=2026-10", as: fixture)
            let counts = try #require(board.object["counts"] as? [String: Int])
            #expect(counts == Dictionary(all.map { ($0.state, 1) }, uniquingKeysWith: +))
            let page = try await client.send(.get, "/reports?month=2026-10", as: fixture)
            #expect(HomePageTests.listTotal(page.text) == all.count)
            for state in ReportBoardFilter.order where counts[state.rawValue] != nil {
                let chip = try await client.send(.get, "/reports?month=2026-10&state=\(state.rawValue)", as: fixture)
                #expect(HomePageTests.listTotal(chip.text) == counts[state.rawValue], "\(state)")
            }

            // A district's board is read from SQL for its scope, the centre's from the snapshot.
            let projects = try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything)
            let region = "220104"
            let district = try await fixture.signedIn(as: "chaoyang", roles: [.region], unit: OrgUnit(kind: .region, code: region))
            let subtree = fixture.services.catalog().regionSubtree(region)
            let inDistrict = all.filter { row in projects.first { $0.id == row.projectId }.map { subtree.contains($0.fields.regionCode) } ?? false }
            #expect(!inDistrict.isEmpty)
            let own = try await Self.rows(client, district)
            #expect(own.map(\.projectId) == inDistrict.map(\.projectId) && own.map(\.state) == inDistrict.map(\.state))
        }
    }

    @Test("the board's API answers its rows a page at a time: the pages joined are the listed rows in order, counted; a bad page or size is refused by name")
    func apiPages() async throws {
        try await withWeb(demoProjects: 80) { fixture, client in
            let all = try await Self.rows(client, fixture)
            #expect(all.count > 40 && all.count % 20 != 0, "the demo's month is owed by two full pages of twenty and part of a third")
            var joined: [Int64] = []
            for page in 1...(all.count / 20 + 2) {
                let answer = try await client.send(.get, "/api/v1/reports?month=2026-10&perPage=20&page=\(page)", as: fixture)
                expectDocumented(answer, MonthlyEndpoints.apiReportsBoard)
                let rows = answer.object["rows"] as? [[String: Any]] ?? []
                #expect(rows.count == max(0, min(20, all.count - (page - 1) * 20)), "page \(page)")
                #expect(answer.object["listedCount"] as? Int == all.count && answer.object["page"] as? Int == page && answer.object["perPage"] as? Int == 20)
                joined += rows.map { Int64($0["projectId"] as? Int ?? 0) }
            }
            #expect(joined == all.map(\.projectId))

            let standard = try await client.send(.get, "/api/v1/reports?month=2026-10", as: fixture)
            #expect((standard.object["rows"] as? [Any])?.count == min(all.count, ReportBoardFilter.pageSize) && standard.object["perPage"] as? Int == ReportBoardFilter.pageSize)
            let missing = all.filter { $0.state == "missing" }
            let chip = try await client.send(.get, "/api/v1/reports?month=2026-10&state=missing&perPage=5", as: fixture)
            #expect(chip.object["listedCount"] as? Int == missing.count && (chip.object["counts"] as? [String: Int])?["missing"] == missing.count)
            #expect((chip.object["rows"] as? [[String: Any]])?.map { Int64($0["projectId"] as? Int ?? 0) } == Array(missing.prefix(5).map(\.projectId)))

            for (query, field) in [("perPage=0", "perPage"), ("perPage=501", "perPage"), ("page=0", "page"), ("page=x", "page")] {
                let refused = try await client.send(.get, "/api/v1/reports?month=2026-10&\(query)", as: fixture)
                #expect(refused.status == .badRequest && refused.text.contains(field), "\(query)")
                expectDocumented(refused, MonthlyEndpoints.apiReportsBoard)
            }
        }
    }

    @Test("the board a reader was shown is kept until the next change: a report sent shows at once, and each session's forms carry its own token", arguments: allEngines)
    func keptUntilChange(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 80) { fixture, client in
            let path = "/reports?month=2026-10&state=missing"
            func carriesOwnToken(_ page: TestResponse, _ session: WebFixture) -> Bool {
                let fields = page.text.components(separatedBy: #"name="_csrf" value=""#).count - 1
                return fields > 2 && page.text.components(separatedBy: #"name="_csrf" value="\#(session.csrfToken)""#).count - 1 == fields
            }
            let missing = try #require(try await Self.rows(client, fixture).first { $0.state == "missing" })
            let link = "/projects/\(missing.projectId)/reports?year=2026"
            let first = try await client.send(.get, path, as: fixture)
            #expect(first.status == .ok && first.text.contains(link) && carriesOwnToken(first, fixture))
            let other = try await fixture.newSession()
            let kept = try await client.send(.get, path, as: other)
            #expect(carriesOwnToken(kept, other) && !kept.text.contains(fixture.csrfToken), "the kept board takes the second session's token")
            #expect(kept.text.contains(link))

            let sent = try await client.send(.post, "/api/v1/projects/\(missing.projectId)/reports", as: fixture,
                                             json: #"{"month":"2026-10","dispatch":1000000,"statistical":800000}"#)
            #expect(sent.status == .ok || sent.status == .created)
            let after = try await client.send(.get, path, as: other)
            #expect(!after.text.contains(link), "the report sent leaves the missing list at once")
            let row = try await Self.rows(client, fixture).first { $0.projectId == missing.projectId }
            #expect(row?.state == "submittedLate")
        }
    }
}
