@testable import GroundbreakDomain
import Testing

/// The projects a paragraph names as the largest are those a full sort would put first: by total,
/// equal totals by name, equal ones in the list's order, and never more than asked.
@Suite("Statistics: the largest projects named")
struct StatisticsLargestTests {
    @Test("the one-pass choice equals sorting the whole list and taking its head, ties included")
    func largestAsSorted() {
        var generator = SystemRandomNumberGenerator()
        let names = ["轨道交通三期工程", "百万头肉牛养殖项目", "电网能力提升改造工程", "Aa", "a", "生物医药产业园"]
        for round in 0..<20 {
            let projects = (0..<(round * 37)).map { index in
                ListedProject(projectId: Int64(index), name: names.randomElement(using: &generator)!,
                              total: .wan(Int64.random(in: 1...8, using: &generator) * 5_000), nature: nil, className: nil)
            }
            let sorted = projects.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
            for count in [0, 1, 5, StatisticsQuery.maxNamed, projects.count + 3] {
                let chosen = StatisticsFigures.largest(projects, count: count)
                #expect(chosen.map(\.projectId) == sorted.prefix(count).map(\.projectId), "round \(round), \(count) named")
            }
        }
    }
}
