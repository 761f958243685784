@testable import GroundbreakDomain
import Testing

/// A paragraph counts the projects at or above its threshold by class, in the scheme's order:
/// each class's count is how many of those projects are of it, whatever else is on the list.
@Suite("Statistics: projects counted by class")
struct StatisticsClassCountTests {
    @Test("each class counts its projects at or above the threshold; unclassed and unknown classes count for none")
    func countsByClass() throws {
        var generator = SystemRandomNumberGenerator()
        let classes = ["先进制造业", "棚户区改造", "重大基础设施", "现代服务业"]
        let named: [String?] = classes + ["不在方案里的类", nil]
        let threshold = Money.wan(10_000)
        let projects = (0..<500).map { index in
            ListedProject(projectId: Int64(index), name: "项目\(index)", total: .wan(Int64.random(in: 1...4, using: &generator) * 5_000), nature: nil,
                          className: named.randomElement(using: &generator)!)
        }
        let figures = StatisticsFigures.compute(unitName: "长春市", query: StatisticsQuery(regionCode: "220100", year: 2026, threshold: threshold),
                                                listed: projects, previous: nil, schemeName: "方案", classOrder: classes)
        let group = try #require(figures.groups.first { $0.dimension == "方案" })
        #expect(group.items.map(\.0) == classes)
        for (name, count) in group.items {
            #expect(count == projects.count { $0.total >= threshold && $0.className == name }, "\(name)")
        }
        #expect(group.items.map(\.1).reduce(0, +) < figures.count, "the unclassed and unknown are in the count, not in a class")
    }
}
