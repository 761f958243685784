import Foundation
import GroundbreakDomain
import Testing

@Suite("Readiness: items, 几通一平, start conditions, land waiting")
struct ReadinessTests {
    static let items = ReadinessCatalog(
        source: "t", landWays: ["划拨", "招拍挂出让"],
        items: [.init(code: "landSupply", name: "供地", group: "land", problemCategory: "LAND", forStart: true, recordsWay: true),
                .init(code: "funds", name: "资金", group: "funds", problemCategory: "FUNDING", forStart: true),
                .init(code: "water", name: "通水", group: "utilities", problemCategory: "UTILITIES", forStart: false),
                .init(code: "power", name: "通电", group: "utilities", problemCategory: "UTILITIES", forStart: false),
                .init(code: "gas", name: "通气", group: "utilities", problemCategory: "UTILITIES", forStart: false),
                .init(code: "labour", name: "用工", group: "labour", problemCategory: "LABOUR", forStart: false)],
        levels: [.init(code: "two", name: "两通", items: ["water", "power"]), .init(code: "three", name: "三通", items: ["water", "power", "gas"])],
        minimumLevelForStart: "two")
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func item(_ code: String, _ state: ReadinessState, done: String? = nil, way: String = "") -> ReadinessItem {
        ReadinessItem(projectId: 1, code: code, state: state, doneOn: done.flatMap(Day.parse), way: way)
    }

    @Test("unrecorded items are pending; a level is reached when all its items are met (not needed counts); a start needs its items and the minimum level")
    func summary() {
        let none = ReadinessSummary(projectId: 1, recorded: [], catalog: Self.items)
        #expect(none.items.count == 6 && none.items.allSatisfy { $0.state == .pending } && none.level == nil)
        #expect(none.missingForStart == ["landSupply", "funds", "water", "power"], "catalogue order; labour and gas are not needed to start")
        let some = ReadinessSummary(projectId: 1, recorded: [Self.item("water", .done, done: "2026-05-01"), Self.item("power", .notNeeded),
                                                             Self.item("landSupply", .done, done: "2026-03-01", way: "划拨"), Self.item("funds", .inProgress)],
                                    catalog: Self.items)
        #expect(some.level == 0 && some.missingForStart == ["funds"] && !some.readyForStart && some.landSuppliedOn == Day(year: 2026, month: 3, day: 1))
        let all = ReadinessSummary(projectId: 1, recorded: some.items.map { var item = $0; if !item.state.isMet { item.state = .notNeeded }; return item },
                                   catalog: Self.items)
        #expect(all.level == 1 && all.readyForStart)
    }

    @Test("已拿地未开工 counts the days since the land came, only while the project has not started")
    func landWaiting() {
        let summary = ReadinessSummary(projectId: 1, recorded: [Self.item("landSupply", .done, done: "2026-03-01")], catalog: Self.items)
        var fields = ProjectFields(name: "某项目", regionCode: "220104", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(1))
        let waiting = Project(id: 1, fields: fields, stage: .approval, createdAt: Date(), updatedAt: Date(), version: 1)
        #expect(ReadinessSummary.daysWaiting(summary, project: waiting, today: Self.today) == 267)
        fields.actualStart = Day(year: 2026, month: 10, day: 1)
        #expect(ReadinessSummary.daysWaiting(summary, project: Project(id: 1, fields: fields, stage: .construction, createdAt: Date(), updatedAt: Date(), version: 1),
                                             today: Self.today) == nil)
        let pendingLand = ReadinessSummary(projectId: 1, recorded: [Self.item("landSupply", .inProgress)], catalog: Self.items)
        #expect(ReadinessSummary.daysWaiting(pendingLand, project: waiting, today: Self.today) == nil)
    }

    @Test("a done item needs its day, not in the future; only 供地 records a way, one of the catalogue's; an unknown item or unit is refused")
    func rules() {
        let check = { (item: ReadinessItem) in Set(ReadinessRules.problems(item, catalog: Self.items, reference: catalog, today: Self.today).map(\.field)) }
        #expect(check(Self.item("landSupply", .done, done: "2026-03-01", way: "划拨")).isEmpty)
        #expect(check(Self.item("landSupply", .done)) == ["doneOn"])
        #expect(check(Self.item("landSupply", .inProgress, done: "2026-03-01")) == ["doneOn"])
        #expect(check(Self.item("water", .done, done: "2026-11-24")) == ["doneOn"])
        #expect(check(Self.item("water", .pending, way: "划拨")) == ["way"])
        #expect(check(Self.item("landSupply", .pending, way: "抢占")) == ["way"])
        #expect(check(Self.item("roof", .pending)) == ["item"])
        var unit = Self.item("water", .pending)
        unit.unit = OrgUnit(kind: .department, code: "CC-NONE")
        #expect(check(unit) == ["unit"])
    }
}
