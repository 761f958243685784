import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The counter cached figures are keyed by: it moves with every committed audited change, once
/// per transaction, and with nothing else.
@Suite("The generations caches are keyed by")
struct DataGenerationTests {
    @Test("an audited change moves the figures generation once per transaction; reads, bookkeeping and a rolled-back change do not; concurrent writers all count",
          arguments: allEngines)
    func movesWithAuditedChanges(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            func current() async throws -> Int64 { try await FiguresGeneration.current(database).data }
            func ledger() async throws -> Int64 { try await LedgerGeneration.current(database.reader) }
            let start = try await current()
            let ledgerStart = try await ledger()

            _ = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything)
            try await SignInAttempts(database: database).record(username: "someone", sourceIP: "10.0.0.9", succeeded: false, now: testNow)
            try await AuditLog(database: database).record(entity: "auth", entityId: "someone", action: "sign-in", actor: testActor, now: testNow)
            try await AuditLog(database: database).record(entity: "api_token", entityId: "1", action: "token-use", actor: testActor, now: testNow)
            #expect(try await current() == start, "a read, sign-in bookkeeping and a token's use are not data changes")

            try await database.transaction { db in
                for index in 0..<3 {
                    try await AuditLog.write(entity: "test", entityId: "\(index)", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                }
            }
            #expect(try await current() == start + 1, "three audit rows in one transaction move it once")

            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await database.transaction { db in
                    try await AuditLog.write(entity: "test", entityId: "x", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                    throw Refused()
                }
            }
            #expect(try await current() == start + 1, "a rolled-back change leaves it")

            let created = try await ProjectRepository(database: database).create(sampleInput(name: "计数项目"), catalog: store.catalog)
            #expect(try await current() == start + 2, "creating a project moves it")
            #expect(created.id > 0)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        if index.isMultiple(of: 2) {
                            try await AuditLog(database: database).record(entity: "flood", entityId: "\(index)", action: "test", actor: testActor, now: testNow)
                        } else {
                            _ = try await ProjectRepository(database: database).create(sampleInput(name: "并发计数项目\(index)"), catalog: store.catalog)
                        }
                    }
                }
                try await group.waitForAll()
            }
            // Creations arriving together commit together (`GroupCommit`): one move per transaction.
            let creations = try await ledger() - ledgerStart - 1
            #expect((1...6).contains(creations), "the ledger's generation moved by the six creations' transactions only")
            #expect(try await current() == start + 2 + 6 + creations, "each of the six other audited writers and each creations' transaction moved it once, no deadlock")
            #expect(try await ProjectRepository(database: database).count() == 7)
        }
    }

    @Test("the bumps are the transaction's last statements: inside it the counters still read as before, after its commit once each", arguments: allEngines)
    func bumpsComeLast(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            let before = (ledger: try await LedgerGeneration.current(database.reader), figures: try await FiguresGeneration.current(database))
            let seen = try await database.transaction { db in
                try await LedgerGeneration.bump(db)
                try await LedgerGeneration.bump(db)
                try await SharedDataGeneration.bump(db)
                try await AuditLog.write(entity: "test", entityId: "1", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                return (ledger: try await LedgerGeneration.current(db), shared: try await SharedDataGeneration.current(db))
            }
            #expect(seen.ledger == before.ledger && seen.shared == before.figures.shared, "nothing bumped while the transaction still writes")
            let after = try await FiguresGeneration.current(database)
            #expect(try await LedgerGeneration.current(database.reader) == before.ledger + 1 && after.shared == before.figures.shared + 1
                    && after.data == before.figures.data + 1, "each counter once, at the commit")
            try await LedgerGeneration.bump(database.writer)
            #expect(try await LedgerGeneration.current(database.reader) == before.ledger + 2, "outside a transaction a bump is made at once")
        }
    }

    @Test("each counter alone moves alone", arguments: allEngines)
    func eachCounterAlone(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            func now() async throws -> (ledger: Int64, figures: FiguresGeneration) {
                (try await LedgerGeneration.current(database.reader), try await FiguresGeneration.current(database))
            }
            let start = try await now()
            try await database.transaction { db in try await SharedDataGeneration.bump(db) }
            var seen = try await now()
            #expect(seen.ledger == start.ledger && seen.figures.shared == start.figures.shared + 1 && seen.figures.data == start.figures.data)
            try await database.transaction { db in try await LedgerGeneration.bump(db, project: 7) }
            seen = try await now()
            #expect(seen.ledger == start.ledger + 1 && seen.figures.shared == start.figures.shared + 1 && seen.figures.data == start.figures.data)
            #expect(try await LedgerChanges.projects(after: start.ledger, upTo: seen.ledger, db: database.reader) == [7], "the change row names the project")
            let written = DataGeneration.Written()
            try await DataGeneration.$written.withValue(written) {
                try await database.transaction { db in
                    try await AuditLog.write(entity: "test", entityId: "1", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                }
            }
            seen = try await now()
            #expect(seen.ledger == start.ledger + 1 && seen.figures.data == start.figures.data + 1)
            #expect(written.value == seen.figures.data, "the writer learns the figures generation its write moved to")
            try await database.transaction { _ in }
            #expect(try await now() == seen, "a transaction that noted nothing moves nothing")
        }
    }

    @Test("a transaction whose counters' statement or commit fails leaves nothing, and its connection serves the next", arguments: allEngines)
    func failedEndLeavesNothing(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            // A project id the change rows refuse: the counters' statement itself fails.
            switch engine {
            case .sqlite:
                try await database.writer.raw("""
                    CREATE TRIGGER refuse_change BEFORE INSERT ON ledger_changes WHEN NEW.project_id = -5
                    BEGIN SELECT RAISE(ABORT, 'refused'); END
                    """).run()
            case .postgres:
                try await database.writer.raw("ALTER TABLE ledger_changes ADD CONSTRAINT refuse_change CHECK (project_id IS DISTINCT FROM -5)").run()
            }
            // A check left to the commit: the commit itself fails.
            try await database.writer.raw("CREATE TABLE parents_for_test (id INTEGER PRIMARY KEY)").run()
            try await database.writer.raw("""
                CREATE TABLE deferred_for_test (parent INTEGER REFERENCES parents_for_test (id) DEFERRABLE INITIALLY DEFERRED)
                """).run()
            if engine == .sqlite { try await database.writer.raw("PRAGMA foreign_keys = ON").run() }
            let ledger = try await LedgerGeneration.current(database.reader)
            let figures = try await FiguresGeneration.current(database)
            func audited() async throws -> Int {
                try await database.reader.raw("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'test'").first()!.decode(column: "n", as: Int.self)
            }
            await #expect(throws: (any Error).self, "the counters' statement refused") {
                try await database.transaction { db in
                    try await AuditLog.write(entity: "test", entityId: "1", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                    try await LedgerGeneration.bump(db, project: -5)
                }
            }
            await #expect(throws: (any Error).self, "the commit refused") {
                try await database.transaction { db in
                    try await AuditLog.write(entity: "test", entityId: "2", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                    try await LedgerGeneration.bump(db, project: 8)
                    try await db.raw("INSERT INTO deferred_for_test (parent) VALUES (42)").run()
                }
            }
            #expect(try await audited() == 0, "neither change was kept")
            #expect(try await LedgerGeneration.current(database.reader) == ledger)
            #expect(try await FiguresGeneration.current(database) == figures)
            #expect(try await database.reader.raw("SELECT COUNT(*) AS n FROM deferred_for_test").first()!.decode(column: "n", as: Int.self) == 0)
            // Every connection of the pool serves the next transaction.
            for index in 0..<8 {
                try await database.transaction { db in
                    try await AuditLog.write(entity: "test", entityId: "ok\(index)", action: "touch", before: nil, after: nil, actor: testActor, now: testNow, db: db)
                    try await LedgerGeneration.bump(db, project: 9)
                }
            }
            #expect(try await audited() == 8)
            #expect(try await LedgerGeneration.current(database.reader) == ledger + 8)
            #expect(try await FiguresGeneration.current(database).data == figures.data + 8)
        }
    }
}
