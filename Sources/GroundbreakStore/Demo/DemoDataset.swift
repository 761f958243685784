import Foundation
import GroundbreakDomain

/// A deterministic, Changchun-like dataset: same seed and same `today`, same data.
///
/// The shape follows what Changchun publishes: about 1,400 projects of ≥5000万 a year, most of
/// them 1–5亿, a few dozen above 20亿 with a city leader as sponsor, industry projects the
/// largest group, construction the most common stage.
public struct DemoDataset: Sendable {
    public struct SeatSpec: Sendable {
        public var id: Int64
        public var title: String
        public var unitName: String
        public var duty: Position.Duty
        public var holderName: String
        public var holderPhone: String
    }

    public struct ProjectSpec: Sendable {
        public var id: Int64
        public var fields: ProjectFields
        public var stage: Stage
        public var suspendedFrom: Stage?
        public var stageNote: String?
    }

    public var seats: [SeatSpec] = []
    public var projects: [ProjectSpec] = []

    public static let defaultProjectCount = 1500

    /// Builds `count` projects against `catalog`, with dates around `today`.
    /// `firstProjectId` and `firstSeatId` let the dataset be appended to a non-empty store.
    public static func generate(
        count: Int = defaultProjectCount, seed: UInt64 = 20_260_101, today: Day, catalog: ReferenceCatalog,
        firstProjectId: Int64 = 1, firstSeatId: Int64 = 1
    ) -> DemoDataset {
        var builder = DemoBuilder(random: SeededGenerator(seed: seed), today: today, catalog: catalog, nextSeatId: firstSeatId)
        var dataset = DemoDataset()
        builder.makeSponsors()
        for index in 0..<count {
            dataset.projects.append(builder.project(id: firstProjectId + Int64(index)))
        }
        dataset.seats = builder.seats
        return dataset
    }
}

/// The generator's working state.
struct DemoBuilder {
    var random: SeededGenerator
    let today: Day
    let catalog: ReferenceCatalog
    var nextSeatId: Int64
    var seats: [DemoDataset.SeatSpec] = []
    var sponsorIds: [Int64] = []
    var usedCodes: Set<String> = []
    var secretaryLoad: [(id: Int64, projects: Int)] = []

    typealias V = DemoVocabulary

    static let bands: [((Int64, Int64), Double)] = [
        ((500, 5_000), 8), ((5_000, 10_000), 22), ((10_000, 50_000), 38), ((50_000, 100_000), 14),
        ((100_000, 200_000), 9), ((200_000, 500_000), 6), ((500_000, 1_000_000), 2), ((1_000_000, 3_000_000), 1),
    ]

    static let stages: [(Stage, Double)] = [
        (.reserve, 14), (.attraction, 10), (.approval, 18), (.construction, 44), (.operation, 9), (.suspended, 3), (.cancelled, 2),
    ]

    /// Which districts a zone mostly sits in.
    static let zoneRegions: [String: [String]] = [
        "220171": ["220105", "220103"], "220172": ["220102", "220105"], "220173": ["220104", "220106"],
        "220174": ["220106", "220104"], "CC-XQ": ["220103", "220105", "220113"], "CC-ZH": ["220113"],
        "CC-LHS": ["220105"], "CC-BH": ["220103"], "CC-CD": ["220103", "220113"], "CC-KG": ["220113"], "CC-XL": ["220113"],
    ]

    static let zoneWeights: [(String, Double)] = [
        ("220171", 6), ("220172", 5), ("220173", 7), ("220174", 8), ("CC-XQ", 3), ("CC-ZH", 3),
        ("CC-LHS", 2), ("CC-BH", 2), ("CC-CD", 1.5), ("CC-KG", 1.5), ("CC-XL", 1),
    ]

    static let regionWeights: [(String, Double)] = [
        ("220102", 6), ("220103", 7), ("220104", 7), ("220105", 7), ("220106", 7), ("220112", 6),
        ("220113", 9), ("220122", 8), ("220182", 6), ("220183", 7), ("220184", 8), ("220100", 2),
    ]

    static let roads = ["人民大街", "亚泰大街", "卫星路", "东环城路", "西部快速路", "北远达大街", "长春大街", "普阳街", "硅谷大街", "飞跃路", "东方广场", "临河街", "新城大街", "超达大街", "丙二十八路"]

    mutating func personName() -> String {
        String(random.pick(V.surnames)) + random.pick(V.givenNames)
    }

    mutating func phone() -> String {
        "13\(Int.random(in: 0...9, using: &random))\(String(format: "%08d", Int.random(in: 0..<100_000_000, using: &random)))"
    }

    mutating func makeSponsors() {
        for title in V.sponsorTitles {
            let seat = DemoDataset.SeatSpec(
                id: nextSeatId, title: title, unitName: "中共长春市委、长春市人民政府", duty: .sponsor,
                holderName: personName(), holderPhone: phone()
            )
            nextSeatId += 1
            seats.append(seat)
            sponsorIds.append(seat.id)
        }
    }

    /// One secretary serves up to four projects; a new seat is opened when all are busy.
    mutating func secretary(leadDepartment: String?) -> Int64 {
        if let index = secretaryLoad.firstIndex(where: { $0.projects < 4 }), random.chance(0.7) {
            secretaryLoad[index].projects += 1
            return secretaryLoad[index].id
        }
        let unit = leadDepartment.flatMap { catalog.department($0)?.name } ?? "长春市重大项目服务中心"
        let seat = DemoDataset.SeatSpec(
            id: nextSeatId, title: "项目秘书", unitName: unit, duty: .secretary, holderName: personName(), holderPhone: phone()
        )
        nextSeatId += 1
        seats.append(seat)
        secretaryLoad.append((seat.id, 1))
        return seat.id
    }

    mutating func amount() -> Money {
        let (low, high) = random.weighted(Self.bands)
        let logValue = Double.random(in: log(Double(low))..<log(Double(high)), using: &random)
        var wan = Int64(exp(logValue))
        wan = wan >= 100_000 ? wan / 1000 * 1000 : (wan >= 10_000 ? wan / 100 * 100 : max(500, wan / 10 * 10))
        return .wan(wan)
    }

    mutating func creditCode(region: String) -> CreditCode {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var prefix = "91" + region
        for _ in 0..<9 { prefix.append(random.pick(alphabet)) }
        let check = CreditCode.checkCharacter(forPrefix: prefix)!
        return try! CreditCode.parse(prefix + String(check)).get()
    }

    mutating func projectCode(assigned: Day, region: String, division: String?) -> ProjectCode {
        while true {
            let serial = String(format: "%06d", Int.random(in: 0..<1_000_000, using: &random))
            let text: String
            if assigned >= Day(year: 2020, month: 11, day: 1)! {
                let type = random.weighted([("01", 0.8), ("05", 0.1), ("02", 0.1)])
                text = String(format: "%02d%02d", assigned.year % 100, assigned.month) + "-\(region)-89-\(type)-\(serial)"
            } else {
                let type = random.weighted([("01", 0.3), ("02", 0.2), ("03", 0.5)])
                text = "\(max(2016, assigned.year))-\(region)-\(division ?? "48")-\(type)-\(serial)"
            }
            if usedCodes.insert(text).inserted, case .success(let code) = ProjectCode.parse(text) { return code }
        }
    }

    mutating func day(from: Int, to: Int) -> Day {
        today.adding(days: Int.random(in: min(from, to)...max(from, to), using: &random))
    }

    mutating func project(id: Int64) -> DemoDataset.ProjectSpec {
        let categoryCode = random.weighted(V.categoryWeights)
        let shape = V.shapes[categoryCode]!
        var zone: String?
        var region: String
        if random.chance(0.4) {
            let chosen = random.weighted(Self.zoneWeights)
            zone = chosen
            region = random.pick(Self.zoneRegions[chosen]!)
        } else {
            region = random.weighted(Self.regionWeights)
        }
        let place: String
        if let zone { place = V.zonePlaces[zone]! }
        else if region == "220100" { place = "长春市" }
        else { place = random.pick(V.districtPlaces[region]!) }
        let core = random.pick(shape.cores)
        let suffix = core.hasSuffix("项目") ? random.pick(["", "（一期）", "（二期）"]) : random.pick(V.suffixes)
        let name = place + core + suffix
        let total = amount()
        let stage = random.weighted(Self.stages)
        let mainStage: Stage = stage == .suspended ? random.weighted([(.approval, 0.4), (.construction, 0.6)])
            : (stage == .cancelled ? random.weighted([(.reserve, 0.4), (.attraction, 0.4), (.approval, 0.2)]) : stage)
        let division = random.chance(mainStage >= .approval ? 0.97 : 0.6) ? random.pick(shape.divisions) : nil
        let lead = random.chance(0.95) ? random.pick(shape.leads) : nil
        let investmentType = InvestmentType(rawValue: random.weighted(shape.investmentType))!

        // Dates around today, consistent with the stage.
        var plannedStart: Day?
        var plannedCompletion: Day?
        var actualStart: Day?
        var actualCompletion: Day?
        switch mainStage {
        case .reserve, .attraction:
            plannedStart = random.chance(0.1) ? day(from: -120, to: -10) : day(from: 30, to: 540)
        case .approval:
            plannedStart = random.chance(0.25) ? day(from: -150, to: -5) : day(from: 5, to: 240)
        case .construction:
            actualStart = day(from: -1100, to: -10)
            plannedStart = actualStart!.adding(days: Int.random(in: -40...20, using: &random))
        case .operation:
            actualStart = day(from: -1800, to: -400)
            plannedStart = actualStart!.adding(days: Int.random(in: -30...30, using: &random))
            actualCompletion = min(today.adding(days: -1), actualStart!.adding(days: Int.random(in: 240...1200, using: &random)))
        default:
            break
        }
        if let start = plannedStart {
            let years = total >= .yi(20) ? Int.random(in: 730...1460, using: &random) : Int.random(in: 180...900, using: &random)
            plannedCompletion = start.adding(days: years)
            // A project still building was planned to finish ahead of today, unless it is one of the late ones below.
            if mainStage == .construction, let planned = plannedCompletion, planned < today { plannedCompletion = today.adding(days: 30 + years % 600) }
            if mainStage == .construction, random.chance(0.12) {
                plannedCompletion = day(from: -200, to: -5)
                // Late, but never before it was planned or actually started (the validator refuses that).
                let earliest = max(actualStart!, start)
                if plannedCompletion! < earliest { plannedCompletion = earliest.adding(days: 200) }
            }
        }

        let hasOwner = mainStage >= .approval || random.chance(mainStage == .attraction ? 0.7 : 0.3)
        let ownerName = hasOwner ? random.pick(V.ownerPrefixes) + random.pick(shape.owners) : ""
        let credit = hasOwner && random.chance(0.9) ? creditCode(region: region == "220100" ? "220100" : region) : nil
        let assigned = (actualStart ?? plannedStart ?? today).adding(days: -Int.random(in: 60...400, using: &random))
        let code = mainStage >= .approval && random.chance(0.92)
            ? projectCode(assigned: min(assigned, today), region: region, division: division) : nil

        let active = stage != .cancelled && mainStage != .operation
        var sponsor: Int64?
        if total >= .yi(20) && active && random.chance(0.9) || total >= .yi(10) && active && random.chance(0.2) {
            sponsor = random.pick(sponsorIds)
        }
        let secretaryId: Int64? = total >= .wan(5000) && active && random.chance(0.88) ? secretary(leadDepartment: lead) : nil

        var levels: [ProjectLevel] = []
        if mainStage == .reserve {
            levels.append(total >= .yi(5) ? .reserveCity : .reserveDistrict)
        } else {
            if total >= .yi(10) && random.chance(0.4) { levels.append(.provinceKey) }
            if total >= .yi(1) && random.chance(0.6) { levels.append(.cityKey) }
            else if random.chance(0.5) { levels.append(.districtKey) }
        }
        var tags: [String] = []
        if [.approval, .construction].contains(mainStage) && random.chance(0.15) { tags.append("SANZAO") }
        if random.chance(0.03) { tags.append("LEADER") }
        if random.chance(0.02) { tags.append("LANDMARK") }
        if ["INF-MUN", "SOC-HLT"].contains(categoryCode) && random.chance(0.1) { tags.append("PINGJI") }
        if ["INF-WAT", "INF-TRN"].contains(categoryCode) && random.chance(0.2) { tags.append("TWO_HEAVY") }
        if categoryCode == "IND-MFG" && random.chance(0.1) { tags.append("TWO_NEW") }
        if categoryCode == "IND-MFG" && random.chance(0.2) { tags.append("TECH_REFORM") }

        var support: [String] = []
        let helpers = ["CC-ZRZY", "CC-ZJJ", "CC-STHJ", "CC-ZSJ", "CC-CZJ", "CC-DLGS", "CC-GSJT", "CC-RQJT", "CC-RLJT", "CC-XFZD"]
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let helper = random.pick(helpers)
            if helper != lead && !support.contains(helper) { support.append(helper) }
        }

        let regionName = catalog.region(region)?.name ?? "长春市"
        let address = "\(regionName)\(random.pick(Self.roads))与\(random.pick(Self.roads))交汇处"
        let hasPoint = random.chance(0.6)
        let area = Int.random(in: 20...800, using: &random)
        let floor = Double(Int.random(in: 5...300, using: &random)) / 10
        let content = "\(core)，占地面积约\(area)亩，总建筑面积约\(floor)万平方米，主要建设生产及配套用房、道路管网等附属设施。"

        let fields = ProjectFields(
            name: name, code: code, ownerName: ownerName, ownerCreditCode: credit, regionCode: region, zoneCode: zone,
            categoryCode: categoryCode, industryDivision: division, investmentType: investmentType, totalInvestment: total,
            constructionContent: content,
            location: Location(
                address: address,
                longitude: hasPoint ? 125.05 + Double(Int.random(in: 0...7000, using: &random)) / 10000 : nil,
                latitude: hasPoint ? 43.65 + Double(Int.random(in: 0...5000, using: &random)) / 10000 : nil
            ),
            plannedStart: plannedStart, plannedCompletion: plannedCompletion, actualStart: actualStart,
            actualCompletion: actualCompletion, levels: levels.sorted(), tags: tags.sorted(), leadDepartmentCode: lead,
            supportDepartmentCodes: support, sponsorPositionId: sponsor, secretaryPositionId: secretaryId
        )
        let note: String? = switch stage {
        case .suspended: random.pick(["受征地拆迁影响暂缓实施", "企业资金链紧张，暂缓建设", "规划调整，待重新论证", "冬季停工，待春季复工"])
        case .cancelled: random.pick(["企业投资意向变化，项目终止", "选址不符合国土空间规划", "与其他项目合并实施"])
        default: nil
        }
        return DemoDataset.ProjectSpec(
            id: id, fields: fields, stage: stage, suspendedFrom: stage == .suspended ? mainStage : nil, stageNote: note
        )
    }
}
