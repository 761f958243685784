import Foundation
import GroundbreakDomain
import Testing

@Suite("集中开工: batches and start targets")
struct CampaignTests {
    static let target = CampaignCatalog.Target(code: "firstHalf", name: "上半年新开工亿元以上项目", throughMonth: 6, throughDay: 30, minimumYuan: 100_000_000, count: 400)

    static func project(_ id: Int64, start: String?, yi: Int64) -> Project {
        Project(id: id, fields: ProjectFields(name: "项目\(id)", regionCode: "220104", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(yi),
                                              actualStart: start.flatMap(Day.parse)), stage: start == nil ? .approval : .construction, createdAt: Date(), updatedAt: Date(), version: 1)
    }

    @Test("a start counts toward the half-year target when it falls from 1 January to 30 June of the year (not after today) and is of at least 1亿")
    func counted() {
        let projects = [Self.project(1, start: "2026-01-01", yi: 1), Self.project(2, start: "2026-06-30", yi: 3), Self.project(3, start: "2026-07-01", yi: 5),
                        Self.project(4, start: "2025-12-31", yi: 5), Self.project(5, start: "2026-03-01", yi: 0), Self.project(6, start: nil, yi: 9)]
        let today = Day(year: 2026, month: 11, day: 23)!
        #expect(CampaignRules.counted(projects, target: Self.target, year: 2026, today: today).map(\.id) == [1, 2])
        #expect(CampaignRules.counted(projects, target: Self.target, year: 2026, today: Day(year: 2026, month: 3, day: 1)!).map(\.id) == [1], "not after today")
    }

    @Test("a batch needs a name, a season of the catalogue, its day in its year and a district or zone if any")
    func rules() throws {
        let seasons = CampaignCatalog(source: "t", seasons: [.init(code: "spring", name: "春季集中开工", month: 4, day: 15, note: "")], targets: [Self.target])
        let good = Campaign(year: 2026, season: "spring", name: "2026年春季集中开工", heldOn: Day(year: 2026, month: 4, day: 15)!)
        #expect(CampaignRules.problems(good, catalog: seasons, reference: catalog).isEmpty)
        let bad = Campaign(year: 2026, season: "winter", name: "", heldOn: Day(year: 2025, month: 12, day: 1)!, unit: OrgUnit(kind: .department, code: "CC-FGW"))
        #expect(Set(CampaignRules.problems(bad, catalog: seasons, reference: catalog).map(\.field)) == ["name", "season", "heldOn", "unit"])
    }
}
