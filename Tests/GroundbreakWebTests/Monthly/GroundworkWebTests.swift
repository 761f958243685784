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

/// 前期工作目标 on the targets page: the reserve's bands, the start targets and the money issued,
/// each read once and agreeing with the reserve, campaign and funding pages; the centre sets a
/// unit's targets, a district reads its own; bad input keeps nothing.
@Suite("前期工作目标 on the targets page", .serialized)
struct GroundworkWebTests {
    static func groundwork(_ response: TestResponse) -> [String: [String: Any]] {
        Dictionary(((response.object["groundwork"] as? [[String: Any]]) ?? []).map { ($0["measure"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("the city's figures on the targets page equal the reserve, campaign and funding pages'; the centre's targets hold for the unit and are what its own staff read everywhere", arguments: allEngines)
    func targets(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 40) { fixture, client in
            let month = try #require(Month(year: webToday.year, month: webToday.month)).iso
            let city = try await client.send(.get, "/api/v1/targets?unit=region:220100&month=\(month)", as: fixture)
            #expect(city.status == .ok)
            expectDocumented(city, MonthlyEndpoints.apiTargets)
            let readings = Self.groundwork(city)
            #expect(Set(readings.keys) == ["reserve:50m", "reserve:100m", "reserve:1b", "starts:firstHalf", "starts:threeQuarters", "funding:issued"])

            // One figure, one computation: the reserve page's band, the campaigns page's targets and the funding figures' total.
            let reserve = try await client.send(.get, "/api/v1/reserve", as: fixture)
            let band = ((reserve.object["bands"] as? [[String: Any]]) ?? []).first { $0["measure"] as? String == "reserve:100m" }
            #expect(band?["count"] as? Int == readings["reserve:100m"]?["count"] as? Int && band?["amountYuan"] as? Int == readings["reserve:100m"]?["amountYuan"] as? Int)
            #expect((readings["reserve:100m"]?["count"] as? Int ?? 0) > 0, "the demo has a reserve")
            let campaigns = try await client.send(.get, "/api/v1/campaigns?year=\(webToday.year)", as: fixture)
            for target in (campaigns.object["targets"] as? [[String: Any]]) ?? [] {
                let measure = target["measure"] as? String ?? ""
                #expect(target["count"] as? Int == readings[measure]?["count"] as? Int && target["targetCount"] as? Int == readings[measure]?["targetCount"] as? Int, "\(measure)")
            }
            let funding = try await client.send(.get, "/api/v1/funding/figures", as: fixture)
            let total = (funding.object["total"] as? [String: Any])?["thisYear"] as? [String: Any]
            #expect(total?["issuedProjects"] as? Int == readings["funding:issued"]?["count"] as? Int && total?["issuedYuan"] as? Int == readings["funding:issued"]?["amountYuan"] as? Int)
            #expect(readings["funding:issued"]?["targetSource"] as? String == "lastYear")

            // The centre sets a district's band; bad input keeps nothing.
            var query = ProjectQuery()
            query.perPage = 500
            let projects = try await fixture.services.projects.list(query, scope: .everything, catalog: fixture.services.catalog(), today: webToday).projects
            let district = try #require(projects.first { $0.fields.zoneCode == nil && $0.fields.regionCode != "220100" }?.fields.regionCode)
            let center = try await fixture.signedIn(as: "zhongxin-gw", roles: [.center], unit: OrgUnit(kind: .department, code: "CC-XMZX"))
            let bad = try await client.send(.post, "/api/v1/targets/groundwork", as: center, json: #"{"unit":"region:\#(district)","year":2026,"measure":"funding:issued","count":-3}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains("\"field\":\"measure\"") && bad.text.contains("\"field\":\"count\""))
            expectDocumented(bad, MonthlyEndpoints.apiSetGroundworkTarget)
            let badForm = try await client.send(.post, "/targets/groundwork", as: center, form: [("unit", "region:\(district)"), ("year", "2026"), ("measure", "reserve:100m"), ("count", "很多")])
            #expect(badForm.status == .unprocessableContent && badForm.text.contains("目标个数须为不小于0的整数"))
            #expect(try await GroundworkTargetRepository(database: fixture.services.database).targets(unit: TargetUnit(kind: .region, code: district), year: 2026).isEmpty, "nothing kept")
            let set = try await client.send(.post, "/targets/groundwork", as: center, form: [
                ("unit", "region:\(district)"), ("year", "2026"), ("month", month), ("measure", "reserve:100m"), ("count", "5"), ("amount", "100000"),
            ])
            #expect(set.status == .seeOther && set.location == "/targets?unit=region%3A\(district)&month=\(month)&notice=saved")
            let staff = try await fixture.signedIn(as: "qu-gw", roles: [.region], unit: OrgUnit(kind: .region, code: district))
            let own = try await client.send(.get, "/api/v1/targets?unit=region:\(district)&month=\(month)", as: staff)
            let ownBand = try #require(Self.groundwork(own)["reserve:100m"])
            #expect(ownBand["targetCount"] as? Int == 5 && ownBand["targetAmountYuan"] as? Int == 1_000_000_000 && ownBand["targetSource"] as? String == "set")
            #expect(Self.groundwork(own)["starts:firstHalf"]?["targetSource"] as? String == "none", "the city's 400 is not a district's target")
            let staffReserve = try await client.send(.get, "/api/v1/reserve", as: staff)
            let staffBand = ((staffReserve.object["bands"] as? [[String: Any]]) ?? []).first { $0["measure"] as? String == "reserve:100m" }
            #expect(staffBand?["count"] as? Int == ownBand["count"] as? Int && staffBand?["targetCount"] as? Int == 5, "the district's reserve page reads its own target")
            #expect(try await client.send(.post, "/api/v1/targets/groundwork", as: staff, json: #"{"unit":"region:\#(district)","year":2026,"measure":"reserve:100m","count":1}"#).status == .forbidden)

            // The page and the workbook say the same sentence; the centre sees the form.
            let page = try await client.send(.get, "/targets?unit=region:\(district)&month=\(month)", as: center)
            let sentence = try #require(ownBand["sentence"] as? String)
            #expect(page.status == .ok && page.text.contains("data-measure=\"reserve:100m\"") && page.text.contains(sentence) && page.text.contains("/targets/groundwork"))
            let book = try await client.send(.get, "/targets.xlsx?unit=region:\(district)&month=\(month)", as: staff)
            let rows = try SpreadsheetReader.read(Array(book.body.readableBytesView)).rows.map { $0.map(\.text) }
            #expect(rows.contains { $0.first?.hasPrefix("亿元以上储备项目") == true && $0.contains(sentence) })

            // The centre overrides the city's data target; the reserve page follows. Clearing returns to the data.
            _ = try await client.send(.post, "/api/v1/targets/groundwork", as: center, json: #"{"unit":"region:220100","year":2026,"measure":"reserve:100m","count":1200}"#)
            let overridden = ((try await client.send(.get, "/api/v1/reserve", as: fixture).object["bands"] as? [[String: Any]]) ?? []).first { $0["measure"] as? String == "reserve:100m" }
            #expect(overridden?["targetCount"] as? Int == 1200 && overridden?["targetSource"] as? String == "set")
            let cleared = try await client.send(.post, "/api/v1/targets/groundwork", as: center, json: #"{"unit":"region:220100","year":2026,"measure":"reserve:100m"}"#)
            #expect(cleared.status == .ok)
            expectDocumented(cleared, MonthlyEndpoints.apiSetGroundworkTarget)
            #expect(Self.groundwork(cleared)["reserve:100m"]?["targetCount"] as? Int == 1000 && Self.groundwork(cleared)["reserve:100m"]?["targetSource"] as? String == "data")
        }
    }
}
