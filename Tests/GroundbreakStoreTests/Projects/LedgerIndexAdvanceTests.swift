import Foundation
@testable import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The index moved forward by the projects each write changed must be the index a whole read
/// gives at the same generation — every row, text, member list and sort order — and a change the
/// feed cannot name must make the keeper read it whole.
@Suite("Ledger index: moving forward by the changed projects")
struct LedgerIndexAdvanceTests {
    @Test("creates, edits, stage moves, NULLs and lights: the moved index equals a fresh read and answers as SQL", arguments: allEngines)
    func movesAsAWholeReadWould(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let (catalog, repository) = try await Self.indexedLedger(database)
            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }

            // Creates: at the end of the id order, anywhere in the sort orders.
            let first = try await repository.create(sampleInput(name: "阿城新建项目", wan: "1"), catalog: catalog)
            let second = try await repository.create(sampleInput(name: "龘后新建项目", code: "", wan: "990000"), catalog: catalog)
            try await Self.expectMoved(database, catalog: catalog, seed: 1, changed: [first.id, second.id])

            // Edits through the repository: name, code to NULL, dates, levels, tags, support departments.
            for id in ids.prefix(3) {
                let project = try #require(try await repository.project(id: id))
                _ = try await repository.update(id: id, expectedVersion: project.version, sampleInput(name: "同名项目", wan: "85000"), allowed: .everything,
                                                visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            }
            try await Self.expectMoved(database, catalog: catalog, seed: 2, changed: Set(ids.prefix(3)))

            // Straight to the rows: a stage, a date to and from NULL, a code, a new light, a tag removed.
            try await database.transaction { db in
                try await db.raw("UPDATE projects SET stage = 'construction', actual_start = '2026-03-01', code = NULL WHERE id = \(bind: ids[10])").run()
                try await db.raw("UPDATE projects SET actual_start = NULL, planned_start = NULL, total_investment = 0 WHERE id = \(bind: ids[11])").run()
                try await db.raw("UPDATE projects SET code = 'ZZZ-LAST' WHERE id = \(bind: ids[12])").run()
                try await db.raw("""
                    INSERT INTO project_lights (project_id, colour, since, rule_version, explanation, recorded_at)
                    VALUES (\(bind: ids[13]), 'red', '2026-06-01', 1, '', '2026-06-01T00:00:00Z')
                    """).run()
                try await db.raw("DELETE FROM project_tags WHERE project_id = \(bind: ids[14])").run()
                for id in ids[10...14] { try await LedgerGeneration.bump(db, project: id) }
            }
            try await Self.expectMoved(database, catalog: catalog, seed: 3, changed: Set(ids[10...14]))

            // Several generations at once.
            _ = try await repository.create(sampleInput(name: "第三个新建项目"), catalog: catalog)
            let edited = try #require(try await repository.project(id: ids[20]))
            _ = try await repository.update(id: ids[20], expectedVersion: edited.version, sampleInput(name: "再改一次", wan: "3"), allowed: .everything,
                                            visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)
            try await Self.expectMoved(database, catalog: catalog, seed: 4, changed: [ids[20]])
        }
    }

    @Test("moved by its rows alone, the index answers every page its changed rows are not on as SQL does, and leaves the others to SQL",
          arguments: allEngines)
    func rowsFirstThenOrders(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let (catalog, repository) = try await Self.indexedLedger(database)
            let first = try #require(try await database.reader.raw("SELECT MIN(id) AS id FROM projects").first()?.decode(column: "id", as: Int64.self))
            let created = try await repository.create(sampleInput(name: "龘后新建项目", wan: "1"), catalog: catalog)
            let edited = try #require(try await repository.project(id: first))
            _ = try await repository.update(id: first, expectedVersion: edited.version, sampleInput(name: "阿城同名项目", wan: "990000"), allowed: .everything,
                                            visible: .everything, actor: testActor, catalog: catalog, today: testToday, now: testNow)

            #expect(try await database.ledgerIndex.advanceRows(database))
            let generation = try await LedgerGeneration.current(database.reader)
            let held = try #require(database.ledgerIndex.index(at: generation), "held at the new generation before its orders are placed")
            #expect(Set(held.unordered.map { held.ids[Int($0)] }) == [created.id, first])
            #expect(database.ledgerIndex.buckets(for: held) == nil)

            // A page a changed row is on needs its place: SQL; the totals alone do not.
            var byName = ProjectQuery()
            byName.text = "龘后新建项目"
            let selection = try #require(held.selection(byName, scope: .everything, catalog: catalog, today: testToday))
            #expect(held.run(selection, sort: .name, descending: false, offset: 0, limit: 20, buckets: nil) == nil)
            #expect(held.run(selection, sort: .name, descending: false, offset: 0, limit: 0, buckets: nil)?.count == 1)

            // Random pages: each answered by the index is SQL's page; both kinds occur.
            let facts = try await LedgerIndexTests.Facts.read(database, index: held)
            var random = SeededGenerator(seed: 11)
            var answered = 0, leftToSQL = 0
            for _ in 0..<160 {
                let query = LedgerIndexTests.query(facts, catalog: catalog, random: &random)
                let fromSQL = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: false)
                if let selection = held.selection(query, scope: .everything, catalog: catalog, today: testToday) {
                    let result = held.run(selection, sort: query.sort, descending: query.descending, offset: (query.page - 1) * query.perPage,
                                          limit: query.perPage, buckets: nil)
                    if let result {
                        answered += 1
                        #expect(result.ids == fromSQL.projects.map(\.id), "query \(query.items)")
                        #expect(Money(yuan: result.investment) == fromSQL.totalInvestment && result.byStage == fromSQL.byStage, "query \(query.items)")
                    } else {
                        leftToSQL += 1
                    }
                }
                let fromList = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: true)
                #expect(fromList.projects.map(\.id) == fromSQL.projects.map(\.id) && fromList.totalInvestment == fromSQL.totalInvestment)
            }
            #expect(answered > 20 && leftToSQL > 5, "answered \(answered), left to SQL \(leftToSQL)")

            // Placing reads the orders at the rows' own generation, or not at all.
            let later = try await repository.create(sampleInput(name: "再建一个", wan: "42"), catalog: catalog)
            #expect(try await LedgerIndex.placeUnordered(held, database) == nil, "the ledger moved on after the rows were read")
            try await Self.expectMoved(database, catalog: catalog, seed: 12, changed: [created.id, first, later.id])
        }
    }

    @Test("a change that names no project, or a generation with no change rows, is read whole", arguments: allEngines)
    func unnamedChangesAreReadWhole(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            _ = try await DemoLoader(database: database).load(count: 60, today: testToday, actor: testActor, now: testNow)
            try await database.ledgerIndex.rebuild(database)
            try await database.transaction { db in try await LedgerGeneration.bump(db) }
            #expect(try await database.ledgerIndex.advance(database) == false, "a change to anything")

            try await database.ledgerIndex.rebuild(database)
            // A bump outside a transaction writes no change row.
            try await LedgerGeneration.bump(database.writer)
            #expect(try await database.ledgerIndex.advance(database) == false, "a generation without rows")

            try await database.ledgerIndex.rebuild(database)
            let id = try #require(try await database.reader.raw("SELECT MIN(id) AS id FROM projects").first()?.decode(column: "id", as: Int64.self))
            try await database.transaction { db in
                try await db.raw("UPDATE projects SET total_investment = 7 WHERE id = \(bind: id)").run()
                try await LedgerGeneration.bump(db, project: id)
            }
            #expect(try await database.ledgerIndex.advance(database))
            let generation = try await LedgerGeneration.current(database.reader)
            let moved = try #require(database.ledgerIndex.index(at: generation))
            #expect(moved.rows[Int(moved.rowOfProject[id]!)].investment == 7)
            #expect(try await database.reader.raw("SELECT COUNT(*) AS n FROM ledger_changes WHERE generation = \(bind: generation)").first()?
                .decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test("recorded lights name the projects whose colour changed: the index moves forward by them", arguments: allEngines)
    func recordedLightsMoveTheIndex(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let (catalog, _) = try await Self.indexedLedger(database)
            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            let warnings = WarningRepository(database: database)
            func lit(_ colour: WarningColour, _ projects: ArraySlice<Int64>) -> [ProjectWarning] {
                projects.map { ProjectWarning(projectId: $0, colour: colour, reasons: [], ruleVersion: 1) }
            }
            // The first record lights every project not yet yellow: named, and moved by.
            #expect(try await warnings.record(lit(.yellow, ids[...]), today: testToday, now: testNow) > 0)
            try await Self.expectMoved(database, catalog: catalog, seed: 20, changed: Set(ids))

            // The next day three turn red and one goes out: those four are named and read again.
            var today = lit(.yellow, ids[4...])
            today += lit(.red, ids[1...3])
            #expect(try await warnings.record(today, today: testToday.adding(days: 1), now: testNow) == 4)
            let generation = try await LedgerGeneration.current(database.reader)
            let named = try await database.reader.raw("SELECT project_id FROM ledger_changes WHERE generation = \(bind: generation) ORDER BY project_id").all()
                .map { try $0.decode(column: "project_id", as: Int64?.self) }
            #expect(named == Array(ids[0...3]))
            try await Self.expectMoved(database, catalog: catalog, seed: 21, changed: Set(ids[0...3]))

            // Nothing changed: no generation.
            #expect(try await warnings.record(today, today: testToday.adding(days: 2), now: testNow) == 0)
            #expect(try await LedgerGeneration.current(database.reader) == generation)
        }
    }

    @Test("more rows moving at once than the database places one by one: the orders only it holds are read again, the rest placed in memory",
          arguments: allEngines)
    func manyRowsMoveAtOnce(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let (catalog, _) = try await Self.indexedLedger(database)
            let ids = try await database.reader.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            let moving = Array(ids.prefix(LedgerIndex.mostPlacedByCounting + 50))
            try await database.transaction { db in
                for (offset, id) in moving.enumerated() {
                    // Names and codes in the reverse of their id order, some codes gone, investments and starts shuffled.
                    let code: String? = offset % 7 == 0 ? nil : "ZZ-\(1_000 - offset)"
                    try await db.raw("""
                        UPDATE projects SET name = \(bind: "批量改名\(1_000 - offset)"), code = \(bind: code),
                            total_investment = \(bind: Int64((offset * 37) % 101) * 1_000_000),
                            actual_start = \(bind: offset % 5 == 0 ? nil : "2025-\(String(format: "%02d", offset % 12 + 1))-01")
                        WHERE id = \(bind: id)
                        """).run()
                    try await LedgerGeneration.bump(db, project: id)
                }
            }
            try await Self.expectMoved(database, catalog: catalog, seed: 30, changed: Set(moving))
        }
    }

    @Test("a transaction naming more projects than the feed keeps records one change to anything", arguments: allEngines)
    func tooManyNamedIsAnything(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            try await database.transaction { db in
                for project in Int64(1)...Int64(LedgerChanges.mostProjects) { try await LedgerGeneration.bump(db, project: project) }
            }
            let named = try await LedgerGeneration.current(database.reader)
            #expect(try await LedgerChanges.projects(after: named - 1, upTo: named, db: database.reader)?.count == LedgerChanges.mostProjects)
            try await database.transaction { db in
                for project in Int64(1)...Int64(LedgerChanges.mostProjects + 1) { try await LedgerGeneration.bump(db, project: project) }
            }
            let anything = try await LedgerGeneration.current(database.reader)
            #expect(try await LedgerChanges.projects(after: anything - 1, upTo: anything, db: database.reader) == nil)
            #expect(try await database.reader.raw("SELECT COUNT(*) AS n FROM ledger_changes WHERE generation = \(bind: anything) AND project_id IS NULL").first()?
                .decode(column: "n", as: Int.self) == 1)
        }
    }

    /// 240 demo projects with lights, the index read whole.
    static func indexedLedger(_ database: GroundbreakStore.Database) async throws -> (ReferenceCatalog, ProjectRepository) {
        _ = try await DemoLoader(database: database).load(count: 240, today: testToday, actor: testActor, now: testNow)
        try await LedgerIndexTests.light(database)
        try await database.ledgerIndex.rebuild(database)
        return (try await ReferenceRepository(database: database).catalog(), ProjectRepository(database: database))
    }

    /// Moves the held index forward, then checks it against a whole read and against SQL.
    static func expectMoved(_ database: GroundbreakStore.Database, catalog: ReferenceCatalog, seed: UInt64, changed: Set<Int64>,
                            sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(try await database.ledgerIndex.advance(database), "moved forward, not read whole", sourceLocation: sourceLocation)
        let generation = try await LedgerGeneration.current(database.reader)
        let moved = try #require(database.ledgerIndex.index(at: generation), sourceLocation: sourceLocation)
        let fresh = try await LedgerIndex.load(database)
        #expect(fresh.generation == generation)
        #expect(Snapshot(moved) == Snapshot(fresh), "changed \(changed.sorted())", sourceLocation: sourceLocation)

        let repository = ProjectRepository(database: database)
        let facts = try await LedgerIndexTests.Facts.read(database, index: moved)
        var random = SeededGenerator(seed: seed)
        for _ in 0..<40 {
            var query = LedgerIndexTests.query(facts, catalog: catalog, random: &random)
            query.perPage = 500
            query.page = 1
            let fromIndex = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: true)
            let fromSQL = try await repository.read(query, scope: .everything, catalog: catalog, today: testToday, cached: false, useIndex: false)
            #expect(fromIndex.projects.map(\.id) == fromSQL.projects.map(\.id), "query \(query.items)", sourceLocation: sourceLocation)
            #expect(fromIndex.totalInvestment == fromSQL.totalInvestment && fromIndex.byStage == fromSQL.byStage, sourceLocation: sourceLocation)
        }
    }

    /// An index in terms of project ids and codes, not row positions or interned numbers, which
    /// differ between a moved index and a fresh one.
    struct Snapshot: Equatable {
        var rows: [Int64: String] = [:]
        var orders: [String: [Int64]] = [:]
        var nullCounts: [ProjectQuery.SortKey: Int]
        var members: [String: Set<Int64>] = [:]
        var datesReadable: Bool

        init(_ index: LedgerIndex) {
            let code = Dictionary(uniqueKeysWithValues: index.codes.map { ($1, $0) })
            func name(_ value: Int32) -> String { value < 0 ? "∅" : code[value] ?? "?\(value)" }
            for (position, row) in index.rows.enumerated() {
                let text = String(decoding: index.text[index.textStart[position]..<index.textStart[position + 1]], as: UTF8.self)
                rows[index.ids[position]] = [
                    name(row.region), name(row.zone), name(row.category), name(row.section), name(row.division), name(row.department),
                    "\(row.stage)", "\(row.light)", name(row.investmentType), "\(row.investment)", "\(row.actualStart)", "\(row.actualCompletion)",
                    "\(index.secretaries[position])", "\(index.sponsors[position])", text,
                ].joined(separator: "|")
            }
            orders = index.orders.mapValues { $0.map { index.ids[Int($0)] } }
            nullCounts = index.nullCounts
            datesReadable = index.datesReadable
            var members: [String: Set<Int64>] = [:]
            func add<Key>(_ kind: String, _ lists: [Key: [Int32]]) {
                for (key, positions) in lists { members["\(kind)|\(key)"] = Set(positions.map { index.ids[Int($0)] }) }
            }
            add("level", index.levels)
            add("tag", index.tags)
            add("class", index.classes)
            add("list", index.yearLists)
            add("support", index.supportDepartments)
            self.members = members
        }
    }
}
