import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import Synchronization
import HTTPTypes
import HummingbirdTesting
import Testing

/// Figures read from many tables (the ranking, the lights, the screen, the home tiles) are
/// computed once per `FiguresGeneration` and shared; a change to anything they read — here a
/// lead and a problem, which the ledger's own generation does not follow — is in the next answer.
@Suite("Figures cached by generation", .serialized)
struct FiguresCacheTests {
    static func leads(_ table: TestResponse, unit: String) -> Int? {
        let rows = table.object["rows"] as? [[String: Any]] ?? []
        return (rows.first { $0["unit"] as? String == unit }?["figures"] as? [String: Any])?["leads"] as? Int
    }

    static func leadsRatio(_ table: TestResponse, unit: String) -> String? {
        let rows = table.object["rows"] as? [[String: Any]] ?? []
        let figures = rows.first { $0["unit"] as? String == unit }?["figures"] as? [String: Any]
        return (figures?["leadsSigned"] as? Int).flatMap { signed in (figures?["leads"] as? Int).map { "\(signed)/\($0)" } }
    }

    /// The page's 签约/线索 cell of `unit`'s row (the second-last of the figures table's row).
    static func leadsCell(_ html: String, unit: String) -> String? {
        guard let start = html.range(of: "data-unit=\"\(unit)\""), let end = html[start.upperBound...].range(of: "</tr>") else { return nil }
        let cells = html[start.upperBound..<end.lowerBound].matches(of: #/<td[^>]*>([^<]*)</td>/#).map { String($0.output.1) }
        return cells.dropLast().last
    }

    @Test("the ranking and the home page are computed once while nothing changes, and a new lead or problem is in the next answer", arguments: allEngines)
    func changesReachCachedFigures(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 60) { fixture, client in
            let services = fixture.services
            let ledgerGeneration = try await services.approvals.generation()
            let month = Month(webToday).iso
            let path = "/api/v1/assessment?month=\(month)"
            let first = try await client.send(.get, path, as: fixture)
            #expect(first.status == .ok)
            let before = Self.leads(first, unit: "region:220106") ?? 0
            #expect(services.assessmentTables.count == 1)
            let again = try await client.send(.get, path, as: fixture)
            #expect(NSDictionary(dictionary: again.object).isEqual(to: first.object) && services.assessmentTables.count == 1, "read again, nothing recomputed")

            let page = try await client.send(.get, "/assessment?month=\(month)", as: fixture)
            #expect(Self.leadsCell(page.text, unit: "region:220106") == Self.leadsRatio(first, unit: "region:220106"), "the page says what the API says")

            let staff = try await fixture.signedIn(as: "zs-cache", roles: [.attraction], unit: OrgUnit(kind: .region, code: "220106"))
            let body = #"{"title":"缓存检验项目","investor":{"name":"某公司","kind":"privateOwned"},"channel":"industryChain","unit":"region:220106"}"#
            let lead = try await client.send(.post, "/api/v1/leads", as: staff, json: body)
            #expect(lead.status == .created)
            #expect(try await services.approvals.generation() == ledgerGeneration, "a lead does not move the ledger's generation")
            // Another's write may lag on a dashboard (`FiguresLagWebTests`); a reader naming it may not.
            var naming = HTTPFields()
            naming[ReadRouting.seenHeader] = lead.headers[ReadRouting.generationHeader]
            let after = try await client.send(.get, path, as: fixture, headers: naming)
            #expect(Self.leads(after, unit: "region:220106") == before + 1, "the new lead is counted at once")
            // The page's table is rendered once per generation for every reader: not the one rendered before the lead.
            let district = try await fixture.signedIn(as: "ly-district", roles: [.region], unit: OrgUnit(kind: .region, code: "220106"))
            for reader in [district, fixture] {
                let pageAfter = try await client.send(.get, "/assessment?month=\(month)", as: reader)
                #expect(Self.leadsCell(pageAfter.text, unit: "region:220106") == Self.leadsRatio(after, unit: "region:220106"))
                #expect(pageAfter.text.contains(reader.userId == district.userId ? "ly-district" : "项目中心张三"), "each reader's own frame")
            }

            let home = try await client.send(.get, "/", as: fixture)
            let tiles = HomePageTests.tiles(home.text)
            let raised = try await client.send(.post, "/api/v1/problems", as: fixture,
                                               json: #"{"enterpriseName":"长春某零部件公司","regionCode":"220104","categoryCode":"FUNDING","description":"流动资金贷款难"}"#)
            #expect(raised.status == .created)
            let changed = HomePageTests.tiles(try await client.send(.get, "/", as: fixture).text)
            #expect(changed.map(\.path) == tiles.map(\.path))
            #expect(zip(tiles, changed).contains { $1.count == $0.count + 1 }, "a tile counts the new problem")
            for tile in changed {
                let list = try await client.send(.get, tile.path, as: fixture)
                #expect(HomePageTests.listTotal(list.text) == tile.count, "the tile for \(tile.path) equals its list after the change")
            }
        }
    }

    @Test("a generational cache keeps the newest value of each figures; a newer one answers a request at an older generation")
    func newestGenerationOnly() async throws {
        let cache = ValueCache<Int>(capacity: 8, generational: true)
        #expect(try await cache.value(for: "7.1|city") { 1 } == 1)
        #expect(try await cache.value(for: "7.1|district") { 2 } == 2)
        #expect(cache.count == 2, "one generation, two readers")
        #expect(try await cache.value(for: "8.1|city") { 3 } == 3)
        #expect(cache.count == 1, "the city's older value is replaced, and the district's leaves too: no request has let figures lag (`FiguresLagTests`)")
        #expect(try await cache.value(for: "7.1|district") { 4 } == 4, "asked again at its generation, it is computed again")
        let kept = try await cache.value(for: "8.1|city") { 99 }
        #expect(cache.count == 2 && kept == 3, "and the newer value stays")
        #expect(try await cache.value(for: "8.2|city") { 5 } == 5, "the shared counter counts too")
        let older = try await cache.value(for: "8.1|city") { 6 }
        #expect(older == 5 && cache.count == 1, "a request at an older generation is answered the newer value, which holds all it asked for")
        #expect(ValueCache<Int>.generation(of: "12.3|x") == [12, 3] && ValueCache<Int>.generation(of: "no generation") == nil)
    }

    @Test("a computation waits for an older generation's computation of the same figures to end: changes during a long computation do not pile more up")
    func olderComputationFirst() async throws {
        let cache = ValueCache<Int>(capacity: 8, generational: true)
        let concurrent = Concurrency()
        let computing = { @Sendable (value: Int) async throws -> Int in try await concurrent.run { value } }
        async let first = cache.value(for: "1.0|city") { try await computing(1) }
        try await Task.sleep(for: .milliseconds(30))
        async let second = cache.value(for: "2.0|city") { try await computing(2) }
        async let third = cache.value(for: "3.0|city") { try await computing(3) }
        let values = try await [first, second, third]
        // The second may be answered the third's value: newer, it holds all the second asked for.
        #expect(values[0] == 1 && [2, 3].contains(values[1]) && values[2] == 3)
        #expect(concurrent.most == 1, "one computation of the city's figures at a time")
        let kept = try await cache.value(for: "3.0|city") { 99 }
        #expect(cache.count == 1 && kept == 3)

        // Other figures (another reader's) do not wait.
        async let city = cache.value(for: "4.0|city") { try await computing(4) }
        async let district = cache.value(for: "4.0|district") { try await computing(5) }
        let both = try await [city, district]
        #expect(both == [4, 5] && concurrent.most == 2)
    }

    @Test("a full cache lets the values last known current longest ago go, not every reader's at once")
    func fullCacheKeepsTheRecent() async throws {
        let cache = ValueCache<Int>(capacity: 8, generational: true)
        for reader in 0..<8 {
            #expect(try await cache.value(for: "1.0|reader \(reader)") { reader } == reader)
            try await Task.sleep(for: .milliseconds(2))
        }
        #expect(try await cache.value(for: "1.0|reader 0") { -1 } == 0, "the first reader comes back")
        try await Task.sleep(for: .milliseconds(2))
        #expect(try await cache.value(for: "1.0|reader 8") { 8 } == 8)
        #expect(cache.count == 7, "a quarter left to make room: \(cache.count)")
        for reader in [0, 3, 7] {
            #expect(try await cache.value(for: "1.0|reader \(reader)") { -1 } == reader, "reader \(reader)'s value stayed")
        }
        #expect(try await cache.value(for: "1.0|reader 1") { 100 } == 100, "the value asked for longest ago left")
        #expect(try await cache.value(for: "1.0|reader 2") { 200 } == 200, "and the next")
    }

    @Test("readers asking at once for a value being computed wait for that one computation; a failure is not kept")
    func oneComputationForManyReaders() async throws {
        let cache = ValueCache<Int>(capacity: 4)
        let computations = Counter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await cache.value(for: "k") {
                        computations.increment()
                        try await Task.sleep(for: .milliseconds(100))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 16) && computations.value == 1)

        struct Failed: Error {}
        await #expect(throws: Failed.self) { try await cache.value(for: "bad") { throw Failed() } }
        #expect(try await cache.value(for: "bad") { 7 } == 7, "the failure was not kept")
        #expect(cache.count == 2)
    }
}

/// How many computations run at once, and the most that ever did.
private final class Concurrency: Sendable {
    private let state = Mutex((now: 0, most: 0))
    var most: Int { state.withLock { $0.most } }

    func run(_ value: () -> Int) async throws -> Int {
        state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
        try await Task.sleep(for: .milliseconds(150))
        state.withLock { $0.now -= 1 }
        return value()
    }
}

private final class Counter: Sendable {
    private let state = Mutex(0)
    func increment() { state.withLock { $0 += 1 } }
    var value: Int { state.withLock { $0 } }
}
