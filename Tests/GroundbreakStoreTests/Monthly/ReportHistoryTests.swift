import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

/// What a file of reports is checked against: the amounts of every stored month and the whole
/// report of the months the file names — read for the preview, and again in the commit's own
/// transaction, so a month changed in between counts as it is stored then.
@Suite("Monthly report history for an import")
struct ReportHistoryTests {
    @Test("every month's amounts, the named months whole; the commit checks against the history read in its transaction", arguments: allEngines)
    func history(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let catalog = try await ReferenceRepository(database: database).catalog()
            let project = try await ProjectRepository(database: database).create(sampleInput(name: "月报历史项目", wan: "10000"), catalog: catalog)
            let other = try await ProjectRepository(database: database).create(sampleInput(name: "另一个项目", wan: "10000"), catalog: catalog)
            let reports = MonthlyReportRepository(database: database)
            let rules = ReportRules()
            let (july, august, september, october) = (try #require(Month.parse("2026-07")), try #require(Month.parse("2026-08")),
                                                      try #require(Month.parse("2026-09")), try #require(Month.parse("2026-10")))
            for (month, wan, id) in [(july, 300, project.id), (august, 500, project.id), (september, 600, project.id), (september, 40, other.id)] {
                _ = try await reports.submit(project: id == project.id ? project : other, month: month,
                                             figures: MonthlyFigures(dispatch: .wan(Int64(wan)), statistical: wan == 600 ? .wan(550) : nil, progressText: "施工"),
                                             expectedVersion: nil, rules: rules, actor: testActor, today: testToday, now: testNow)
            }
            let imports = ImportRepository(database: database)
            let generation = try await imports.generationBeforeReads()
            let history = try await imports.history(of: [project.id, other.id], months: [september])
            #expect(history.others(of: project.id, besides: october) == [ReportedAmounts(month: july, dispatch: .wan(300), statistical: nil),
                                                                        ReportedAmounts(month: august, dispatch: .wan(500), statistical: nil),
                                                                        ReportedAmounts(month: september, dispatch: .wan(600), statistical: .wan(550))])
            #expect(history.others(of: project.id, besides: september).map(\.month) == [july, august])
            // For October, the months before September come summed, as one entry at August: the
            // running total and September (the month before October) are what the rules read.
            let forOctober = try await imports.history(of: [project.id], months: [october])
            #expect(forOctober.others(of: project.id, besides: october) == [ReportedAmounts(month: august, dispatch: .wan(800), statistical: nil),
                                                                           ReportedAmounts(month: september, dispatch: .wan(600), statistical: .wan(550))])
            #expect(history.report(of: project.id, in: september)?.figures.progressText == "施工", "a named month is read whole")
            #expect(history.report(of: project.id, in: august) == nil, "a month not named is not")
            #expect(history.report(of: other.id, in: september)?.figures.dispatch == .wan(40))
            #expect(try await imports.history(of: [project.id], months: []).reports.isEmpty)

            // Planned against August at 500; August is raised to 7,000 before the commit: October's
            // 2,500 now takes the running total to 10,400 of 10,000. The preview's reads are given,
            // but the raise moved the figures' generation: the commit reads again.
            let forOctoberReads = MonthlyReads(generation: generation, projects: [project, other], history: forOctober, closed: [])
            let write = MonthlyWrite(projectId: project.id, month: october, figures: MonthlyFigures(dispatch: .wan(2500), jumpReason: "集中施工"),
                                     expectedVersion: nil, correctionReason: "", row: 2)
            let record = ImportRecord(kind: .monthly, fileName: "m.csv", sha256: "00", size: 1, created: 1, updated: 0, unchanged: 0, skipped: 0)
            let stored = try #require(try await reports.reports(projectId: project.id).first { $0.month == august })
            _ = try await reports.submit(project: project, month: august, figures: MonthlyFigures(dispatch: .wan(7000), jumpReason: "设备集中到货"), expectedVersion: stored.version,
                                         rules: rules, actor: testActor, today: testToday, now: testNow)
            await #expect {
                _ = try await imports.commitMonthly([write], reads: forOctoberReads, record: record, rules: rules, actor: testActor, today: testToday, now: testNow)
            } throws: { error in
                guard case StoreError.invalid(let failure) = error else { return false }
                return failure.errors.map(\.message).contains { $0.contains("自开工累计 10400.00 万元") }
            }
            #expect(try await reports.reports(projectId: project.id).map(\.month) == [july, august, september], "nothing of the file was written")

            // Within the file, each saved month replaces its place in what was read: a later row of
            // the same project counts the file's figure, not the one stored before.
            let lowered = MonthlyWrite(projectId: project.id, month: september, figures: MonthlyFigures(dispatch: .wan(100)),
                                       expectedVersion: try #require(history.report(of: project.id, in: september)).version, correctionReason: "", row: 2)
            let done = try await imports.commitMonthly([lowered, MonthlyWrite(projectId: project.id, month: october, figures: MonthlyFigures(dispatch: .wan(2500), jumpReason: "集中施工"),
                                                                              expectedVersion: nil, correctionReason: "", row: 3)],
                                                       record: record, rules: rules, actor: testActor, today: testToday, now: testNow)
            #expect(done.id > 0)
            #expect(try await reports.reports(projectId: project.id).map(\.figures.dispatch) == [.wan(300), .wan(7000), .wan(100), .wan(2500)])
        }
    }

    @Test("the commit checks against the preview's reads while no write has moved the figures' generation", arguments: allEngines)
    func previewReads(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let catalog = try await ReferenceRepository(database: database).catalog()
            let project = try await ProjectRepository(database: database).create(sampleInput(name: "沿用预览项目", wan: "10000"), catalog: catalog)
            let (august, october) = (try #require(Month.parse("2026-08")), try #require(Month.parse("2026-10")))
            let imports = ImportRepository(database: database)
            let generation = try await imports.generationBeforeReads()
            // Reads that say August held 9,000 (nothing is stored): while the generation stands the
            // commit believes them, so October's 2,500 is refused on them.
            let claimed = MonthlyReads(generation: generation, projects: [project],
                                       history: ReportHistory(amounts: [project.id: [ReportedAmounts(month: august, dispatch: .wan(9000), statistical: nil)]]), closed: [])
            let write = MonthlyWrite(projectId: project.id, month: october, figures: MonthlyFigures(dispatch: .wan(2500), jumpReason: "集中施工"),
                                     expectedVersion: nil, correctionReason: "", row: 2)
            let record = ImportRecord(kind: .monthly, fileName: "m.csv", sha256: "00", size: 1, created: 1, updated: 0, unchanged: 0, skipped: 0)
            await #expect {
                _ = try await imports.commitMonthly([write], reads: claimed, record: record, rules: ReportRules(), actor: testActor, today: testToday, now: testNow)
            } throws: { error in
                guard case StoreError.invalid(let failure) = error else { return false }
                return failure.errors.map(\.message).contains { $0.contains("自开工累计 11500.00 万元") }
            }
            // The same reads under an older generation are read again: nothing is stored, October goes in.
            let stale = MonthlyReads(generation: generation - 1, projects: [project], history: claimed.history, closed: [])
            _ = try await imports.commitMonthly([write], reads: stale, record: record, rules: ReportRules(), actor: testActor, today: testToday, now: testNow)
            #expect(try await MonthlyReportRepository(database: database).reports(projectId: project.id).map(\.figures.dispatch) == [.wan(2500)])
        }
    }
}
