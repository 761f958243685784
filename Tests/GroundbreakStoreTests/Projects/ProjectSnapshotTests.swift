import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The figures read every project from a snapshot moved forward by the projects each write
/// changed: after every kind of change it must hold exactly what reading the table gives, and a
/// change the feed cannot name must make it read whole.
@Suite("Project snapshot: the figures' projects, reports and approvals moved forward by the changed projects")
struct ProjectSnapshotTests {
    @Test("creates, edits, raw changes, a deletion, reports, approvals: the moved snapshot equals the tables; an unnamed change reads whole", arguments: allEngines)
    func movesAsTheTableChanges(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 120, today: testToday, actor: testActor, now: testNow)
            let catalog = try await ReferenceRepository(database: database).catalog()
            let repository = ProjectRepository(database: database)
            let keeper = database.projectSnapshot
            #expect(try await keeper.snapshot(database) == nil, "below the minimum the callers read SQL")
            keeper.setMinimumProjects(0)
            keeper.setFirstReportMonth(Month(year: testToday.year - 1, month: 1)!)
            try await Self.expectTable(database)
            #expect(keeper.wholeReads == 1)
            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }

            let created = try await repository.create(sampleInput(name: "快照新建项目", wan: "12"), catalog: catalog)
            try await Self.expectTable(database)

            for id in ids.prefix(2) {
                let project = try #require(try await repository.project(id: id))
                _ = try await repository.update(id: id, expectedVersion: project.version, sampleInput(name: "快照改名", code: "", wan: "85000"), allowed: .everything,
                                                visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            }
            try await Self.expectTable(database)

            try await database.transaction { db in
                try await db.raw("UPDATE projects SET stage = 'construction', actual_start = '2026-03-01' WHERE id = \(bind: ids[10])").run()
                try await db.raw("DELETE FROM project_tags WHERE project_id = \(bind: ids[11])").run()
                try await db.raw("INSERT INTO project_levels (project_id, level) VALUES (\(bind: ids[12]), 'city')").run()
                try await db.raw("DELETE FROM project_levels WHERE project_id = \(bind: created.id)").run()
                try await db.raw("DELETE FROM project_tags WHERE project_id = \(bind: created.id)").run()
                try await db.raw("DELETE FROM project_support_departments WHERE project_id = \(bind: created.id)").run()
                try await db.raw("DELETE FROM projects WHERE id = \(bind: created.id)").run()
                for id in [ids[10], ids[11], ids[12], created.id] { try await LedgerGeneration.bump(db, project: id) }
            }
            try await Self.expectTable(database)
            #expect(try await keeper.snapshot(database)?.projects.contains { $0.id == created.id } == false, "a deleted project is dropped")

            // Reports: one sent through the repository, one changed in place.
            let building = try #require(try await database.reader.raw("""
                SELECT MIN(id) AS id FROM projects WHERE stage = 'construction' AND actual_start IS NOT NULL AND actual_start < '2026-01-01'
                """).first()?.decode(column: "id", as: Int64?.self))
            let reported = try #require(try await repository.project(id: building))
            let month = Month(testToday).previous
            let stored = try await MonthlyReportRepository(database: database).reports(projectId: reported.id).first { $0.month == month }
            _ = try await MonthlyReportRepository(database: database).submit(
                project: reported, month: month, figures: MonthlyFigures(dispatch: .wan(321), jumpReason: "快照测试"), expectedVersion: stored?.version,
                correctionReason: stored == nil ? "" : "快照测试更正", rules: try MonthlyReportRepository.rules(), actor: testActor, today: testToday, now: testNow)
            try await database.transaction { db in
                try await db.raw("UPDATE monthly_reports SET dispatch_yuan = dispatch_yuan + 1 WHERE project_id = \(bind: ids[31])").run()
                try await LedgerGeneration.bump(db, project: ids[31])
            }
            try await Self.expectTable(database)

            // Approvals: an open one paused through the repository, one decided and one reopened in place.
            let approvals = ProjectApprovalRepository(database: database)
            let open = try #require(try await approvals.readListings(scope: .everything, departments: [], .init(openOnly: true), items: try await Self.items(database))
                .first { $0.approval.status == .accepted })
            _ = try await approvals.record(id: open.approval.id, expectedVersion: open.approval.version, .pause(from: testToday, reason: "专家评审"),
                                           actor: testActor, today: testToday, now: testNow)
            let decided = try #require(try await database.reader.raw("""
                SELECT id, project_id FROM project_approvals WHERE status = 'approved' AND decided_on >= '2026-01-01' ORDER BY id LIMIT 1
                """).first())
            let reopened = try decided.decode(column: "id", as: Int64.self), reopenedProject = try decided.decode(column: "project_id", as: Int64.self)
            try await database.transaction { db in
                try await db.raw("UPDATE project_approvals SET status = 'accepted', decided_on = NULL WHERE id = \(bind: reopened)").run()
                try await db.raw("UPDATE project_approvals SET status = 'approved', decided_on = '2026-11-20' WHERE project_id = \(bind: ids[40]) AND decided_on IS NULL").run()
                try await LedgerGeneration.bump(db, project: reopenedProject)
                try await LedgerGeneration.bump(db, project: ids[40])
            }
            try await Self.expectTable(database)
            #expect(keeper.wholeReads == 1, "every change so far named its projects")

            let live = try await repository.projects(inStages: [.construction, .approval], scope: .everything)
            #expect(live.map(\.id) == (try await Self.table(database)).filter { [.construction, .approval].contains($0.stage) }.map(\.id))

            try await database.transaction { db in
                try await db.raw("UPDATE projects SET total_investment = 7").run()
                try await LedgerGeneration.bump(db)
            }
            try await Self.expectTable(database)
            #expect(keeper.wholeReads == 2, "a change to anything is read whole")
        }
    }

    @Test("a project and a ledger page taken from the held snapshot are what SQL gives, and never older than the data", arguments: allEngines)
    func readersTakeTheHeldSnapshot(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 60, today: testToday, actor: testActor, now: testNow)
            let catalog = try await ReferenceRepository(database: database).catalog()
            let repository = ProjectRepository(database: database)
            let keeper = database.projectSnapshot
            keeper.setMinimumProjects(0)
            keeper.setFirstReportMonth(Month(year: testToday.year - 1, month: 1)!)
            try await database.ledgerIndex.rebuild(database)
            _ = try #require(try await keeper.snapshot(database))
            #expect(keeper.held(at: try await LedgerGeneration.current(database.reader), database) != nil)

            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            for id in ids.prefix(5) + [ids.last! + 1] {
                #expect(try await repository.project(id: id) == (try await ProjectRepository.load(id: id, db: database.reader)))
            }
            var query = ProjectQuery()
            query.perPage = 15
            query.sort = .name
            let indexed = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: true)
            let fromSQL = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: false)
            #expect(indexed.projects.count == 15 && indexed.projects == fromSQL.projects)

            // An edit moves the generation: the next read is the edited project at once, not the held one.
            let target = try #require(try await repository.project(id: ids[3]))
            _ = try await repository.update(id: target.id, expectedVersion: target.version, sampleInput(name: "快照之后改名", wan: "77"), allowed: .everything,
                                            visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            let edited = try #require(try await repository.project(id: target.id))
            #expect(edited.fields.name == "快照之后改名" && edited.version == target.version + 1)
            // Once moved, the snapshot answers again, with the edit.
            _ = try await keeper.snapshot(database)
            #expect(keeper.held(at: try await LedgerGeneration.current(database.reader), database) != nil)
            #expect(try await repository.project(id: target.id) == edited)
        }
    }

    @Test("merging changed projects into the id order: replaced, dropped and new ones in their places")
    func mergesInIdOrder() {
        struct Item: Identifiable, Equatable {
            var id: Int64
            var version: String
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let held = Set((0..<Int.random(in: 0...30, using: &generator)).map { _ in Int64.random(in: 1...60, using: &generator) }).sorted()
            let changed = Set((0..<Int.random(in: 0...10, using: &generator)).map { _ in Int64.random(in: 1...70, using: &generator) })
            let fresh = changed.filter { _ in Bool.random(using: &generator) }.sorted().map { Item(id: $0, version: "新") }
            let merged = ProjectSnapshot.merged(held.map { Item(id: $0, version: "旧") }, replacing: changed, with: fresh)
            let expected = (held.filter { !changed.contains($0) }.map { Item(id: $0, version: "旧") } + fresh).sorted { $0.id < $1.id }
            #expect(merged == expected)
        }
    }

    static func table(_ database: Database) async throws -> [Project] {
        let ids = try await database.reader.raw("SELECT id FROM projects").all().map { try $0.decode(column: "id", as: Int64.self) }
        return try await ProjectRepository.load(ids: ids, db: database.reader).values.sorted { $0.id < $1.id }
    }

    static func expectTable(_ database: Database, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let snapshot = try #require(try await database.projectSnapshot.snapshot(database), sourceLocation: sourceLocation)
        let table = try await table(database)
        #expect(snapshot.projects.map(\.id) == table.map(\.id), sourceLocation: sourceLocation)
        #expect(snapshot.projects == table, sourceLocation: sourceLocation)
        // Many ids are looked up in the snapshot: the projects reading them gives, an id without one absent.
        let asked = table.map(\.id) + (1...ProjectRepository.idsFromSnapshot).map { Int64(9_000_000 + $0) }
        let looked = try await ProjectRepository(database: database).projects(ids: asked)
        let read = try await ProjectRepository.load(ids: asked, db: database.reader)
        #expect(looked.count == table.count && looked == read, sourceLocation: sourceLocation)
        let first = snapshot.firstReportMonth
        for (from, through) in [(first, Month(year: first.year + 3, month: 12)!), (Month(year: first.year + 1, month: 1)!, Month(year: first.year + 1, month: 10)!)] {
            let held = try #require(snapshot.reportFigures(from: from, through: through), sourceLocation: sourceLocation)
            let stored = try await database.reader.raw("""
                SELECT \(unsafeRaw: MonthlyReportRepository.figuresColumns) FROM monthly_reports WHERE month >= \(bind: from.iso) AND month <= \(bind: through.iso)
                """).all().map(MonthlyReportRepository.figuresReport)
            #expect(!stored.isEmpty, sourceLocation: sourceLocation)
            #expect(held.sorted { $0.id < $1.id } == stored.sorted { $0.id < $1.id }, sourceLocation: sourceLocation)

            // Read already grouped, each report adjusted or dropped on the way, of some projects or all.
            let some = Set(snapshot.projects.map(\.id).enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
            let dropped = Month(year: from.year, month: 3)!
            func adjusted(_ report: inout MonthlyReport) -> Bool {
                report.figures.dispatch = report.figures.dispatch + report.figures.dispatch
                return report.month != dropped
            }
            // A few, as a write names them (found by id), one of them no project at all.
            let few = Set(stored.map(\.projectId).sorted().suffix(3)).union([9_999_999])
            #expect(few.count * 16 < snapshot.projects.count, sourceLocation: sourceLocation)
            for only in [nil, some, few] {
                let grouped = try #require(snapshot.reportFiguresByProject(from: from, through: through, of: only, keep: adjusted), sourceLocation: sourceLocation)
                let expected = Dictionary(grouping: stored.filter { only?.contains($0.projectId) ?? true }.compactMap { report -> MonthlyReport? in
                    var report = report
                    return adjusted(&report) ? report : nil
                }, by: \.projectId)
                #expect(!expected.isEmpty, sourceLocation: sourceLocation)
                #expect(grouped.mapValues { $0.sorted { $0.id < $1.id } } == expected.mapValues { $0.sorted { $0.id < $1.id } }, sourceLocation: sourceLocation)
            }
        }
        #expect(snapshot.reportFigures(from: first.previous, through: first) == nil, "months before the snapshot's are read from SQL", sourceLocation: sourceLocation)

        let items = try await items(database)
        let approvals = ProjectApprovalRepository(database: database)
        let calendar = try await CalendarRepository(database: database).calendar()
        for filter in [ApprovalListingFilter(openOnly: true), .init(openOnly: false, decidedFrom: first.firstDay), .init(openOnly: false, decidedFrom: Day(year: first.year + 1, month: 6, day: 1)!),
                       .init(openOnly: true, decidedFrom: first.firstDay), .init(openOnly: false), .init(openOnly: false, decidedFrom: first.firstDay.adding(days: -400))] {
            let held = snapshot.approvalListings(filter, items: items)
            let stored = try await approvals.readListings(scope: .everything, departments: [], filter, items: items)
            #expect(filter.openOnly && filter.decidedFrom != nil || !stored.isEmpty, sourceLocation: sourceLocation)
            #expect(held.map(\.approval) == stored.map(\.approval), sourceLocation: sourceLocation)
            #expect(held.map(\.projectName) == stored.map(\.projectName) && held.map(\.regionCode) == stored.map(\.regionCode), sourceLocation: sourceLocation)
            #expect(held.map(\.item.code) == stored.map(\.item.code), sourceLocation: sourceLocation)
            // The ranking's decided items, counted from the snapshot, are those of the SQL listing read on the same clock.
            if !filter.openOnly, let from = filter.decidedFrom {
                let expected = stored.compactMap { listing -> DecidedApproval? in
                    guard let on = listing.approval.decidedOn else { return nil }
                    let state = ApprovalClock.read(listing.approval, item: listing.item, calendar: calendar, today: on).state
                    guard state == .doneOnTime || state == .doneLate else { return nil }
                    return DecidedApproval(projectId: listing.approval.projectId, departmentCode: listing.item.departmentCode, decidedOn: on,
                                           onTime: state == .doneOnTime)
                }
                let order = { (a: DecidedApproval, b: DecidedApproval) in
                    (a.projectId, a.decidedOn, a.departmentCode, a.onTime ? 1 : 0) < (b.projectId, b.decidedOn, b.departmentCode, b.onTime ? 1 : 0)
                }
                #expect(!expected.isEmpty && expected.contains { !$0.onTime } && expected.contains(where: \.onTime), sourceLocation: sourceLocation)
                #expect(try await approvals.decided(from: from, calendar: calendar).sorted(by: order) == expected.sorted(by: order), sourceLocation: sourceLocation)
            }
        }
        // The lights' overdue items, counted from the snapshot, are those of the SQL listing read on the same clock.
        let overdue = try await ProjectPartsKeeperTests.overdueBySQL(approvals.database, calendar: calendar)
        #expect(!overdue.isEmpty, sourceLocation: sourceLocation)
        #expect(try await approvals.overdueCounts(scope: .everything, calendar: calendar, today: testToday) == overdue, sourceLocation: sourceLocation)
    }

    static func items(_ database: Database) async throws -> [String: ApprovalItem] {
        Dictionary(uniqueKeysWithValues: try await ApprovalCatalogRepository(database: database).items().map { ($0.code, $0) })
    }
}
