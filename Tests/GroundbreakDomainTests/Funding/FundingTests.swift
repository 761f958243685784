import Foundation
import GroundbreakDomain
import Testing

@Suite("Funding: maturity, checklist, the application's life, figures against last year")
struct FundingTests {
    static let ladder: [FundingCatalog.MaturityLevel] = [
        .init(code: "L0", name: "谋划", criteria: ""),
        .init(code: "L1", name: "储备", criteria: "", requiresCode: true),
        .init(code: "L2", name: "前期", criteria: "", approvals: [["GOV-FEAS", "ENT-FILING"], ["LAND-SITE"]]),
        .init(code: "L3", name: "具备开工条件", criteria: "", approvals: [["LAND-PLAN"], ["EIA-REPORT", "EIA-FORM"]]),
        .init(code: "L4", name: "已开工", criteria: "", stages: [.construction, .operation]),
        .init(code: "L5", name: "竣工投产", criteria: "", stages: [.operation]),
    ]
    static let bond = FundingCatalog.Channel(
        code: "specialBond", name: "地方政府专项债券", department: "CC-FGW", spendWithinMonths: 6,
        checklist: [.init(code: "libraries", name: "入库"), .init(code: "feasibility", name: "可研", approvals: [["GOV-FEAS", "ENT-FILING"]]),
                    .init(code: "ready", name: "具备开工条件", maturity: "L3"), .init(code: "negativeList", name: "负面清单", negativeList: true)],
        negativeList: [.init(name: "房地产开发", categories: ["RE"], divisions: ["70"], except: ["SOC-HSG"]), .init(name: "一般竞争性产业", categories: ["IND-MFG"])],
        issueWord: "发行")
    static let funding = FundingCatalog(source: "t", channels: [bond, .init(code: "centralBudget", name: "中央预算内投资", department: "CC-FGW", programmes: ["水利"])],
                                        maturity: ladder)
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func day(_ text: String) -> Day { Day.parse(text)! }

    static func application(_ id: Int64 = 1, channel: String = "specialBond", created: String = "2026-01-10", asked: Int64 = 10_000, projects: [Int64] = [7]) -> FundingApplication {
        FundingApplication(id: id, title: "某片区基础设施专项债券申报", channelCode: channel, unit: OrgUnit(kind: .region, code: "220104"), handlerName: "王科长",
                           projects: projects.map { AppliedProject(projectId: $0, asked: .wan(asked)) }, stateSince: day(created), createdOn: day(created))
    }

    /// Plays events in order; every one must be accepted.
    static func played(_ application: FundingApplication, _ events: [(FundingEvent.Kind, String, Int64?)]) throws -> FundingApplication {
        try events.reduce(application) { current, event in
            try FundingRules.apply(FundingEvent(applicationId: current.id, kind: event.0, on: day(event.1), amount: event.2.map { .wan($0) }, note: "x", actorName: "t"),
                                   to: current, today: today).get()
        }
    }

    @Test("maturity climbs rung by rung: a code, then 可研 and 选址, then the permits; a stage reaches its rung whatever the papers; without a plan nothing is known")
    func maturity() {
        let level = { (stage: Stage, code: Bool, items: [String: Bool]?) in FundingMaturity.level(.init(stage: stage, hasCode: code, items: items), ladder: Self.ladder) }
        #expect(level(.reserve, false, nil) == 0)
        #expect(level(.reserve, true, nil) == 1)
        #expect(level(.approval, true, ["GOV-FEAS": true, "LAND-SITE": true, "LAND-PLAN": false]) == 2)
        #expect(level(.approval, false, ["GOV-FEAS": true, "LAND-SITE": true]) == 0, "no code: the rung below is missing")
        #expect(level(.approval, true, ["GOV-FEAS": true, "LAND-SITE": false, "LAND-PLAN": true]) == 1, "选址 pending: the permits above it do not count")
        // An enterprise filing project has no 可研 item: its 备案 stands for it; a project with no EIA item in its plan needs none.
        #expect(level(.approval, true, ["ENT-FILING": true, "LAND-SITE": true, "LAND-PLAN": true]) == 3)
        #expect(level(.approval, true, ["ENT-FILING": true, "LAND-SITE": true, "LAND-PLAN": true, "EIA-FORM": false]) == 2, "its EIA is pending")
        #expect(level(.construction, false, nil) == 4)
        #expect(level(.operation, true, [:]) == 5)
    }

    @Test("the checklist reads approvals, maturity and the negative list for every project, the applicant's answer decides with its evidence")
    func checklist() {
        let facts = { (id: Int64, items: [String: Bool]) in FundingMaturity.Facts(stage: .approval, hasCode: true, items: items) }
        let ready = facts(1, ["GOV-FEAS": true, "LAND-SITE": true, "LAND-PLAN": true, "EIA-REPORT": true])
        let early = facts(2, ["GOV-FEAS": false, "LAND-SITE": false])
        var reading = FundingEligibility(channel: Self.bond, catalog: Self.funding, projects: [(1, ready, "INF-MUN", nil), (2, early, "RE", "70")], answers: [])
        #expect(reading.projects.map(\.maturity) == [3, 1] && reading.maturity == 1, "as ready as the least ready project")
        #expect(reading.projects[1].excluded == ["房地产开发"] && reading.projects[0].excluded.isEmpty)
        let lines = Dictionary(uniqueKeysWithValues: reading.lines.map { ($0.item.code, $0) })
        #expect(lines["libraries"]?.computed == nil && lines["libraries"]?.met == false, "the applicant's to answer")
        #expect(lines["feasibility"]?.computed == false && lines["feasibility"]?.shortProjects == [2])
        #expect(lines["ready"]?.shortProjects == [2] && lines["negativeList"]?.shortProjects == [2])
        #expect(!reading.isEligible && reading.metCount == 0)
        reading = FundingEligibility(channel: Self.bond, catalog: Self.funding, projects: [(1, ready, "INF-MUN", nil)],
                                     answers: [ChecklistAnswer(itemCode: "libraries", met: true, evidence: "长发改投资〔2026〕12号")])
        #expect(reading.isEligible && reading.metCount == 4)
        let overruled = FundingEligibility(channel: Self.bond, catalog: Self.funding, projects: [(1, ready, "INF-MUN", nil)],
                                           answers: [ChecklistAnswer(itemCode: "libraries", met: true, evidence: "x"), ChecklistAnswer(itemCode: "feasibility", met: false, evidence: "")])
        #expect(!overruled.isEligible, "an answer overrules the data")
        #expect(FundingEligibility.excluded(category: "SOC-HSG", division: "70", by: Self.bond.negativeList).isEmpty, "保障性住房 is allowed")
        #expect(FundingEligibility.excluded(category: "IND-MFG-X", division: nil, by: Self.bond.negativeList) == ["一般竞争性产业"], "a class under a listed one")
        #expect(FundingEligibility.excluded(category: "IND-MFGX", division: nil, by: Self.bond.negativeList).isEmpty, "a prefix is not a parent")
    }

    @Test("a new application needs a title, a known channel and its 专项 where it has them, a known unit, projects once each with positive amounts")
    func newApplication() {
        #expect(FundingRules.problems(Self.application(), catalog: Self.funding, reference: catalog, today: Self.today).isEmpty)
        var bad = Self.application(channel: "centralBudget")
        bad.title = ""
        bad.projects = [AppliedProject(projectId: 7, asked: .zero), AppliedProject(projectId: 7, asked: .wan(1))]
        bad.unit = OrgUnit(kind: .region, code: "999999")
        bad.createdOn = Self.today.adding(days: 1)
        let fields = Set(FundingRules.problems(bad, catalog: Self.funding, reference: catalog, today: Self.today).map(\.field))
        #expect(fields == ["title", "programme", "unit", "projects", "asked", "createdOn"])
        var withProgramme = Self.application()
        withProgramme.programme = "水利"
        #expect(FundingRules.problems(withProgramme, catalog: Self.funding, reference: catalog, today: Self.today).map(\.message) == ["地方政府专项债券不分专项或投向，请留空"])
    }

    @Test("an application moves forward only; money never runs ahead of the step it comes from; dates keep their order; 未入选 ends it")
    func life() throws {
        let start = Self.application()
        let refuse = { (application: FundingApplication, kind: FundingEvent.Kind, on: String, wan: Int64?, note: String) -> [String] in
            switch FundingRules.apply(FundingEvent(applicationId: 1, kind: kind, on: Self.day(on), amount: wan.map { .wan($0) }, note: note, actorName: "t"),
                                      to: application, today: Self.today) {
            case .success: return []
            case .failure(let failure): return failure.errors.map(\.message)
            }
        }
        #expect(refuse(start, .issued, "2026-02-01", 100, "") == ["申报处于“谋划”，不能登记“下达”"])
        #expect(refuse(start, .submitted, "2026-01-09", nil, "").first?.contains("不能早于 2026-01-10") == true)
        #expect(refuse(start, .submitted, "2026-11-24", nil, "") == [DomainText.dateInFuture.zh])
        let selected = try Self.played(start, [(.submitted, "2026-01-20", nil), (.reviewing, "2026-02-05", nil), (.selected, "2026-03-01", 8_000)])
        #expect(selected.state == .selected && selected.approved == .wan(8_000) && selected.submittedOn == Self.day("2026-01-20"))
        #expect(refuse(start, .selected, "2026-02-01", 1, "").count == 1, "not submitted yet")
        #expect(refuse(try Self.played(start, [(.submitted, "2026-01-20", nil)]), .selected, "2026-03-01", 10_001, "") == ["入选金额累计不能超过申请金额10000.00万元"])
        #expect(refuse(selected, .issued, "2026-04-01", 8_001, "") == ["下达金额累计不能超过入选金额8000.00万元"])
        let issued = try Self.played(selected, [(.issued, "2026-04-01", 5_000)])
        #expect(issued.state == .issued)
        #expect(refuse(issued, .arrived, "2026-04-02", 5_001, "") == ["到位金额累计不能超过下达金额5000.00万元"])
        #expect(refuse(issued, .arrived, "2026-03-31", 100, "").first?.contains("不能早于 2026-04-01") == true, "money arrives after it is issued")
        #expect(refuse(issued, .spent, "2026-04-10", 100, "").count == 1, "nothing arrived yet")
        let spending = try Self.played(issued, [(.arrived, "2026-04-10", 5_000), (.spent, "2026-05-10", 2_000), (.issued, "2026-06-01", 3_000), (.arrived, "2026-06-10", 3_000),
                                                (.spent, "2026-07-01", 1_000)])
        #expect(spending.state == .spending && spending.issued == .wan(8_000) && spending.arrived == .wan(8_000) && spending.spent == .wan(3_000))
        #expect(spending.stateSince == Self.day("2026-05-10"), "a second tranche does not move the state back")
        #expect(refuse(spending, .spent, "2026-07-02", 5_001, "").first?.hasPrefix("支出金额累计不能超过到位金额8000.00万元") == true)
        let rejected = try Self.played(start, [(.submitted, "2026-01-20", nil), (.rejected, "2026-03-01", nil)])
        #expect(rejected.state == .rejected && FundingRules.allowed(in: .rejected) == [.note])
        let submitted = try Self.played(start, [(.submitted, "2026-01-20", nil)])
        #expect(refuse(submitted, .rejected, "2026-03-01", nil, "") == [DomainText.required(field: "note").zh], "a rejection says why")
    }

    @Test("figures count each step on its own day: this year to date against last year to the same day, and against last year whole once the year is over")
    func figures() throws {
        let lastYear = try Self.played(Self.application(1, created: "2025-01-05", asked: 20_000, projects: [1, 2]),
                                       [(.submitted, "2025-01-20", nil), (.selected, "2025-03-01", 15_000), (.issued, "2025-04-01", 10_000), (.issued, "2025-12-01", 5_000)])
        let thisYear = try Self.played(Self.application(2, created: "2026-01-05", asked: 30_000, projects: [2, 3]),
                                       [(.submitted, "2026-01-20", nil), (.selected, "2026-03-01", 30_000), (.issued, "2026-04-01", 12_000), (.arrived, "2026-04-20", 12_000)])
        let other = try Self.played(Self.application(3, created: "2026-02-01", projects: [3]), [(.submitted, "2026-02-10", nil), (.rejected, "2026-05-01", nil)])
        let comparison = FundingComparison([lastYear, thisYear, other], through: Self.today)
        #expect(comparison.thisYear.appliedApplications == 2 && comparison.thisYear.appliedProjects == 2, "projects 2 and 3, the 3 counted once")
        #expect(comparison.thisYear.asked == .wan(70_000) && comparison.thisYear.wonProjects == 2 && comparison.thisYear.approved == .wan(30_000))
        #expect(comparison.thisYear.issuedProjects == 2 && comparison.thisYear.issued == .wan(12_000) && comparison.thisYear.arrived == .wan(12_000))
        #expect(comparison.lastYearToDate.issued == .wan(10_000) && comparison.lastYear.issued == .wan(15_000), "December's tranche is after 23 November")
        #expect(!comparison.isWholeYear && comparison.issuedGrowth == 20)
        #expect(!comparison.aboveLastYear, "more money but as many projects (2) as last year to date: not both above")
        #expect(FundingText.sentence(scope: "全市", channel: Self.bond, comparison: comparison, share: nil) ==
                "全市共发行地方政府专项债券项目2个，发行资金1.20亿元，较上年同期增加0.20亿元。")
        let closed = FundingComparison([lastYear, thisYear], through: Self.day("2026-12-31"))
        #expect(closed.isWholeYear && closed.comparedWith.issued == .wan(15_000) && closed.issuedGrowth == -20 && !closed.aboveLastYear)
        let share = ProvinceShare(city: comparison.thisYear, province: ProvinceFunding(year: 2026, channelCode: "specialBond", projects: 8, amount: .wan(48_000)))
        #expect(share.projects == 25 && share.amount == 25)
        #expect(FundingText.sentence(scope: "全市", channel: Self.bond, comparison: closed, share: share) ==
                "全市共发行地方政府专项债券项目2个，占全省比重25.0%，发行资金1.20亿元，占全省比重25.0%，较上一年全年减少0.30亿元。")
        let leap = FundingComparison([], through: Self.day("2028-02-29"))
        #expect(leap.lastYearToDate == FundingMeasures() && leap.year == 2028, "29 February compares with the 28th")
    }

    @Test("issued money is spent in the order it came; a tranche past its months with money unspent is late, by the first such day")
    func lateSpending() throws {
        let application = try Self.played(Self.application(), [(.submitted, "2026-01-20", nil), (.selected, "2026-02-01", 10_000), (.issued, "2026-03-01", 4_000),
                                                                (.issued, "2026-06-15", 6_000), (.arrived, "2026-06-20", 10_000), (.spent, "2026-07-01", 3_000)])
        let late = try #require(LateSpending.watch(application, months: 6, today: Self.today))
        #expect(late.dueOn == Self.day("2026-09-01") && late.daysLate == 83 && late.unspent == .wan(1_000), "the June tranche is due 15 December")
        let later = try #require(LateSpending.watch(application, months: 6, today: Self.day("2026-12-20")))
        #expect(later.unspent == .wan(7_000) && later.dueOn == Self.day("2026-09-01"))
        let spent = try Self.played(application, [(.spent, "2026-08-01", 1_000)])
        #expect(LateSpending.watch(spent, months: 6, today: Self.today) == nil)
        #expect(LateSpending.add(months: 6, to: Self.day("2026-08-31")) == Self.day("2027-02-28"))
    }
}
