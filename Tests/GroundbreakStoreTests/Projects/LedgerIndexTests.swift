import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The in-memory ledger index must answer every ledger query exactly as SQL does — the same
/// rows in the same order, the same totals — for every scope, on both engines.
@Suite("Ledger index: the same answers as SQL")
struct LedgerIndexTests {
    @Test("random filters, sorts, pages and scopes: the index and SQL agree row for row and figure for figure", arguments: allEngines)
    func agreesWithSQL(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            _ = try await DemoLoader(database: store.database).load(count: 400, today: testToday, actor: testActor, now: testNow)
            try await Self.light(store.database)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            let repository = ProjectRepository(database: store.database)
            try await store.database.ledgerIndex.rebuild(store.database)
            let generation = try await LedgerGeneration.current(store.database.reader)
            let index = try #require(store.database.ledgerIndex.index(at: generation))
            #expect(index.rows.count == 400)

            let facts = try await Facts.read(store.database, index: index)
            var random = SeededGenerator(seed: 20_261_130)
            let scopes = Self.scopes(facts, random: &random)
            var queries = (0..<240).map { _ in Self.query(facts, catalog: catalog, random: &random) }
            queries.append(ProjectQuery())
            var matchedSomething = 0
            for (number, query) in queries.enumerated() {
                // Half the queries see everything, the rest go through every kind of scope.
                let scope = number.isMultiple(of: 2) ? ProjectScope.everything : scopes[(number / 2) % scopes.count]
                let selection = index.selection(query, scope: scope, catalog: catalog, today: testToday)
                #expect(selection != nil, "the index answers \(query.items)")
                let fromIndex = try await repository.read(query, scope: scope, catalog: catalog, today: testToday, cached: false, useIndex: true)
                let fromSQL = try await repository.read(query, scope: scope, catalog: catalog, today: testToday, cached: false, useIndex: false)
                let context = "query \(query.items), scope \(scope.key)"
                #expect(fromIndex.projects.map(\.id) == fromSQL.projects.map(\.id), "\(context)")
                if fromIndex.projects.map(\.id) == fromSQL.projects.map(\.id) { #expect(fromIndex.projects == fromSQL.projects, "\(context)") }
                #expect(fromIndex.totalCount == fromSQL.totalCount, "\(context)")
                #expect(fromIndex.totalInvestment == fromSQL.totalInvestment, "\(context)")
                #expect(fromIndex.byStage == fromSQL.byStage, "\(context)")
                let lightsFromIndex = try await repository.lightCounts(query, scope: scope, catalog: catalog, today: testToday)
                let lightsFromSQL = try await repository.sqlLightCounts(query, scope: scope, catalog: catalog, today: testToday)
                #expect(lightsFromIndex == lightsFromSQL, "\(context)")
                if fromSQL.totalCount > 0 { matchedSomething += 1 }
            }
            // The comparison means something only if most queries found rows.
            #expect(matchedSomething > queries.count / 3)
        }
    }

    @Test("after a write the list answers from SQL at once, and the next index holds the write", arguments: allEngines)
    func neverStale(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            _ = try await DemoLoader(database: store.database).load(count: 120, today: testToday, actor: testActor, now: testNow)
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            let repository = ProjectRepository(database: store.database)
            try await store.database.ledgerIndex.rebuild(store.database)
            var query = ProjectQuery()
            query.text = "索引之后新建"
            #expect(try await repository.list(query, scope: .everything, catalog: catalog, today: testToday).totalCount == 0)

            let created = try await repository.create(sampleInput(name: "索引之后新建的项目"), catalog: catalog)
            let generation = try await LedgerGeneration.current(store.database.reader)
            #expect(store.database.ledgerIndex.index(at: generation) == nil, "the index read before the write is not used")
            let page = try await repository.list(query, scope: .everything, catalog: catalog, today: testToday)
            #expect(page.projects.map(\.id) == [created.id])

            try await store.database.ledgerIndex.rebuild(store.database)
            let fresh = try #require(store.database.ledgerIndex.index(at: generation))
            #expect(fresh.rowOfProject[created.id] != nil)
            let again = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: true)
            #expect(again.projects.map(\.id) == [created.id] && again.totalInvestment == created.fields.totalInvestment)
        }
    }

    /// Lights with a history: a project's older rows must not count, only its latest.
    static func light(_ database: GroundbreakStore.Database) async throws {
        let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
        let colours = WarningColour.allCases.map(\.rawValue)
        try await database.transaction { db in
            for (offset, id) in ids.enumerated() where offset % 3 != 0 {
                for step in 0..<(1 + offset % 3) {
                    try await db.raw("""
                        INSERT INTO project_lights (project_id, colour, since, rule_version, explanation, recorded_at)
                        VALUES (\(bind: id), \(bind: colours[(offset + step) % colours.count]), '2026-05-01', 1, '', '2026-05-01T00:00:00Z')
                        """).run()
                }
            }
            try await LedgerGeneration.bump(db)
        }
    }

    /// Values found in the data, so random filters hit something.
    struct Facts {
        var regions: [String], zones: [String], categories: [String], divisions: [String], departments: [String]
        var words: [String], codes: [String], classes: [Int64], lists: [Int64], tags: [String]
        var secretaries: [Int64], sponsors: [Int64], projectIds: [Int64]

        static func read(_ database: GroundbreakStore.Database, index: LedgerIndex) async throws -> Facts {
            let db = database.reader
            func column<T: Decodable>(_ sql: SQLQueryString, _ type: T.Type) async throws -> [T] {
                try await db.raw(sql).all().map { try $0.decode(column: "v", as: T.self) }
            }
            return Facts(
                regions: try await column("SELECT DISTINCT region_code AS v FROM projects ORDER BY v", String.self),
                zones: try await column("SELECT DISTINCT zone_code AS v FROM projects WHERE zone_code IS NOT NULL ORDER BY v", String.self),
                categories: try await column("SELECT DISTINCT category_code AS v FROM projects ORDER BY v", String.self),
                divisions: try await column("SELECT DISTINCT industry_division AS v FROM projects WHERE industry_division IS NOT NULL ORDER BY v", String.self),
                departments: try await column("SELECT DISTINCT lead_department_code AS v FROM projects WHERE lead_department_code IS NOT NULL ORDER BY v", String.self),
                words: try await column("SELECT name AS v FROM projects ORDER BY id", String.self).map { String($0.prefix(2)) },
                codes: try await column("SELECT code AS v FROM projects WHERE code IS NOT NULL ORDER BY id", String.self).map { String($0.suffix(5)) },
                classes: try await column("SELECT DISTINCT class_id AS v FROM project_classes ORDER BY v", Int64.self),
                lists: try await column("SELECT DISTINCT list_id AS v FROM year_list_entries ORDER BY v", Int64.self),
                tags: try await column("SELECT DISTINCT tag_code AS v FROM project_tags ORDER BY v", String.self),
                secretaries: try await column("SELECT DISTINCT secretary_position_id AS v FROM projects WHERE secretary_position_id IS NOT NULL ORDER BY v", Int64.self),
                sponsors: try await column("SELECT DISTINCT sponsor_position_id AS v FROM projects WHERE sponsor_position_id IS NOT NULL ORDER BY v", Int64.self),
                projectIds: index.ids
            )
        }
    }

    static func pick<T>(_ values: [T], _ random: inout SeededGenerator) -> T? {
        values.isEmpty ? nil : values[Int.random(in: 0..<values.count, using: &random)]
    }

    /// A query of one or two filters, any sort and direction, a page that may run past the end.
    static func query(_ facts: Facts, catalog: ReferenceCatalog, random: inout SeededGenerator) -> ProjectQuery {
        var query = ProjectQuery()
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            switch Int.random(in: 0..<22, using: &random) {
            case 0: query.regionCode = pick(facts.regions, &random)
            case 1: query.regionCode = pick(["220100", "220000", "999999"], &random)
            case 2: query.zoneCode = pick(facts.zones + ["CC-XQ", "NOPE"], &random)
            case 3: query.stages = Array(Stage.allCases.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            case 4: query.categoryCode = pick(facts.categories + ["INF", "IND", "X"], &random)
            case 5: query.industrySection = pick(["C", "D", "E", "Z"], &random)
            case 6: query.industryDivision = pick(facts.divisions, &random)
            case 7: query.sizeBand = pick(catalog.sizeBands.map(\.code) + ["NOBAND"], &random)
            case 8: query.level = pick(ProjectLevel.allCases, &random)
            case 9: query.tag = pick(facts.tags + ["NOTAG"], &random)
            case 10: query.leadDepartmentCode = pick(facts.departments, &random)
            case 11: query.minInvestment = .wan(Int64.random(in: 0...200_000, using: &random))
            case 12: query.maxInvestment = .wan(Int64.random(in: 5_000...500_000, using: &random))
            case 13: query.text = pick(facts.words, &random)
            case 14: query.text = pick(facts.codes + ["%", "_", "a\\b", "ZZZ不存在"], &random)
            case 15: query.nature = pick(YearActivity.allCases, &random); query.natureYear = pick([2024, 2025, 2026], &random)
            case 16: query.schemeClassId = pick(facts.classes + [9_999], &random)
            case 17: query.yearListId = pick(facts.lists + [9_999], &random)
            case 18: query.light = pick(WarningColour.allCases, &random)
            case 19: query.owed = true
            case 20: query.nature = pick(YearActivity.allCases, &random)
            default: query.regionCode = pick(facts.regions, &random); query.stages = [pick(Stage.allCases, &random)!]
            }
        }
        query.sort = pick(ProjectQuery.SortKey.allCases, &random)!
        query.descending = Bool.random(using: &random)
        query.perPage = pick([1, 7, 20, 50, 500], &random)!
        query.page = pick([1, 1, 1, 2, 3, 40], &random)!
        return query
    }

    static func scopes(_ facts: Facts, random: inout SeededGenerator) -> [ProjectScope] {
        let someRegions = Set(facts.regions.prefix(3))
        let someIds = Set(facts.projectIds.shuffled(using: &random).prefix(25))
        return [
            .everything,
            ProjectScope([ScopeRule(.regions(someRegions))]),
            ProjectScope([ScopeRule(.regions(Set(facts.regions.suffix(2))), stages: [.construction, .approval])]),
            ProjectScope([ScopeRule(.zones(Set(facts.zones.prefix(2))))]),
            ProjectScope([ScopeRule(.departments(Set(facts.departments.prefix(3)), includingSupport: true))]),
            ProjectScope([ScopeRule(.departments(Set(facts.departments.prefix(3)), includingSupport: false))]),
            ProjectScope([ScopeRule(.secretaryPositions(Set(facts.secretaries.prefix(4)))), ScopeRule(.sponsorPositions(Set(facts.sponsors.prefix(2))))]),
            ProjectScope([ScopeRule(.projects(someIds)), ScopeRule(.regions([facts.regions.last!]), stages: [.reserve])]),
            ProjectScope([ScopeRule(.everything, stages: [.operation, .suspended])]),
            ProjectScope([ScopeRule(.regions([]))]),
            .nothing,
        ]
    }
}
