import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// Closed months' frozen figures held in memory must be exactly the `report_snapshots` rows while
/// they stand, on this instance and on another one, through a reopen and a second close.
@Suite("Closed months' figures held in memory")
struct ClosedMonthFiguresTests {
    @Test("held as frozen, dropped at a reopen, the second close's figures after it; on another instance too", arguments: allEngines)
    func followsClosesAndReopens(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let projects = ProjectRepository(database: database)
            let reports = MonthlyReportRepository(database: database)
            let closes = MonthCloseRepository(database: database)
            let (september, october) = (try #require(Month.parse("2026-09")), try #require(Month.parse("2026-10")))
            var made: [Project] = []
            for (index, wan) in [300, 500, 700].enumerated() {
                let project = try await projects.create(sampleInput(name: "关账项目\(index)", wan: "10000"), catalog: store.catalog)
                made.append(project)
                // The last project sends nothing for September: the close freezes no figure of it.
                for month in index == 2 ? [october] : [september, october] {
                    _ = try await reports.submit(project: project, month: month,
                                                 figures: MonthlyFigures(dispatch: .wan(Int64(wan)), statistical: index == 0 ? .wan(Int64(wan - 20)) : nil,
                                                                         progressText: "施工"),
                                                 expectedVersion: nil, rules: ReportRules(), actor: testActor, today: testToday, now: testNow)
                }
            }
            let both: Set<Month> = [september, october]
            #expect(try await database.closedMonths.closed(both, database).isEmpty, "nothing closed yet")

            _ = try await closes.close(month: september, actor: testActor, today: testToday, now: testNow)
            try await store.elsewhere { other in
                let held = try await other.closedMonths.closed(both, other)
                #expect(Set(held.keys) == [september], "another instance, before anything changes")
            }
            let held = try await database.closedMonths.closed(both, database)
            #expect(Set(held.keys) == [september])
            let frozen = try #require(held[september])
            try await Self.expectMatches(frozen, september, database)
            #expect(frozen.figures(of: made[0].id)?.dispatch == .wan(300) && frozen.figures(of: made[0].id)?.statistical == .wan(280))
            #expect(frozen.figures(of: made[1].id)?.statistical == nil)
            #expect(frozen.figures(of: made[2].id) == nil, "no report, nothing frozen")

            // A correction after the close leaves the frozen figures; the reopen drops them, and the next close takes the corrected ones.
            try await Self.correct(made[0], september, wan: 350, reports)
            #expect(try await database.closedMonths.closed(both, database)[september]?.figures(of: made[0].id)?.dispatch == .wan(300))
            // Read already grouped (the ranking, the lights), from SQL and from the snapshot: the closed month as frozen.
            try await Self.expectGroupedAsFlat(september, october, database, made: made)
            try await Self.expectYearDispatch(september, october, database, made: made)
            database.projectSnapshot.setMinimumProjects(0)
            database.projectSnapshot.setFirstReportMonth(Month(year: september.year - 1, month: 1)!)
            try await Self.expectGroupedAsFlat(september, october, database, made: made)
            try await Self.expectYearDispatch(september, october, database, made: made)
            try await closes.reopen(month: september, reason: "统计局反馈需重报", actor: testActor, now: testNow)
            #expect(try await database.closedMonths.closed(both, database).isEmpty)
            _ = try await closes.close(month: september, actor: testActor, today: testToday, now: testNow)
            #expect(try await database.closedMonths.closed(both, database)[september]?.figures(of: made[0].id)?.dispatch == .wan(350))

            // The other instance held September as first closed: it sees the reopen and the second close.
            try await store.elsewhere { other in
                _ = try await other.closedMonths.closed(both, other)
                try await closes.reopen(month: september, reason: "再次重报", actor: testActor, now: testNow)
                #expect(try await other.closedMonths.closed(both, other).isEmpty)
                try await Self.correct(made[0], september, wan: 360, reports)
                _ = try await closes.close(month: september, actor: testActor, today: testToday, now: testNow)
                let again = try #require(try await other.closedMonths.closed(both, other)[september])
                #expect(again.figures(of: made[0].id)?.dispatch == .wan(360))
                try await Self.expectMatches(again, september, other)
            }
        }
    }

    /// Sends `project`'s report of `month` again with `wan`, as a correction when the month is closed.
    static func correct(_ project: Project, _ month: Month, wan: Int64, _ reports: MonthlyReportRepository) async throws {
        let report = try #require(try await reports.reports(projectId: project.id).first { $0.month == month })
        _ = try await reports.submit(project: project, month: month, figures: MonthlyFigures(dispatch: .wan(wan), statistical: .wan(wan - 20), progressText: "施工"),
                                     expectedVersion: report.version, correctionReason: "更正", rules: ReportRules(), actor: testActor, today: testToday, now: testNow)
    }

    /// The year's dispatch to date, summed as read: September as frozen (300, not the 350 it was
    /// corrected to after the close), October as sent; a project with no report has no figure.
    static func expectYearDispatch(_ september: Month, _ october: Month, _ database: GroundbreakStore.Database, made: [Project]) async throws {
        let targets = TargetRepository(database: database)
        let ids = Set(made.map(\.id))
        #expect(try await targets.yearDispatch(of: ids, through: october) == [made[0].id: .wan(600), made[1].id: .wan(1000), made[2].id: .wan(700)])
        #expect(try await targets.yearDispatch(of: ids, through: september) == [made[0].id: .wan(300), made[1].id: .wan(500)])
        #expect(try await targets.yearDispatch(of: [made[1].id], through: october) == [made[1].id: .wan(1000)])
    }

    /// `TargetRepository.reportedByProject` gives what grouping the flat reports as reported gives:
    /// the corrected September as frozen at 300, October as sent, nothing for a month not sent.
    static func expectGroupedAsFlat(_ september: Month, _ october: Month, _ database: GroundbreakStore.Database, made: [Project]) async throws {
        let targets = TargetRepository(database: database)
        let grouped = try await targets.reportedByProject(from: september, through: october)
        let flat = Dictionary(grouping: try await targets.asReported(try await MonthlyReportRepository(database: database).reportFigures(from: september, through: october)),
                              by: \.projectId)
        #expect(grouped.mapValues { $0.sorted { $0.month < $1.month } } == flat.mapValues { $0.sorted { $0.month < $1.month } })
        #expect(grouped[made[0].id]?.sorted { $0.month < $1.month }.map(\.figures.dispatch) == [.wan(300), .wan(300)], "September as frozen, not the correction")
        #expect(grouped[made[2].id]?.map(\.month) == [october])
        let one = try await targets.reportedByProject(from: september, through: october, of: [made[1].id])
        #expect(Set(one.keys) == [made[1].id] && one[made[1].id]?.count == 2)
    }

    /// Every stored snapshot row of `month` answers from `frozen`, and `frozen` holds no other.
    static func expectMatches(_ frozen: ClosedMonthFigures.Frozen, _ month: Month, _ database: GroundbreakStore.Database) async throws {
        let rows = try await database.reader.raw("SELECT project_id, dispatch_yuan, statistical_yuan FROM report_snapshots WHERE month = \(bind: month.iso)").all()
        #expect(frozen.count == rows.count)
        for row in rows {
            let figures = frozen.figures(of: try row.decode(column: "project_id", as: Int64.self))
            #expect(figures?.dispatch == Money(yuan: try row.decode(column: "dispatch_yuan", as: Int64.self)))
            #expect(figures?.statistical == (try row.decode(column: "statistical_yuan", as: Int64?.self)).map(Money.init(yuan:)))
        }
    }
}
