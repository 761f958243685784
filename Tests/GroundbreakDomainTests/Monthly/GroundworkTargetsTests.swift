import Foundation
import GroundbreakDomain
import Testing

/// The front of the chain on the targets page: the reserve's bands as a stock on a day, the new
/// starts by a campaign target's day, the money issued against last year, and whose target holds.
@Suite("前期工作目标: reserve bands, start targets, funding against last year")
struct GroundworkTargetsTests {
    static let campaigns = CampaignCatalog(source: "t", seasons: [.init(code: "spring", name: "春季", month: 4, day: 15, note: "")],
                                           targets: [.init(code: "firstHalf", name: "上半年新开工亿元以上项目", throughMonth: 6, throughDay: 30, minimumYuan: 100_000_000, count: 400)])
    static let measures = GroundworkTargets.measures(reserve: ReserveTests.rules, campaigns: campaigns, year: 2026)
    static let day = Day(year: 2026, month: 10, day: 31)!
    static let city = TargetUnit(kind: .region, code: "220100")

    static func byId(_ projects: [Project]) -> [Int64: Project] {
        Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
    }

    static func entry(_ id: Int64, _ entered: Day = Day(year: 2026, month: 3, day: 1)!) -> ReserveEntry {
        ReserveEntry(projectId: id, source: "government", grade: "A", note: "x", enteredOn: entered)
    }

    @Test("the measures come from the data: each reserve band, each start target with its day in the year, and the funding comparison (not settable)")
    func measures() {
        #expect(Self.measures.map(\.code) == ["reserve:100m", "reserve:1b", "starts:firstHalf", "funding:issued"])
        #expect(Self.measures[2].through == Day(year: 2026, month: 6, day: 30) && Self.measures[0].cityCount == 1000 && Self.measures[1].cityCount == nil)
        #expect(Self.measures.filter(\.settable).count == 3)
    }

    @Test("a reserve band counts entries in the library on the day — entered by then, not started by then, not cancelled — of at least its amount")
    func reserveStock() {
        let projects = [ReserveTests.project(1, yi: 2), ReserveTests.project(2, yi: 12), ReserveTests.project(3, yi: 2, started: true, startedOn: Day(year: 2026, month: 11, day: 5)!),
                        ReserveTests.project(4, yi: 2, started: true, startedOn: Day(year: 2026, month: 9, day: 1)!), ReserveTests.project(5, yi: 3, cancelled: true),
                        ReserveTests.project(6, yi: 1)]
        let entries = [Self.entry(1), Self.entry(2), Self.entry(3), Self.entry(4), Self.entry(5), Self.entry(6, Day(year: 2026, month: 11, day: 1)!)]
        let readings = GroundworkTargets.readings(measures: Self.measures.filter { $0.kind == .reserve }, year: 2026, asOf: Self.day, reserved: Self.byId(projects), started: [], entries: entries,
                                                  funding: nil, set: [], isCity: true)
        // 1, 2 and 3 (started after the day) are waiting; 4 started before it, 5 is cancelled, 6 entered after it.
        #expect(readings.map(\.count) == [3, 1] && readings[0].amount == .yi(16) && readings[1].amount == .yi(12))
        #expect(readings[0].targetCount == 1000 && readings[0].targetSource == .data && readings[0].met == false)
        #expect(readings[1].targetSource == .none && readings[1].met == nil && readings[1].sentence.hasSuffix("暂未设定目标"))
        #expect(readings[0].sentence == "3个、总投资16.00亿元；目标1000个，完成0.3%，未完成目标")
        // A district holds no data target; its own target set on the page holds, count and amount both.
        let set = [GroundworkTarget(unit: TargetUnit(kind: .region, code: "220104"), year: 2026, measure: "reserve:100m", count: 3, amount: .yi(20))]
        let district = GroundworkTargets.readings(measures: Self.measures.filter { $0.kind == .reserve }, year: 2026, asOf: Self.day, reserved: Self.byId(projects), started: [], entries: entries,
                                                  funding: nil, set: set, isCity: false)
        #expect(district[0].targetSource == .set && district[0].met == false, "3 projects reach the count but 16亿 falls short of 20亿")
        #expect(district[1].targetSource == .none)
    }

    @Test("the start target counts starts from 1 January to its day, not after the reading's day; the city's own set target overrides the data")
    func starts() {
        let projects = [ReserveTests.project(1, started: true, startedOn: Day(year: 2026, month: 2, day: 1)!), ReserveTests.project(2, started: true, startedOn: Day(year: 2026, month: 7, day: 1)!),
                        ReserveTests.project(3, yi: 0, started: true, startedOn: Day(year: 2026, month: 3, day: 1)!),
                        ReserveTests.project(4, started: true, startedOn: Day(year: 2025, month: 12, day: 31)!)]
        let measure = Self.measures.filter { $0.kind == .starts }
        let october = GroundworkTargets.readings(measures: measure, year: 2026, asOf: Self.day, reserved: [:], started: projects, entries: [], funding: nil,
                                                 set: [GroundworkTarget(unit: Self.city, year: 2026, measure: "starts:firstHalf", count: 1, amount: nil)], isCity: true)
        #expect(october[0].count == 1 && october[0].asOf == Day(year: 2026, month: 6, day: 30) && october[0].targetCount == 1 && october[0].targetSource == .set && october[0].met == true)
        let march = GroundworkTargets.readings(measures: measure, year: 2026, asOf: Day(year: 2026, month: 1, day: 31)!, reserved: [:], started: projects, entries: [], funding: nil, set: [], isCity: true)
        #expect(march[0].count == 0 && march[0].asOf == Day(year: 2026, month: 1, day: 31) && march[0].targetCount == 400)
    }

    @Test("funding is held to last year to the same day: met only when both projects and money are higher")
    func funding() {
        let reading = { (thisCount: Int, thisYi: Int64, lastCount: Int, lastYi: Int64) -> GroundworkReading in
            var now = FundingMeasures(), before = FundingMeasures()
            now.issuedProjects = thisCount
            now.issued = .yi(thisYi)
            before.issuedProjects = lastCount
            before.issued = .yi(lastYi)
            var comparison = FundingComparison([], through: Self.day)
            comparison.thisYear = now
            comparison.lastYearToDate = before
            return GroundworkTargets.readings(measures: Self.measures.filter { $0.kind == .funding }, year: 2026, asOf: Self.day, reserved: [:], started: [], entries: [],
                                              funding: comparison, set: [], isCity: true)[0]
        }
        #expect(reading(5, 3, 4, 2).met == true)
        #expect(reading(5, 3, 5, 2).met == false, "as many projects is not more")
        #expect(reading(5, 2, 4, 3).met == false)
        #expect(reading(5, 3, 4, 2).sentence == "下达项目5个、下达3.00亿元；上年同期4个、2.00亿元；项目和资金均高于上年同期")
    }

    @Test("a target needs a known unit, a plausible year, a settable measure and no negative figure; neither figure clears it")
    func targetProblems() {
        let good = GroundworkTarget(unit: TargetUnit(kind: .region, code: "220104"), year: 2026, measure: "reserve:100m", count: 40, amount: nil)
        #expect(good.problems(measures: Self.measures, reference: catalog).isEmpty)
        #expect(GroundworkTarget(unit: good.unit, year: 2026, measure: "reserve:100m", count: nil, amount: nil).problems(measures: Self.measures, reference: catalog).isEmpty)
        let bad = GroundworkTarget(unit: TargetUnit(kind: .region, code: "999999"), year: 1900, measure: "funding:issued", count: -1, amount: Money(yuan: -5))
        #expect(Set(bad.problems(measures: Self.measures, reference: catalog).map(\.field)) == ["unit", "year", "measure", "count", "amount"])
    }

    @Test("the readings counted from each project's part are those counted from the projects, on any day; a project with neither an entry nor a start has no part")
    func partsAgree() {
        var generator = SystemRandomNumberGenerator()
        let days = [Self.day, Day(year: 2026, month: 3, day: 31)!, Day(year: 2026, month: 6, day: 30)!, Day(year: 2026, month: 12, day: 31)!]
        for _ in 0..<50 {
            let projects: [Project] = (1...40).map { id in
                let started = Bool.random(using: &generator)
                let startedOn = Day(year: Int.random(in: 2025...2026, using: &generator), month: Int.random(in: 1...12, using: &generator), day: 1)!
                return ReserveTests.project(Int64(id), yi: Int64.random(in: 0...15, using: &generator), started: started, startedOn: startedOn,
                                            cancelled: !started && Int.random(in: 0..<6, using: &generator) == 0)
            }
            let entries = projects.filter { _ in Bool.random(using: &generator) }
                .map { Self.entry($0.id, Day(year: 2026, month: Int.random(in: 1...12, using: &generator), day: 15)!) }
            let reserved = Self.byId(projects.filter { _ in Int.random(in: 0..<5, using: &generator) > 0 })
            let started = projects.filter { $0.stage == .construction }
            let parts = GroundworkTargets.parts(reserved: reserved, started: started, entries: entries)
            #expect(Set(parts.map(\.id)).count == parts.count, "one part a project")
            for day in days {
                let fromProjects = Self.readings(measures: Self.measures, day: day, reserved: reserved, started: started, entries: entries)
                let fromParts = GroundworkTargets.readings(measures: Self.measures, year: 2026, asOf: day, parts: parts.shuffled(using: &generator), funding: nil,
                                                           set: [], isCity: true)
                #expect(fromParts.map { Counted(code: $0.measure.code, asOf: $0.asOf, count: $0.count, amount: $0.amount) } == fromProjects, "\(day.iso)")
                #expect(fromParts.allSatisfy { $0.targetSource == GroundworkTargets.target($0.measure, set: [], isCity: true).source })
            }
        }
        #expect(GroundworkPart(ReserveTests.project(1), entry: nil) == nil, "in the reserve stage, with no entry")
        #expect(GroundworkPart(ReserveTests.project(2, started: true), entry: nil) != nil)
        #expect(GroundworkPart(ReserveTests.project(3), entry: Self.entry(3)) != nil)
    }

    struct Counted: Equatable {
        var code: String
        var asOf: Day
        var count: Int
        var amount: Money
    }

    /// The readings as counted before parts: each project tested as it stands.
    static func readings(measures: [GroundworkMeasure], day: Day, reserved: [Int64: Project], started: [Project], entries: [ReserveEntry]) -> [Counted] {
        let waiting = entries.compactMap { entry in reserved[entry.projectId].flatMap { entry.isWaiting($0, on: day) ? $0 : nil } }
        return measures.compactMap { measure in
            let counted: [Project]
            switch measure.kind {
            case .reserve: counted = waiting.filter { $0.fields.totalInvestment.yuan >= measure.minimumYuan }
            case .starts: counted = CampaignRules.started(started, year: 2026, through: min(measure.through!, day), minimumYuan: measure.minimumYuan)
            case .funding: return nil
            }
            return Counted(code: measure.code, asOf: measure.through.map { min($0, day) } ?? day, count: counted.count,
                           amount: counted.reduce(.zero) { $0 + $1.fields.totalInvestment })
        }
    }
}
