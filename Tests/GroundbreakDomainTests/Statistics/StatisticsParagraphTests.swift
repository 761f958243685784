import Foundation
import GroundbreakDomain
import Testing

/// The seeds' own sentences, from their own figures. Seed 004 as stored uses half-width `,` and
/// `;` (a conversion artefact beside its full-width `。`); officials' Chinese uses the full-width
/// marks, so the seed's sentence is compared with its marks made full-width and nothing else changed.
@Suite("Statistics paragraph")
struct StatisticsParagraphTests {
    static func fullWidthMarks(_ text: String) -> String {
        text.replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: ";", with: "；")
    }

    @Test("seed 004: a district's 3000万元以上 list by size, by its own six fields and by construction nature")
    func seed004() {
        let seed = "2019年,二道区实施3000万元以上重点项目101个,总投资914亿元。按投资规模看,亿元以上项目91个,5亿元以上项目59个;按产业类别看,先进制造业项目4个,现代服务业项目51个,现代农业项目1个,战略性新兴产业项目5个,重大基础设施项目11个,棚户区改造项目29个;按建设进度看,新建项目21个,续建项目31个,谋划项目49个。"
        let figures = StatisticsFigures(
            unitName: "二道区", year: 2019, threshold: .wan(3_000), count: 101, total: .yi(914),
            bands: [.init(minimum: .yi(1), count: 91), .init(minimum: .yi(5), count: 59)],
            groups: [
                .init(dimension: "产业类别", items: [("先进制造业", 4), ("现代服务业", 51), ("现代农业", 1), ("战略性新兴产业", 5), ("重大基础设施", 11), ("棚户区改造", 29)]),
                .init(dimension: StatisticsText.natureDimension, items: [("新建", 21), ("续建", 31), ("谋划", 49)]),
            ])
        #expect(StatisticsParagraph.write(figures, style: ParagraphStyle()) == Self.fullWidthMarks(seed))
    }

    @Test("seed 002: a city's 5000万元以上 list with 同比 per band and the largest projects named")
    func seed002() {
        let seed = "2021年，长春市共建设5000万元以上项目1315个，其中亿元以上项目1117个，同比增加5个，10亿元以上项目325个，同比增加23个，50亿元以上项目28个，同比增加1个，100亿元以上项目9个，同比增加4个。包括总投资879亿元的轨道交通三期工程、总投资160亿元的百万头肉牛养殖项目、总投资130亿元的一小时都市圈高速环线(二期)、总投资100亿元的电网能力提升改造工程、总投资100亿元的东北亚国际博览中心项目、总投资79亿元的一汽红旗新能源汽车工厂项目、总投资35亿元的中车整车搬迁和建设项目、总投资18亿元的金赛国际医药产业园等重大项目。"
        let largest: [(String, Int64)] = [("轨道交通三期工程", 879), ("百万头肉牛养殖项目", 160), ("一小时都市圈高速环线(二期)", 130), ("电网能力提升改造工程", 100),
                                          ("东北亚国际博览中心项目", 100), ("一汽红旗新能源汽车工厂项目", 79), ("中车整车搬迁和建设项目", 35), ("金赛国际医药产业园", 18)]
        let figures = StatisticsFigures(
            unitName: "长春市", year: 2021, threshold: .wan(5_000), count: 1315, previousCount: 1300, total: .yi(9000),
            bands: [.init(minimum: .yi(1), count: 1117, previousCount: 1112), .init(minimum: .yi(10), count: 325, previousCount: 302),
                    .init(minimum: .yi(50), count: 28, previousCount: 27), .init(minimum: .yi(100), count: 9, previousCount: 5)],
            largest: largest.map { .init(name: $0.0, total: .yi($0.1)) })
        #expect(StatisticsParagraph.write(figures, style: ParagraphStyle(shape: .among, showTotal: false, namedLargest: 8)) == seed)
    }

    @Test("同比 says 减少 and 持平 too; amounts are written as officials write them; a class with none is left out")
    func wording() {
        #expect(StatisticsText.amount(.wan(3_659_800)) == "365.98亿元")
        #expect(StatisticsText.amount(.yi(914)) == "914亿元" && StatisticsText.amount(.wan(3_000)) == "3000万元")
        #expect(StatisticsText.amount(Money(yuan: 91_450_000_000)) == "914.5亿元")
        #expect(StatisticsText.band(.wan(5_000)) == "5000万元以上" && StatisticsText.band(.yi(1)) == "亿元以上" && StatisticsText.band(.yi(100)) == "100亿元以上")
        let figures = StatisticsFigures(unitName: "绿园区", year: 2025, threshold: .wan(5_000), count: 40, total: .wan(3_659_800),
                                        bands: [.init(minimum: .yi(1), count: 30, previousCount: 33), .init(minimum: .yi(10), count: 4, previousCount: 4)],
                                        groups: [.init(dimension: "建设进度", items: [("新建", 10), ("续建", 30), ("谋划", 0)])])
        #expect(StatisticsParagraph.write(figures, style: ParagraphStyle())
                == "2025年，绿园区实施5000万元以上重点项目40个，总投资365.98亿元。按投资规模看，亿元以上项目30个，同比减少3个，10亿元以上项目4个，同比持平；按建设进度看，新建项目10个，续建项目30个。")
    }

    @Test("a project's implied nature for a year: started this year is 新建, earlier 续建, finished this year 竣工, not started 谋划")
    func implied() {
        func project(_ stage: Stage, start: String? = nil, completion: String? = nil, planned: String? = nil) -> Project {
            Project(id: 1, fields: ProjectFields(name: "x", regionCode: "220105", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .wan(5_000),
                                                 plannedStart: planned.flatMap(Day.parse), actualStart: start.flatMap(Day.parse), actualCompletion: completion.flatMap(Day.parse)),
                    stage: stage, createdAt: Date(), updatedAt: Date(), version: 1)
        }
        #expect(ListNature.implied(by: project(.construction, start: "2019-04-01"), year: 2019) == .newStart)
        #expect(ListNature.implied(by: project(.construction, start: "2018-04-01"), year: 2019) == .continuing)
        #expect(ListNature.implied(by: project(.operation, start: "2017-04-01", completion: "2019-10-01"), year: 2019) == .completed)
        #expect(ListNature.implied(by: project(.reserve), year: 2019) == .planning)
        #expect(ListNature.implied(by: project(.approval, planned: "2019-06-01"), year: 2019) == .newStart)
        #expect(ListNature.implied(by: project(.operation, start: "2015-04-01", completion: "2017-10-01"), year: 2019) == nil)
    }
}
