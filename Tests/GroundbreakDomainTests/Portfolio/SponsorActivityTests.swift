import Foundation
import GroundbreakDomain
import Testing

@Suite("A leader's site visits, coordination meetings and instructions")
struct SponsorActivityTests {
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func project(_ id: Int64, sponsor: Int64?) -> Project {
        var fields = ProjectFields(name: "项目\(id)", regionCode: "220104", categoryCode: "IND", investmentType: .enterprise, totalInvestment: .yi(25))
        fields.sponsorPositionId = sponsor
        return Project(id: id, fields: fields, stage: .construction, createdAt: Date(), updatedAt: Date(), version: 1)
    }

    @Test("an activity is refused for a day to come, no text or one too long, a project not the seat's or not there; each reason named by its field")
    func problems() {
        let visit = SponsorActivity(seatId: 5, projectId: 1, kind: .siteVisit, on: Self.today, summary: "现场办公")
        #expect(visit.problems(project: Self.project(1, sponsor: 5), today: Self.today).isEmpty)
        var bad = visit
        bad.on = Self.today.adding(days: 1)
        bad.summary = "   "
        #expect(bad.problems(project: Self.project(1, sponsor: 5), today: Self.today).map(\.field) == ["on", "summary"])
        bad = visit
        bad.summary = String(repeating: "批", count: SponsorActivity.maxSummary + 1)
        #expect(bad.problems(project: Self.project(1, sponsor: 5), today: Self.today).map(\.field) == ["summary"])
        let another = visit.problems(project: Self.project(1, sponsor: 6), today: Self.today)
        #expect(another.map(\.field) == ["projectId"] && another[0].message == "“项目1”不是该领导包保的项目")
        #expect(visit.problems(project: Self.project(1, sponsor: nil), today: Self.today).map(\.field) == ["projectId"], "a project nobody sponsors")
        #expect(visit.problems(project: nil, today: Self.today).map(\.field) == ["projectId"])
    }

    @Test("a quarter holds its three months; the counts are by kind with the projects touched, and say so when there was nothing")
    func quarterAndCounts() {
        let quarter = Quarter(Self.today)
        #expect(quarter.number == 4 && quarter.firstDay == Day(year: 2026, month: 10, day: 1)! && quarter.lastDay == Day(year: 2026, month: 12, day: 31)!)
        #expect(quarter.label == "2026年第4季度" && Quarter(Month(year: 2026, month: 3)!).number == 1 && !quarter.contains(Day(year: 2026, month: 9, day: 30)!))
        let activities = [SponsorActivity(seatId: 5, projectId: 1, kind: .siteVisit, on: Self.today, summary: "a"),
                          SponsorActivity(seatId: 5, projectId: 1, kind: .siteVisit, on: Self.today, summary: "b"),
                          SponsorActivity(seatId: 5, projectId: 2, kind: .instruction, on: Self.today, summary: "c")]
        let counts = ActivityCounts(activities)
        #expect(counts.siteVisits == 2 && counts.coordinations == 0 && counts.instructions == 1 && counts.projects == 2 && counts.total == 3)
        #expect(PortfolioText.counts(counts, span: "本季度") == "本季度现场办公2次、召开现场协调会0次、作出批示1件，涉及2个项目")
        #expect(PortfolioText.counts(ActivityCounts([]), span: "本季度") == "本季度未记录现场办公、现场协调会或批示")
    }

    @Test("the 包保专报 says what the leader did in the quarter, and the all-leaders report gives each leader's counts")
    func inTheReport() {
        let counts = ActivityCounts([SponsorActivity(seatId: 5, projectId: 1, kind: .coordination, on: Self.today, summary: "a")])
        let portfolio = SponsorPortfolio(leader: "王某（副市长）", lines: [], rates: [], risen: [], activities: counts)
        let one = BulletinWriter.sponsor(month: Month(year: 2026, month: 11)!, portfolios: [portfolio], rateNames: [:], asOf: Self.today, rules: BulletinTests.rules)
        #expect(one.sections[0].paragraphs.contains("本季度现场办公0次、召开现场协调会1次、作出批示0件，涉及1个项目。"))
        let all = BulletinWriter.sponsor(month: Month(year: 2026, month: 11)!, portfolios: [portfolio, portfolio], rateNames: [:], asOf: Self.today,
                                         rules: BulletinTests.rules)
        #expect(all.sections[1].table?.rows.first?.last == "0/1/0")
    }
}
