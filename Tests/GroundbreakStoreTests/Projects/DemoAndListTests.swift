import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("Demo data and the ledger list")
struct DemoAndListTests {
    @Test("the demo dataset is deterministic and every project passes validation, at city scale")
    func deterministicAndValid() async throws {
        try await withTestStore(.sqlite) { store in
            let first = DemoDataset.generate(count: 10_000, today: testToday, catalog: store.catalog)
            let second = DemoDataset.generate(count: 10_000, today: testToday, catalog: store.catalog)
            #expect(first.projects.map(\.fields) == second.projects.map(\.fields))
            let catalog = ReferenceCatalog(
                regions: store.catalog.regions, zones: store.catalog.zones, departments: store.catalog.departments,
                categories: store.catalog.categories, sections: store.catalog.sections, divisions: store.catalog.divisions,
                sizeBands: store.catalog.sizeBands, tags: store.catalog.tags,
                positions: first.seats.map { Position(id: $0.id, title: $0.title, unitName: $0.unitName, duty: $0.duty, holderName: $0.holderName) }
            )
            let validator = ProjectValidator(catalog: catalog, today: testToday)
            for spec in first.projects {
                let stage = spec.stage == .suspended ? spec.suspendedFrom! : (spec.stage == .cancelled ? Stage.reserve : spec.stage)
                let result = validator.validate(ProjectInput(fields: spec.fields), stage: stage)
                guard case .success(let fields) = result else {
                    Issue.record("demo project \(spec.id) is invalid: \(result)")
                    return
                }
                #expect(fields == spec.fields)
            }
            let bigOnes = first.projects.filter { $0.fields.totalInvestment >= .wan(5000) }.count
            // About 90 % at or above 5000万, about 44 % under construction: the demo's shape, scaled.
            #expect(bigOnes > 8_250 && bigOnes < 9_750)
            #expect(first.projects.filter { $0.stage == .construction }.count > 3_250)
            #expect(Set(first.projects.compactMap(\.fields.code)).count == first.projects.compactMap(\.fields.code).count)
        }
    }

    @Test("demo load, then filters, totals and pagination", arguments: allEngines)
    func listFilters(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let summary = try await DemoLoader(database: store.database).load(count: 300, today: testToday, actor: testActor, now: testNow)
            #expect(summary.projects == 300)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            let repository = ProjectRepository(database: store.database)
            let everything = try await repository.list(ProjectQuery(), scope: .everything, catalog: catalog, today: testToday)
            #expect(everything.totalCount == 300)
            #expect(everything.projects.count == 50)
            #expect(everything.byStage.values.reduce(0) { $0 + $1.count } == 300)
            // Sorted by investment, largest first.
            #expect(everything.projects.map(\.fields.totalInvestment) == everything.projects.map(\.fields.totalInvestment).sorted(by: >))

            // Load the whole set once and check each filter against a plain Swift filter.
            var all = ProjectQuery()
            all.perPage = 500
            let projects = try await repository.list(all, scope: .everything, catalog: catalog, today: testToday).projects
            #expect(projects.count == 300)
            #expect(everything.totalInvestment == projects.reduce(Money.zero) { $0 + $1.fields.totalInvestment })

            func check(_ configure: (inout ProjectQuery) -> Void, _ expected: (Project) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                var query = ProjectQuery()
                query.perPage = 500
                configure(&query)
                let page = try await repository.list(query, scope: .everything, catalog: catalog, today: testToday)
                let want = projects.filter(expected)
                #expect(Set(page.projects.map(\.id)) == Set(want.map(\.id)), sourceLocation: sourceLocation)
                #expect(page.totalCount == want.count, sourceLocation: sourceLocation)
                #expect(page.totalInvestment == want.reduce(Money.zero) { $0 + $1.fields.totalInvestment }, sourceLocation: sourceLocation)
                #expect(!want.isEmpty, "filter should match something in the demo data", sourceLocation: sourceLocation)
            }
            try await check({ $0.regionCode = "220113" }) { $0.fields.regionCode == "220113" }
            try await check({ $0.regionCode = "220100" }) { _ in true }
            try await check({ $0.zoneCode = "CC-XQ" }) { ["CC-XQ", "220173", "CC-BH", "CC-CD", "CC-KG"].contains($0.fields.zoneCode ?? "") }
            try await check({ $0.stages = [.construction, .operation] }) { [.construction, .operation].contains($0.stage) }
            try await check({ $0.categoryCode = "INF" }) { $0.fields.categoryCode.hasPrefix("INF-") }
            try await check({ $0.industrySection = "C" }) { catalog.division($0.fields.industryDivision ?? "")?.sectionCode == "C" }
            try await check({ $0.industryDivision = "36" }) { $0.fields.industryDivision == "36" }
            try await check({ $0.sizeBand = "Y10" }) { $0.fields.totalInvestment >= .yi(10) }
            try await check({ $0.level = .cityKey }) { $0.fields.levels.contains(.cityKey) }
            try await check({ $0.tag = "SANZAO" }) { $0.fields.tags.contains("SANZAO") }
            try await check({ $0.leadDepartmentCode = "CC-GXJ" }) { $0.fields.leadDepartmentCode == "CC-GXJ" }
            try await check({ $0.minInvestment = .wan(10_000); $0.maxInvestment = .wan(50_000) }) {
                $0.fields.totalInvestment >= .wan(10_000) && $0.fields.totalInvestment <= .wan(50_000)
            }
            try await check({ $0.text = "汽开区" }) { $0.fields.name.contains("汽开区") }
            // One definition of 新开工 / 续建 / 开复工 / 竣工 (YearActivity): the SQL filter agrees with it, a
            // project not yet started or cancelled is none of them, and a project finished this year is still 开复工.
            for activity in YearActivity.allCases {
                for year in [2025, 2026] {
                    try await check({ $0.nature = activity; $0.natureYear = year }) { activity.holds(for: $0, in: year) }
                }
            }
            let underWay = projects.filter { YearActivity.underWay.holds(for: $0, in: 2026) }
            let notStartedOrCancelled = underWay.filter { $0.fields.actualStart == nil || $0.stage == .cancelled }.count
            let finishedThisYear = underWay.filter { $0.fields.actualCompletion?.year == 2026 }.count
            #expect(notStartedOrCancelled == 0)
            #expect(finishedThisYear > 0, "a project finished this year is 开复工 this year")
            let someCode = try #require(projects.compactMap(\.fields.code).first)
            try await check({ $0.text = String(someCode.value.suffix(6)) }) { $0.fields.code == someCode || $0.fields.name.contains(String(someCode.value.suffix(6))) }

            // Pages do not overlap and together cover the set.
            var seen: [Int64] = []
            for page in 1...7 {
                var query = ProjectQuery()
                query.sort = .name
                query.descending = false
                query.page = page
                seen += try await repository.list(query, scope: .everything, catalog: catalog, today: testToday).projects.map(\.id)
            }
            #expect(seen.count == 300 && Set(seen).count == 300)

            // A project created after the bulk load gets the next id.
            let created = try await repository.create(sampleInput(name: "演示后新增项目"), catalog: catalog)
            #expect(created.id == 301)
        }
    }
}

@Suite("Demo approvals")
struct DemoApprovalTests {
    @Test("projects in approval and beyond carry believable, rule-abiding approval histories", arguments: allEngines)
    func histories(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let summary = try await DemoLoader(database: store.database).load(count: 400, today: testToday, actor: testActor, now: testNow)
            #expect(summary.approvals > 1000)

            // Problems: raised on projects in approval or construction, handled through the rules, in every state.
            let problems = try await ProblemRepository(database: store.database).all(reach: .all)
            #expect(problems.count == summary.problems && summary.problems > 20)
            #expect(Set(problems.map(\.status)).isSuperset(of: [.assigned, .inProgress, .resolved, .closed]))
            #expect(problems.contains { $0.escalations > 0 } && problems.contains { $0.isOverdue(on: testToday) })
            #expect(problems.allSatisfy { problem in
                problem.raisedOn <= testToday && (problem.closedOn.map { $0 >= problem.raisedOn && $0 <= testToday } ?? true) && problem.owner != nil
            })
            let approvals = ProjectApprovalRepository(database: store.database)
            let listings = try await approvals.listings(scope: .everything, departments: [], openOnly: false)
            #expect(listings.count == summary.approvals)
            #expect(listings.count > 2 * ProjectApprovalRepository.idsPerQuery, "pauses and events are read in several queries")
            // The 四率's projects awaiting approval: those the open queue lists, walked without listing them.
            let awaiting = Set(try await approvals.listings(scope: .everything, departments: [], openOnly: true).map(\.approval.projectId))
            #expect(!awaiting.isEmpty && awaiting.count < Set(listings.map(\.approval.projectId)).count)
            #expect(try await approvals.projectsWithOpenItems() == awaiting)
            var byId: [Int64: Project] = [:]
            for id in Set(listings.map(\.approval.projectId)) { byId[id] = try await ProjectRepository(database: store.database).project(id: id) }
            #expect(byId.values.allSatisfy { [.approval, .construction, .operation].contains($0.stage) })
            let calendar = try await CalendarRepository(database: store.database).calendar()
            let events = try await approvals.events(approvalIds: listings.map(\.approval.id))
            let pauseCount = try await store.database.reader.raw("SELECT COUNT(*) AS n FROM approval_pauses").first()!.decode(column: "n", as: Int.self)
            let eventCount = Dictionary(grouping: events, by: \.approvalId).mapValues(\.count)
            #expect(listings.reduce(0) { $0 + $1.approval.pauses.count } == pauseCount)
            for listing in listings {
                let a = listing.approval
                let project = try #require(byId[a.projectId])
                #expect(a.version == (eventCount[a.id] ?? 0) + 1, "every change is an event")
                if let applied = a.appliedOn, let accepted = a.acceptedOn { #expect(applied <= accepted) }
                if let accepted = a.acceptedOn, let decided = a.decidedOn { #expect(accepted <= decided) }
                for day in [a.appliedOn, a.acceptedOn, a.decidedOn].compactMap({ $0 }) { #expect(day <= testToday) }
                if a.status == .approved { #expect(!a.documentNumber.isEmpty && a.decidedOn != nil) }
                if a.status == .paused { #expect(a.pauses.last?.to == nil) }
                if listing.item.code == "CONSTRUCTION-PERMIT", let start = project.fields.actualStart {
                    #expect(a.status == .approved && a.decidedOn! <= start, "\(project.fields.name) built before its permit")
                }
            }
            // Something for the queue and the analytics to show: open items, some late, and a city figure.
            let open = listings.filter { ![.approved, .notNeeded, .rejected].contains($0.approval.status) && $0.approval.acceptedOn != nil }
            let readings = open.map { ApprovalClock.read($0.approval, item: $0.item, calendar: calendar, today: testToday) }
            #expect(readings.count > 10 && readings.contains { $0.state == .overdue } && readings.contains { $0.state == .running })
            let figures = ApprovalAnalytics.projects(listings.map { ApprovalAnalytics.Entry(approval: $0.approval, item: $0.item) }, calendar: calendar)
            let city = ApprovalAnalytics.city(figures)
            #expect(city.projectsWithPermit > 100)
            #expect((city.share ?? 0) > 0.3 && (city.share ?? 1) < 1.0, "a mix of projects inside and outside 51 working days")

            // Monthly reports of this year: within every project's total, older months accepted, last month partly missing.
            #expect(summary.reports > 500)
            let reportRepository = MonthlyReportRepository(database: store.database)
            let lastMonth = Month(testToday).previous
            let sent = try await reportRepository.reports(month: lastMonth, scope: .everything)
            let rules = try MonthlyReportRepository.rules()
            var owing = 0
            for id in Set(listings.map(\.approval.projectId)) {
                let project = try #require(byId[id])
                let reports = try await reportRepository.reports(projectId: id)
                #expect(ReportTotals(reports, through: lastMonth).sinceStartDispatch <= project.fields.totalInvestment)
                #expect(reports.allSatisfy { $0.month == lastMonth ? $0.status == .submitted : $0.status == .accepted })
                if rules.mustReport(project, for: lastMonth) { owing += 1 }
            }
            #expect(sent.count > owing / 2 && sent.count < owing, "last month: most sent, some missing")

            // Plans for this year and the city's targets, so the targets page reads real sentences.
            let targets = TargetRepository(database: store.database)
            let wholeCity = TargetUnit(kind: .region, code: "220100")
            let cityTargets = try await targets.targets(unit: wholeCity, year: testToday.year)
            #expect(cityTargets.count == 6)
            let inputs = try await targets.inputs(unit: wholeCity, month: lastMonth, scope: .everything, catalog: store.catalog)
            #expect(!inputs.plans.isEmpty)
            let indicatorReadings = IndicatorCalculator.readings(inputs, targets: cityTargets, month: lastMonth.month, catalog: try TargetRepository.catalog())
            let fai = try #require(indicatorReadings.first { $0.indicator.code == "FAI_TOTAL" })
            #expect(fai.bulletin.hasPrefix("为年度计划的 "))
            let completion: Double = fai.completionPercent ?? 0
            #expect(completion > 40 && completion < 160)
            let newStartRate: Double? = indicatorReadings.first { $0.indicator.code == "NEW_START_RATE" }?.actual
            #expect(newStartRate != nil)
        }
    }
}

@Suite("Ledger cache")
struct LedgerCacheTests {
    @Test("a full cache keeps the most recently used pages of the current generation, and drops older generations first")
    func eviction() {
        let cache = LedgerCache(capacity: 8)
        func page(_ count: Int) -> ProjectPage {
            ProjectPage(projects: [], totalCount: count, totalInvestment: Money(yuan: 0), byStage: [:], page: 1, perPage: 20)
        }
        for number in 0..<8 { cache.store(page(number), for: "k\(number)", generation: 1) }
        #expect(cache.page(for: "k0", generation: 1)?.totalCount == 0, "used again, so the most recent")
        cache.store(page(8), for: "k8", generation: 1)
        #expect(cache.count <= 8 && cache.count >= 6)
        #expect(cache.page(for: "k0", generation: 1) != nil && cache.page(for: "k8", generation: 1) != nil)
        #expect(cache.page(for: "k1", generation: 1) == nil, "the least recently used went")
        #expect(cache.page(for: "k8", generation: 2) == nil, "a page answers only its own generation")
        for number in 0..<8 { cache.store(page(100 + number), for: "n\(number)", generation: 2) }
        #expect(cache.page(for: "k0", generation: 1) == nil, "older generations are dropped first")
        #expect((0..<8).allSatisfy { cache.page(for: "n\($0)", generation: 2) != nil } || cache.count <= 8)
        #expect(cache.page(for: "n7", generation: 2)?.totalCount == 107)
    }

    @Test("a cached page is reused until any change to projects, then recomputed", arguments: allEngines)
    func invalidation(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let repository = ProjectRepository(database: store.database)
            let first = try await repository.create(sampleInput(name: "项目甲"), catalog: store.catalog)
            var query = ProjectQuery()
            query.regionCode = "220104"
            query.text = "项目"  // a name's text: a filter the region-and-stage groups do not answer
            let before = try await repository.list(query, scope: .everything, catalog: store.catalog, today: testToday)
            #expect(before.totalCount == 1)
            #expect(store.database.ledgerCache.count == 1)
            _ = try await repository.list(query, scope: .everything, catalog: store.catalog, today: testToday)
            #expect(store.database.ledgerCache.count == 1, "the same query is served from the cache")
            query.page = 2
            let walked = try await repository.list(query, scope: .everything, catalog: store.catalog, today: testToday, cached: false)
            #expect(walked.totalCount == 1 && store.database.ledgerCache.count == 1, "an export's walk through the pages leaves the cache alone")
            query.page = 1

            _ = try await repository.create(sampleInput(name: "项目乙"), catalog: store.catalog)
            #expect(try await repository.list(query, scope: .everything, catalog: store.catalog, today: testToday).totalCount == 2)

            var edit = ProjectInput(fields: first.fields)
            edit.totalInvestmentWan = "1"
            _ = try await repository.update(id: first.id, expectedVersion: 1, edit, allowed: .everything, actor: testActor, catalog: store.catalog, today: testToday, now: testNow)
            let afterEdit = try await repository.list(query, scope: .everything, catalog: store.catalog, today: testToday)
            #expect(afterEdit.totalInvestment == Money.wan(85_000) + Money.wan(1))

            _ = try await repository.transition(id: first.id, expectedVersion: 2, TransitionRequest(target: .cancelled, note: "撤销"), allowed: .everything,
                                                actor: testActor, catalog: store.catalog, today: testToday, now: testNow)
            let afterMove = try await repository.list(query, scope: .everything, catalog: store.catalog, today: testToday)
            #expect(afterMove.byStage[.cancelled]?.count == 1)

            _ = try await DemoLoader(database: store.database).load(count: 5, today: testToday, actor: testActor, now: testNow)
            var all = ProjectQuery()
            all.perPage = 100
            #expect(try await repository.list(all, scope: .everything, catalog: store.catalog, today: testToday).totalCount == 7)

            // What the groups answer (a region, stages, an investment range) with its rows from the
            // figures' snapshot is answered afresh each time, never kept: it costs less than the
            // cache's key. Rows read from SQL are kept.
            try await store.database.ledgerIndex.rebuild(store.database)
            let kept = store.database.ledgerCache.count
            var regional = ProjectQuery()
            regional.regionCode = "220104"
            regional.stages = [.reserve, .cancelled]
            let fromSQL = try await repository.read(regional, scope: .everything, catalog: store.catalog, today: testToday, cached: false, useIndex: false)
            func same(_ page: ProjectPage) -> Bool {
                page.totalCount == fromSQL.totalCount && page.byStage == fromSQL.byStage && page.projects.map(\.id) == fromSQL.projects.map(\.id)
            }
            #expect(same(try await repository.list(regional, scope: .everything, catalog: store.catalog, today: testToday)))
            #expect(store.database.ledgerCache.count == kept + 1, "its rows were read from SQL: kept")
            store.database.projectSnapshot.setMinimumProjects(0)
            _ = try #require(try await store.database.projectSnapshot.snapshot(store.database))
            for _ in 0..<2 {
                #expect(same(try await repository.list(regional, scope: .everything, catalog: store.catalog, today: testToday)))
            }
            #expect(fromSQL.totalCount >= 2 && store.database.ledgerCache.count == kept + 1, "from the snapshot: not kept")
        }
    }
}
