import Foundation
import GroundbreakDomain
import Testing

@Suite("谋划储备: entry rules, designations against their minimums, conversion")
struct ReserveTests {
    static let rules = ReserveRules(source: "t", levels: [.init(code: "county", name: "县区库"), .init(code: "city", name: "市级库")],
                                    sources: [.init(code: "government", name: "政府主导生成")], grades: [.init(code: "A", name: "A类")],
                                    designations: [.init(tag: "LEADER", name: "龙头项目", per: "region", minimum: 2),
                                                   .init(tag: "LANDMARK", name: "标志性项目", per: "department", minimum: 2)],
                                    bands: [.init(code: "100m", name: "亿元以上", minimumYuan: 100_000_000, cityCount: 1000),
                                            .init(code: "1b", name: "10亿元以上", minimumYuan: 1_000_000_000)])

    static func project(_ id: Int64, region: String = "220104", tags: [String] = [], lead: String? = nil, yi: Int64 = 2, started: Bool = false,
                        startedOn: Day = Day(year: 2026, month: 5, day: 1)!, cancelled: Bool = false) -> Project {
        Project(id: id, fields: ProjectFields(name: "项目\(id)", regionCode: region, categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(yi),
                                              actualStart: started ? startedOn : nil, tags: tags, leadDepartmentCode: lead),
                stage: cancelled ? .cancelled : started ? .construction : .reserve, createdAt: Date(), updatedAt: Date(), version: 1)
    }

    @Test("a district needs two 龙头 and a department two 标志性 among its reserve projects not started; started projects count for conversion, not the reserve")
    func figures() {
        let projects = [Self.project(1, tags: ["LEADER"]), Self.project(2, tags: ["LEADER"], started: true), Self.project(3, tags: ["LANDMARK"], lead: "CC-GXJ"),
                        Self.project(4, tags: ["LANDMARK"], lead: "CC-GXJ", yi: 0), Self.project(5, region: "220102", tags: ["LEADER"])]
        let entries = projects.map { ReserveEntry(projectId: $0.id, source: "government", grade: "A", note: "x", enteredOn: Day(year: $0.id == 2 ? 2025 : 2026, month: 3, day: 1)!) }
        let figures = ReserveFigures(entries: entries, projects: Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) }), rules: Self.rules,
                                     regions: [OrgUnit(kind: .region, code: "220104")], departments: [OrgUnit(kind: .department, code: "CC-GXJ")], catalog: catalog,
                                     on: Day(year: 2026, month: 11, day: 30)!)
        #expect(figures.reserveCount == 4 && figures.reserveAmount == .yi(6))
        #expect(figures.designations.map { "\($0.unit.code):\($0.tag)=\($0.count)\($0.met ? "✓" : "✗")" } == ["220104:LEADER=1✗", "CC-GXJ:LANDMARK=2✓"])
        #expect(figures.conversion.map { "\($0.year):\($0.started)/\($0.entered)" } == ["2025:1/1", "2026:0/4"])
    }

    @Test("an entry needs a known source and grade, a 谋划 note, a day not in the future, and a project not started")
    func entry() {
        let today = Day(year: 2026, month: 11, day: 23)!
        let good = ReserveEntry(projectId: 1, source: "government", grade: "A", note: "完成概念方案", enteredOn: today)
        #expect(ReserveRulesCheck.problems(good, project: Self.project(1), rules: Self.rules, today: today).isEmpty)
        let bad = ReserveEntry(projectId: 1, source: "", grade: "Z", note: "", enteredOn: today.adding(days: 1))
        #expect(Set(ReserveRulesCheck.problems(bad, project: Self.project(1, started: true), rules: Self.rules, today: today).map(\.field))
                == ["source", "grade", "note", "enteredOn", "projectId"])
    }
}
