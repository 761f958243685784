import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The ranking (and the targets pages summed from its parts), the 四率 of the targets pages, the lights, the approval figures,
/// the statistics' listed projects and the month's reports the report board reads keep each
/// project's part of their computation between computations and compute again only the projects
/// a write names: after every kind of write the kept parts must be what a fresh computation
/// gives, on this instance and on another one, the counts no ledger change names (problems,
/// approval clocks) must be counted afresh, and a change the feed cannot name (a month's close,
/// the calendar) must compute every part again.
@Suite("Each project's part of the ranking, the lights, the approval figures, the statistics and the month's reports, kept and moved forward by the projects changed")
struct ProjectPartsKeeperTests {
    @Test("creates, edits, reports, plans, admissions, approvals, problems, raw changes, a deletion: kept parts, tables, lights, targets, approval figures, listed projects and month reports equal fresh ones; a close or a new calendar recomputes all",
          arguments: allEngines)
    func keptPartsFollowEveryWrite(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 120, today: testToday, actor: testActor, now: testNow)
            let repository = ProjectRepository(database: database)
            let keeper = database.assessedProjects
            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            let lights: [Int64: WarningColour] = [ids[0]: .red, ids[1]: .yellow, ids[2]: .red]
            try await Self.expectKept(store, lights: lights)
            #expect(keeper.wholeComputations == 2, "the month and the one before it, computed once each")
            #expect(database.projectSignals.wholeComputations == 1)
            #expect(database.approvalAnalyticsParts.wholeComputations == 1)
            #expect(database.fourRateParts.wholeComputations == 1)
            #expect(database.groundworkParts.wholeComputations == 1)

            let created = try await repository.create(sampleInput(name: "考核新建项目", wan: "60000"), catalog: store.catalog)
            try await Self.expectKept(store, lights: lights)
            let edited = try #require(try await repository.project(id: ids[3]))
            var input = sampleInput(name: "考核改区", wan: "250000")
            input.regionCode = edited.fields.regionCode == "220104" ? "220102" : "220104"
            _ = try await repository.update(id: edited.id, expectedVersion: edited.version, input, allowed: .everything, visible: .everything,
                                            actor: testActor, catalog: store.catalog, today: testToday, now: testNow)
            try await Self.expectKept(store, lights: lights)

            // A report sent through the repository; a plan and an admission recorded through theirs.
            let building = try #require(try await database.reader.raw("""
                SELECT MIN(id) AS id FROM projects WHERE stage = 'construction' AND actual_start IS NOT NULL AND actual_start < '2026-06-01'
                """).first()?.decode(column: "id", as: Int64?.self))
            let reported = try #require(try await repository.project(id: building))
            let reports = MonthlyReportRepository(database: database)
            let stored = try await reports.reports(projectId: reported.id).first { $0.month == Self.month }
            _ = try await reports.submit(project: reported, month: Self.month, figures: MonthlyFigures(dispatch: .wan(321), jumpReason: "考核测试"),
                                         expectedVersion: stored?.version, correctionReason: stored == nil ? "" : "考核测试更正",
                                         rules: try MonthlyReportRepository.rules(), actor: testActor, today: testToday, now: testNow)
            let sent = try #require(try await reports.reports(projectId: reported.id).first { $0.month == Self.month })
            _ = try await reports.review(id: sent.id, accept: false, comment: "考核测试退回", expectedVersion: sent.version, actor: testActor, now: testNow)
            let plans = AnnualPlanRepository(database: database)
            var plan = try await plans.plans(projectId: reported.id).first { $0.year == Self.month.year }
                ?? AnnualPlan(projectId: reported.id, year: Self.month.year, plannedInvestment: .wan(1), nature: .continuing)
            let planVersion = plan.version
            plan.plannedInvestment = Money(yuan: reported.fields.totalInvestment.yuan / 3 + 10_000)
            _ = try await plans.save(plan, project: reported, expectedVersion: planVersion == 0 ? nil : planVersion, actor: testActor, now: testNow)
            let inclusions = StatsInclusionRepository(database: database)
            let admitted = try await inclusions.inclusion(projectId: reported.id)
            _ = try await inclusions.record(project: reported, admittedOn: try #require(reported.fields.actualStart).adding(days: 20),
                                            firstReportedMonth: nil, note: "考核测试", expectedVersion: admitted?.version,
                                            actor: testActor, today: testToday, now: testNow)
            // A project entered into the reserve, and an entry's day moved, through the repository.
            let reserve = ReserveRepository(database: database)
            let rules = try ReserveRepository.rules()
            let unentered = try #require(try await database.reader.raw("""
                SELECT MIN(id) AS id FROM projects WHERE stage = 'approval' AND actual_start IS NULL AND id NOT IN (SELECT project_id FROM reserve_entries)
                """).first()?.decode(column: "id", as: Int64?.self))
            _ = try await reserve.save(ReserveEntry(projectId: unentered, source: try #require(rules.sources.first).code, grade: try #require(rules.grades.first).code,
                                                    note: "考核测试", enteredOn: testToday.adding(days: -3)),
                                       project: try #require(try await repository.project(id: unentered)), rules: rules, actor: testActor, today: testToday, now: testNow)
            let waiting = try #require(try await database.reader.raw("""
                SELECT MIN(e.project_id) AS id FROM reserve_entries e JOIN projects p ON p.id = e.project_id
                WHERE p.stage IN ('reserve', 'attraction') AND p.actual_start IS NULL
                """).first()?.decode(column: "id", as: Int64?.self))
            var moved = try #require(try await reserve.entry(projectId: waiting))
            moved.enteredOn = testToday
            _ = try await reserve.save(moved, project: try #require(try await repository.project(id: waiting)), rules: rules, actor: testActor,
                                       today: testToday, now: testNow)
            try await Self.expectKept(store, lights: lights)

            // An approval item decided late through the repository; a problem's deadline moved into the past, which no ledger change names.
            let approvals = ProjectApprovalRepository(database: database)
            let items = Dictionary(uniqueKeysWithValues: try await ApprovalCatalogRepository(database: database).items().map { ($0.code, $0) })
            let open = try #require(try await approvals.readListings(scope: .everything, departments: [], .init(openOnly: true), items: items)
                .first { $0.approval.status == .accepted }?.approval)
            _ = try await approvals.record(id: open.id, expectedVersion: open.version, .pause(from: testToday, reason: "考核测试"),
                                           actor: testActor, today: testToday, now: testNow)
            let deciding = try #require(try await approvals.readListings(scope: .everything, departments: [], .init(openOnly: true), items: items)
                .first { $0.approval.status == .accepted && $0.approval.id != open.id && ($0.approval.acceptedOn ?? testToday) < Self.month.lastDay }?.approval)
            _ = try await approvals.record(id: deciding.id, expectedVersion: deciding.version, .approve(on: Self.month.lastDay, documentNumber: "考核〔2026〕1号"),
                                           actor: testActor, today: testToday, now: testNow)
            try await database.transaction { db in
                try await db.raw("""
                    UPDATE problems SET deadline = '2026-02-01'
                    WHERE id = (SELECT MIN(id) FROM problems WHERE project_id IS NOT NULL AND \(ProblemRepository.clockRunning))
                    """).run()
            }
            try await Self.expectKept(store, lights: lights)

            // From here the figures' snapshot is held: the parts read the named projects from it.
            database.projectSnapshot.setMinimumProjects(0)
            database.projectSnapshot.setFirstReportMonth(Month(year: testToday.year - 1, month: 1)!)

            // Changed in place, named by hand: a stage, a report's figure, a decision, a deletion.
            try await database.transaction { db in
                try await db.raw("UPDATE projects SET stage = 'construction', actual_start = '2026-03-01' WHERE id = \(bind: ids[10])").run()
                // A project with an item still open put in approval with a new start planned: not mature while it is open.
                let waiting = try #require(try await db.raw("""
                    SELECT MIN(a.project_id) AS id FROM project_approvals a JOIN annual_plans p ON p.project_id = a.project_id AND p.year = \(bind: testToday.year)
                    WHERE a.status = 'accepted' AND a.decided_on IS NULL AND a.project_id NOT IN (\(bind: ids[10]), \(bind: ids[40]))
                    """).first()?.decode(column: "id", as: Int64?.self))
                try await db.raw("UPDATE projects SET stage = 'approval', actual_start = NULL WHERE id = \(bind: waiting)").run()
                try await db.raw("UPDATE annual_plans SET nature = 'newStart' WHERE project_id = \(bind: waiting) AND year = \(bind: testToday.year)").run()
                try await LedgerGeneration.bump(db, project: waiting)
                try await db.raw("UPDATE monthly_reports SET dispatch_yuan = dispatch_yuan + 1000000 WHERE project_id = \(bind: ids[31])").run()
                try await db.raw("""
                    UPDATE project_approvals SET status = 'approved', decided_on = '2026-09-30' WHERE project_id = \(bind: ids[40]) AND decided_on IS NULL
                    """).run()
                // An open item accepted long ago: overdue now, on a project that may have had none.
                let late = try #require(try await db.raw("""
                    SELECT MAX(id) AS id FROM project_approvals WHERE status = 'accepted' AND decided_on IS NULL
                    """).first()?.decode(column: "id", as: Int64?.self))
                try await db.raw("UPDATE project_approvals SET accepted_on = '2025-01-02' WHERE id = \(bind: late)").run()
                let lateProject = try await db.raw("SELECT project_id FROM project_approvals WHERE id = \(bind: late)").first()!.decode(column: "project_id", as: Int64.self)
                try await LedgerGeneration.bump(db, project: lateProject)
                for table in ["project_levels", "project_tags", "project_support_departments", "annual_plans", "monthly_reports"] {
                    try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE project_id = \(bind: created.id)").run()
                }
                try await db.raw("DELETE FROM projects WHERE id = \(bind: created.id)").run()
                // Two listed projects: one renamed and grown, one cancelled (off the statistics).
                let listed = try await db.raw("SELECT DISTINCT project_id FROM year_list_entries ORDER BY project_id LIMIT 2").all()
                    .map { try $0.decode(column: "project_id", as: Int64.self) }
                try await db.raw("UPDATE projects SET name = name || '（更名）', total_investment = total_investment + 1 WHERE id = \(bind: listed[0])").run()
                try await db.raw("UPDATE projects SET stage = 'cancelled' WHERE id = \(bind: listed[1])").run()
                for id in [ids[10], ids[31], ids[40], created.id] + listed { try await LedgerGeneration.bump(db, project: id) }
            }
            try await Self.expectKept(store, lights: lights)
            #expect(try await AssessmentRepository(database: database).assessed(Self.month, reportRules: Self.rules, indicators: Self.indicators)
                .contains { $0.id == created.id } == false, "a deleted project is dropped")

            // Another instance keeps its own parts and moves them by the same feed.
            try await store.elsewhere { other in
                let before = try await AssessmentRepository(database: other).assessed(Self.month, reportRules: Self.rules, indicators: Self.indicators)
                _ = try await reports.submit(project: reported, month: Self.month, figures: MonthlyFigures(dispatch: .wan(77), jumpReason: "另一实例"),
                                             expectedVersion: try await reports.reports(projectId: reported.id).first { $0.month == Self.month }?.version,
                                             correctionReason: "考核测试再更正", rules: try MonthlyReportRepository.rules(), actor: testActor,
                                             today: testToday, now: testNow)
                let after = try await AssessmentRepository(database: other).assessed(Self.month, reportRules: Self.rules, indicators: Self.indicators)
                #expect(after != before, "the other instance sees the write")
                #expect(other.assessedProjects.wholeComputations == 1, "moved forward there too")
                try await Self.expectKept(StoreOn(database: other, catalog: store.catalog), lights: nil)
            }
            #expect(keeper.wholeComputations == 2, "every change so far named its projects")
            #expect(database.projectSignals.wholeComputations == 1)
            #expect(database.approvalAnalyticsParts.wholeComputations == 1)
            #expect(database.listedParts.wholeComputations == 2, "this year's lists and last year's, moved forward since")
            #expect(database.monthReports.wholeComputations == 2, "the month's reports and the month before's, moved forward since")
            #expect(database.overdueItems.wholeComputations == 1, "the overdue items, moved forward since")
            #expect(database.fourRateParts.wholeComputations == 1, "the 四率' parts, moved forward since")
            #expect(database.groundworkParts.wholeComputations == 1, "the groundwork's parts, moved forward since")

            // A project on a district's list and on a later list of the city's own: for the city, its own statement wins over
            // the earlier list's. Written as an import writes it, naming no project.
            let cityCode = try #require(store.catalog.regions.first { $0.kind == .city }).code
            let onBoth = try await database.transaction { db in
                let project = try #require(try await db.raw("""
                    SELECT MIN(e.project_id) AS id FROM year_list_entries e JOIN year_lists l ON l.id = e.list_id
                    WHERE l.region_code = '220104' AND l.year = \(bind: testToday.year) AND e.project_id NOT IN (
                        SELECT e2.project_id FROM year_list_entries e2 JOIN year_lists l2 ON l2.id = e2.list_id
                        WHERE l2.region_code = \(bind: cityCode) AND l2.year = \(bind: testToday.year))
                    """).first()?.decode(column: "id", as: Int64?.self))
                let list = try await db.raw("""
                    INSERT INTO year_lists (region_code, year, threshold_yuan, level, title, created_at)
                    VALUES (\(bind: cityCode), \(bind: testToday.year), 100000000, NULL, '考核测试清单', '2026-11-01T00:00:00Z') RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self)
                try await db.raw("""
                    INSERT INTO year_list_entries (list_id, project_id, nature, planned_investment_yuan) VALUES (\(bind: list), \(bind: project), 'reserve', 123456)
                    """).run()
                try await LedgerGeneration.bump(db)
                return project
            }
            _ = try await MonthCloseRepository(database: database).close(month: Self.month.previous, actor: testActor, today: testToday, now: testNow)
            try await Self.expectKept(store, lights: lights)
            let forCity = try await YearListRepository(database: database).listed(regionCodes: store.catalog.regionSubtree(cityCode), ownRegion: cityCode,
                                                                                 year: testToday.year, schemeId: nil).first { $0.projectId == onBoth }
            #expect(forCity?.nature == .reserve && forCity?.plannedInvestment == Money(yuan: 123456), "the city's own list's statement")
            #expect(keeper.wholeComputations == 4, "a close changes every project's figures: all computed again")
            #expect(database.projectSignals.wholeComputations == 2)
            #expect(database.approvalAnalyticsParts.wholeComputations == 2)
            #expect(database.overdueItems.wholeComputations == 2)
            #expect(database.fourRateParts.wholeComputations == 2)
            #expect(database.groundworkParts.wholeComputations == 2)

            // The calendar names no project, yet every clock reads it: weekdays of the autumn made holidays.
            let calendars = CalendarRepository(database: database)
            let year = testToday.year
            let loaded = try await calendars.calendar()
            let days = (1...12).flatMap { month in (1...Day.daysIn(month: month, year: year)).compactMap { Day(year: year, month: month, day: $0) } }
            var rows = days.compactMap { day in loaded.exception(on: day).map { "\(day.iso),\($0.kind.rawValue),\($0.festival),\($0.statutory ? 1 : 0)" } }
            rows += days.filter { $0.month == 10 && $0.weekday <= 5 && loaded.exception(on: $0) == nil }.prefix(8).map { "\($0.iso),holiday,考核测试,0" }
            let before = ApprovalAnalytics.league(try await Self.analyticsParts(database))
            _ = try await calendars.importYear(year, csv: "date,kind,festival,statutory\n" + rows.joined(separator: "\n"), source: "考核测试", actor: testActor, now: testNow)
            try await Self.expectKept(store, lights: lights)
            #expect(database.approvalAnalyticsParts.wholeComputations == 3, "a new calendar: every part taken again")
            #expect(database.overdueItems.wholeComputations == 3, "a new calendar: every clock read again")
            #expect(ApprovalAnalytics.league(try await Self.analyticsParts(database)) != before, "the holidays moved the clocks")
        }
    }

    static func analyticsParts(_ database: GroundbreakStore.Database) async throws -> [ApprovalAnalytics.ProjectPart] {
        try await ProjectApprovalRepository(database: database).analyticsParts(scope: .everything, departments: [], analyticsDays)
    }

    static let analyticsDays = ProjectApprovalRepository.AnalyticsKey(asOf: testToday, previous: Month(testToday).previous.lastDay)

    static let month = Month(testToday).previous
    static let rules = try! MonthlyReportRepository.rules()
    static let indicators = try! TargetRepository.catalog()

    /// What the checks need of a store: its database and catalog.
    struct StoreOn {
        var database: GroundbreakStore.Database
        var catalog: ReferenceCatalog
    }

    static func expectKept(_ store: TestStore, lights: [Int64: WarningColour]?) async throws {
        try await expectKept(StoreOn(database: store.database, catalog: store.catalog), lights: lights)
    }

    /// The kept parts of the month and the one before are what the projects give now, and the
    /// tables computed from them are the tables computed from the projects.
    static func expectKept(_ store: StoreOn, lights: [Int64: WarningColour]?) async throws {
        let repository = AssessmentRepository(database: store.database)
        for month in [month, month.previous] {
            let kept = try await repository.assessed(month, reportRules: rules, indicators: indicators)
            let fresh = AssessedProject.each(try await repository.inputs(month: month, reportRules: rules, lights: nil), indicators: indicators)
            let sameIds = kept.map(\.id) == fresh.map(\.id)
            #expect(sameIds, "the same projects in id order, \(month.iso): \(kept.count) kept, \(fresh.count) fresh")
            #expect(kept.indices.filter { kept[$0] != fresh[$0] }.isEmpty, "every part as computed now, \(month.iso)")
        }
        let sets: [AssessmentUnitSet] = [.regions, .departments]
        let scheme = try AssessmentRepository.scheme()
        let tables = try await repository.tables(month: month, sets: sets, scheme: scheme, catalog: store.catalog, indicators: indicators,
                                                 reportRules: rules, lights: lights)
        let raw = try await repository.inputs(month: month, sets: sets, reportRules: rules, lights: lights)
        for (set, table) in zip(sets, tables) {
            let previous = try await repository.frozen(month.previous, set: set)
                ?? AssessmentCalculator.table(raw.through(month.previous), set: set, scheme: scheme, previous: nil, catalog: store.catalog, indicators: indicators)
            let fresh = AssessmentCalculator.table(raw, set: set, scheme: scheme, previous: previous, catalog: store.catalog, indicators: indicators)
            let differing = zip(table.rows, fresh.rows).filter { $0 != $1 }.map(\.0.name)
            let same = table == fresh
            #expect(same, "\(set.key): rows \(table.rows.count) kept, \(fresh.rows.count) fresh; differing: \(differing)")
            #expect(!table.rows.isEmpty)
        }
        if lights != nil { #expect(tables[0].rows.contains { ($0.figures.red ?? 0) > 0 }, "today's red lights counted") }

        try await expectKeptTargets(store)

        let warnings = WarningRepository(database: store.database)
        let calendar = try await CalendarRepository(database: store.database).calendar()
        let curve = try await warnings.currentRules().curve
        let kept = try await warnings.signals(inStages: liveStages, scope: .everything, indicators: indicators, curve: curve, reportRules: rules,
                                              calendar: calendar, today: testToday).all
        let fresh = try await warnings.signals(
            try await ProjectRepository(database: store.database).projects(inStages: liveStages, scope: .everything),
            approvalsOverdue: try await overdueBySQL(store.database, calendar: calendar),
            indicators: indicators, curve: curve, reportRules: rules, today: testToday).all
        let sameIds = kept.map(\.id) == fresh.map(\.id)
        #expect(sameIds, "the same live projects in id order: \(kept.count) kept, \(fresh.count) fresh")
        #expect(kept.indices.filter { kept[$0] != fresh[$0] }.map { kept[$0].id }.isEmpty, "every project's signals as read now")
        #expect(kept.contains { $0.approvalsOverdue > 0 } && kept.contains { $0.problemsOverdue > 0 }, "the counts applied")
        // Each project's own counts, in its place: read from SQL apart from the lighting's way.
        let overdue = try await overdueBySQL(store.database, calendar: calendar)
        var problems: [Int64: Int] = [:]
        for row in try await store.database.reader.raw("""
            SELECT project_id FROM problems
            WHERE project_id IS NOT NULL AND deadline IS NOT NULL AND deadline < \(bind: testToday.iso) AND \(ProblemRepository.clockRunning)
            """).all() {
            problems[try row.decode(column: "project_id", as: Int64.self), default: 0] += 1
        }
        #expect(kept.filter { $0.approvalsOverdue != (overdue[$0.id] ?? 0) || $0.problemsOverdue != (problems[$0.id] ?? 0) }.map(\.id).isEmpty,
                "every project's overdue items and problems are its own")
        #expect(try await ProjectApprovalRepository(database: store.database).overdueCounts(scope: .everything, calendar: calendar, today: testToday)
            == (try await overdueBySQL(store.database, calendar: calendar)), "the kept overdue items, as the listing reads them now")

        // The approval figures: each project's part as its items give it now, read from SQL.
        let approvals = ProjectApprovalRepository(database: store.database)
        let items = Dictionary(uniqueKeysWithValues: try await ApprovalCatalogRepository(database: store.database).items().map { ($0.code, $0) })
        let entries = try await approvals.readListings(scope: .everything, departments: [], .init(openOnly: false), items: items)
            .map { ApprovalAnalytics.Entry(approval: $0.approval, item: $0.item) }
        let keptParts = try await analyticsParts(store.database)
        let freshParts = ApprovalAnalytics.parts(entries, calendar: calendar, asOf: analyticsDays.asOf, previous: analyticsDays.previous)
        #expect(keptParts.map(\.id) == freshParts.map(\.id), "the same projects with items: \(keptParts.count) kept, \(freshParts.count) fresh")
        #expect(keptParts.indices.filter { keptParts[$0] != freshParts[$0] }.map { keptParts[$0].id }.isEmpty, "every project's part as its items give it now")
        #expect(ApprovalAnalytics.league(keptParts) == ApprovalAnalytics.league(entries, calendar: calendar, asOf: analyticsDays.asOf, previous: analyticsDays.previous))
        #expect(ApprovalAnalytics.projects(keptParts) == ApprovalAnalytics.projects(entries, calendar: calendar))

        // The month's reports, kept for the report board, the grid and the home tiles, as SQL reads them now.
        let reports = MonthlyReportRepository(database: store.database)
        for month in [month, month.previous] {
            let kept = try await reports.reports(month: month).reports
            let read = try await reports.reports(month: month, scope: .everything)
            #expect(kept.map(\.projectId) == read.map(\.projectId), "\(month.iso): \(kept.count) kept, \(read.count) read")
            #expect(kept == read, "\(month.iso): every report as stored now")
            #expect(!kept.isEmpty)
        }

        // The statistics' listed projects of this year and last, for the city and a district, by their scheme and by none.
        let city = try #require(store.catalog.regions.first { $0.kind == .city })
        let lists = YearListRepository(database: store.database)
        let schemes = try await store.database.reader.raw("SELECT id FROM classification_schemes ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
        var listedSomewhere = false
        for year in [testToday.year, testToday.year - 1] {
            for own in [city.code, "220104"] {
                for scheme in [nil] + schemes.map(Optional.some) {
                    let regions = store.catalog.regionSubtree(own)
                    let kept = try await lists.listed(regionCodes: regions, ownRegion: own, year: year, schemeId: scheme)
                    let read = try await listedBySQL(store.database.reader, regionCodes: regions, ownRegion: own, year: year, schemeId: scheme)
                    #expect(kept == read, "\(year) \(own) scheme \(scheme.map(String.init) ?? "none"): \(kept.count) kept, \(read.count) read")
                    listedSomewhere = listedSomewhere || !kept.isEmpty
                }
            }
        }
        #expect(listedSomewhere)
    }

    /// Each project's open items past their limit today, from the SQL listing: what the lights count.
    static func overdueBySQL(_ database: GroundbreakStore.Database, calendar: WorkingCalendar) async throws -> [Int64: Int] {
        let items = Dictionary(uniqueKeysWithValues: try await ApprovalCatalogRepository(database: database).items().map { ($0.code, $0) })
        var overdue: [Int64: Int] = [:]
        for listing in try await ProjectApprovalRepository(database: database).readListings(scope: .everything, departments: [], .init(openOnly: true), items: items)
            where ApprovalClock.read(listing.approval, item: listing.item, calendar: calendar, today: testToday).state == .overdue {
            overdue[listing.approval.projectId, default: 0] += 1
        }
        return overdue
    }

    /// The statistics' listed projects as they were read before they were kept: one SQL read, the
    /// statement on the list of `ownRegion` winning, then the earliest list.
    static func listedBySQL(_ db: any SQLDatabase, regionCodes: Set<String>, ownRegion: String, year: Int, schemeId: Int64?) async throws -> [ListedProject] {
        guard !regionCodes.isEmpty else { return [] }
        let classJoin: SQLQueryString = schemeId.map {
            "LEFT JOIN project_classes pc ON pc.project_id = p.id AND pc.scheme_id = \(bind: $0) LEFT JOIN scheme_classes c ON c.id = pc.class_id"
        } ?? ""
        let className: SQLQueryString = schemeId == nil ? "NULL AS class_name" : "c.name AS class_name"
        let rows = try await db.raw("""
            SELECT p.id, p.name, p.total_investment, p.region_code AS project_region, e.nature, e.planned_investment_yuan, l.region_code, l.id AS list_id, \(className)
            FROM year_list_entries e JOIN year_lists l ON l.id = e.list_id JOIN projects p ON p.id = e.project_id \(classJoin)
            WHERE l.year = \(bind: year) AND l.region_code IN (\(binds: regionCodes.sorted())) AND p.stage <> \(bind: Stage.cancelled.rawValue)
            ORDER BY p.id, l.id
            """).all()
        var byProject: [Int64: (ListedProject, own: Bool)] = [:]
        var order: [Int64] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let own = try row.decode(column: "region_code", as: String.self) == ownRegion
            var listed = ListedProject(projectId: id, name: try row.decode(column: "name", as: String.self),
                                       total: Money(yuan: try row.decode(column: "total_investment", as: Int64.self)),
                                       nature: try row.decode(column: "nature", as: String?.self).flatMap(ListNature.init(rawValue:)),
                                       className: try row.decode(column: "class_name", as: String?.self))
            listed.regionCode = try row.decode(column: "project_region", as: String.self)
            listed.plannedInvestment = try row.decode(column: "planned_investment_yuan", as: Int64?.self).map(Money.init(yuan:))
            if let existing = byProject[id] {
                if own && !existing.own { byProject[id] = (listed, true) }
            } else {
                byProject[id] = (listed, own)
                order.append(id)
            }
        }
        return order.compactMap { byProject[$0]?.0 }
    }

    static let liveStages: [Stage] = [.reserve, .attraction, .approval, .construction, .suspended]
}
