@testable import GroundbreakDomain
import Testing

/// A paragraph's figures summed one project at a time (`StatisticsFigures.Tally`) are what
/// counting the whole list gives: the projects at or above the threshold, by band, by class in
/// the scheme's order, by nature, the year before's beside them, and the largest named.
@Suite("Statistics: a year's projects tallied")
struct StatisticsTallyTests {
    static let classes = ["先进制造业", "棚户区改造", "重大基础设施", "现代服务业"]

    static func list(_ count: Int, using generator: inout some RandomNumberGenerator) -> [ListedProject] {
        let named: [String?] = classes + ["不在方案里的类", nil]
        let natures: [ListNature?] = ListNature.allCases + [nil]
        return (0..<count).map { index in
            ListedProject(projectId: Int64(index), name: "项目\(Int.random(in: 0..<50, using: &generator))",
                          total: .wan(Int64.random(in: 1...8, using: &generator) * 5_000), nature: natures.randomElement(using: &generator)!,
                          className: named.randomElement(using: &generator)!)
        }
    }

    static func tally(_ projects: [ListedProject], _ query: StatisticsQuery) -> StatisticsFigures.Tally {
        var tally = StatisticsFigures.Tally(query)
        for project in projects { tally.add(project) }
        return tally
    }

    @Test("every figure equals counting the whole list, for lists with and without a year before")
    func equalsCountingTheList() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let threshold = Money.wan(Int64(round % 4) * 10_000)
            let query = StatisticsQuery(regionCode: "220100", year: 2026, threshold: threshold, bands: [.wan(30_000), .wan(20_000)],
                                        style: ParagraphStyle(namedLargest: round % 7))
            let projects = Self.list(round * 23, using: &generator)
            let previous = round % 3 == 0 ? nil : Self.list(round * 11, using: &generator)
            let figures = StatisticsFigures.figures(unitName: "长春市", year: 2026, current: Self.tally(projects, query),
                                                    previous: previous.map { Self.tally($0, query) }, schemeName: "方案", classOrder: Self.classes)
            let counted = projects.filter { $0.total >= threshold }
            let before = previous?.filter { $0.total >= threshold }
            #expect(figures.count == counted.count && figures.previousCount == before?.count, "round \(round)")
            #expect(figures.total == counted.reduce(.zero) { $0 + $1.total })
            #expect(figures.bands.map(\.minimum) == [.wan(20_000), .wan(30_000)])
            for band in figures.bands {
                #expect(band.count == counted.count { $0.total >= band.minimum })
                #expect(band.previousCount == before?.count { $0.total >= band.minimum })
            }
            let byClass = try #require(figures.groups.first { $0.dimension == "方案" })
            #expect(byClass.items.map(\.name) == Self.classes)
            for (name, count) in byClass.items { #expect(count == counted.count { $0.className == name }, "\(name)") }
            let byNature = figures.groups.first { $0.dimension == StatisticsText.natureDimension }
            #expect((byNature != nil) == counted.contains { $0.nature != nil })
            for (nature, item) in zip(ListNature.allCases, byNature?.items ?? []) {
                #expect(item.name == nature.label && item.count == counted.count { $0.nature == nature })
            }
            let sorted = counted.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
            #expect(figures.largest.map(\.name) == sorted.prefix(round % 7).map(\.name))
            #expect(figures.largest.map(\.total) == sorted.prefix(round % 7).map(\.total))
        }
    }

    @Test("a project's name is asked for only when its total may place it among the largest")
    func namesAskedOnlyWhenPlaced() {
        var tally = StatisticsFigures.Tally(StatisticsQuery(regionCode: "220100", year: 2026, threshold: .zero, style: ParagraphStyle(namedLargest: 2)))
        var asked: [Int64] = []
        for (id, wan) in [(1, 500), (2, 900), (3, 100), (4, 900), (5, 1_000)] as [(Int64, Int64)] {
            tally.add(projectId: id, total: .wan(wan), nature: nil, className: nil) { asked.append(id); return "项目\(id)" }
        }
        #expect(asked == [1, 2, 4, 5], "the third, smaller than both kept, is never named")
        #expect(tally.offered == 5)
    }
}
