import Foundation
import GroundbreakDomain
import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// A unit's figures are computed over that unit's projects, and only units whose projects all lie
/// in the caller's scope are offered (a district that picked 长春市 read its own projects against
/// the city's target: "为年度计划的9.3%，落后时间进度82.7个百分点").
@Suite("Targets for a scoped reader")
struct ScopedTargetsTests {
    typealias Matrix = AuthorisationMatrixTests

    @Test("a district reads its own region's figures exactly as the centre reads them; the city is not offered and the API refuses it; a secretary is offered none")
    func scoped() async throws {
        try await withWeb { base, client in
            let world = try await Matrix.makeWorld(base)
            let centre = try await Matrix.caller(base, .center, world: world)
            let district = try await Matrix.caller(base, .region, world: world)
            let secretary = try await Matrix.caller(base, .secretary, world: world)
            let set = try await client.send(.post, "/api/v1/targets", as: centre,
                                            json: #"{"unit":"region:220104","year":2026,"indicator":"FAI_TOTAL","value":2000000000,"curve":"linear"}"#)
            #expect(set.status == .ok)

            let query = "/api/v1/targets?unit=region:220104&month=2026-10"
            let own = try await client.send(.get, query, as: district)
            let centres = try await client.send(.get, query, as: centre)
            #expect(own.status == .ok && centres.status == .ok)
            let readings = { (response: TestResponse) in
                String(decoding: try JSONSerialization.data(withJSONObject: response.object["readings"] ?? [], options: [.sortedKeys]), as: UTF8.self)
            }
            #expect(try readings(own) == readings(centres), "one unit, one set of figures, whoever reads them")
            let total = ((own.object["readings"] as? [[String: Any]]) ?? []).first { $0["indicator"] as? String == "FAI_TOTAL" }
            #expect(total?["actual"] as? Double == 12_000_000, "A's October report (1,200 万元) is the region's only figure")

            let city = try await client.send(.get, "/api/v1/targets?unit=region:220100&month=2026-10", as: district)
            #expect(city.status == .forbidden)
            expectDocumented(city, MonthlyEndpoints.apiTargets)
            let page = try await client.send(.get, "/targets?unit=region:220100&month=2026-10", as: district)
            #expect(page.status == .ok && !page.text.contains(#"value="region:220100""#), "the city is not offered")
            #expect(page.text.contains("朝阳区 2026年10月"), "the page falls back to the district's own figures")

            let seat = try await client.send(.get, "/targets", as: secretary)
            #expect(seat.status == .ok && seat.text.contains(WebText.Monthly.noUnitInScope))
            #expect(try await client.send(.get, "/api/v1/targets", as: secretary).status == .forbidden)
            #expect(!page.text.contains("seed 0"), "no developer text reaches a user")
        }
    }

    @Test("one 时间进度 per unit and month: every indicator of a unit reads the same, the curve set last holds for all, a write without a curve keeps the unit's")
    func oneTimeProgress() async throws {
        try await withWeb { fixture, client in
            func progresses() async throws -> Set<Double> {
                let readings = try await client.send(.get, "/api/v1/targets?unit=region:220104&month=2026-02", as: fixture)
                return Set(((readings.object["readings"] as? [[String: Any]]) ?? []).compactMap { ($0["timeProgress"] as? Double).map(rounded) })
            }
            let indicators = fixture.services.indicators
            func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
            func expected(_ curve: String) -> Set<Double> { [rounded(indicators.timeProgress(curve, month: 2) * 100)] }
            _ = try await client.send(.post, "/api/v1/targets", as: fixture,
                                      json: #"{"unit":"region:220104","year":2026,"indicator":"FAI_TOTAL","value":2000000000,"curve":"northern"}"#)
            let afterNorthern = try await progresses()
            #expect(afterNorthern == expected("northern") && expected("northern") != expected("linear"))
            _ = try await client.send(.post, "/api/v1/targets", as: fixture,
                                      json: #"{"unit":"region:220104","year":2026,"indicator":"STARTED_100M","value":10,"curve":"linear"}"#)
            #expect(try await progresses() == expected("linear"), "one figure for the unit, from the curve set last")
            _ = try await client.send(.post, "/api/v1/targets", as: fixture, json: #"{"unit":"region:220104","year":2026,"indicator":"STARTED_5000W","value":20}"#)
            #expect(try await progresses() == expected("linear"), "no curve given: the unit's own is kept")
            let stored = try await TargetRepository(database: fixture.services.database).targets(unit: TargetUnit(kind: .region, code: "220104"), year: 2026)
            #expect(stored.count == 3 && Set(stored.map(\.curve)) == ["linear"])
            let page = try await client.send(.get, "/targets?unit=region:220104&month=2026-02", as: fixture)
            #expect(page.text.contains("统一按“均匀”计算时间进度"))
            #expect(UnitTarget.unitCurve(of: []) == "linear")
        }
    }

    @Test("the page's figures are rendered once per reader and kept: each session's forms carry its own token, a target set shows at once")
    func renderedOnce() async throws {
        try await withWeb { fixture, client in
            let path = "/targets?unit=region:220104&month=2026-10"
            // Every form's token field (the targets' settings and the frame's sign-out) carries the session's own token.
            func carriesOwnToken(_ page: TestResponse, _ session: WebFixture) -> Bool {
                let fields = page.text.components(separatedBy: #"name="_csrf" value=""#).count - 1
                return fields > 2 && page.text.components(separatedBy: #"name="_csrf" value="\#(session.csrfToken)""#).count - 1 == fields
            }
            let first = try await client.send(.get, path, as: fixture)
            #expect(first.status == .ok && carriesOwnToken(first, fixture))
            let again = try await fixture.newSession()
            let second = try await client.send(.get, path, as: again)
            #expect(second.status == .ok && carriesOwnToken(second, again), "the kept figures take the second session's token")
            #expect(!second.text.contains(fixture.csrfToken), "not the first session's")

            let set = try await client.send(.post, "/targets", as: again, form: [("unit", "region:220104"), ("year", "2026"), ("month", "2026-10"),
                                                                              ("indicator", "FAI_TOTAL"), ("value", "123456"), ("curve", "linear")])
            #expect(set.status == .seeOther)
            let after = try await client.send(.get, path + "&notice=saved", as: fixture)
            #expect(after.text.contains("123,456") && after.text.contains(WebText.Monthly.saved), "the target set is read at once, with the notice")
            #expect(carriesOwnToken(after, fixture))
        }
    }
}
