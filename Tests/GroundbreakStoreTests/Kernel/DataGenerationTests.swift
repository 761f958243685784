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
            #expect(try await current() == start + 14, "twelve concurrent audited writers, twelve moves, no deadlock")
            #expect(try await ledger() == ledgerStart + 7, "the ledger's generation moved by the seven creations only")
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
}
