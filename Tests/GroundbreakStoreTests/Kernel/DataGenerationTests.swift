import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The counter cached figures are keyed by: it moves with every committed audited change, once
/// per transaction, and with nothing else.
@Suite("The figures generation")
struct DataGenerationTests {
    @Test("an audited change moves it once per transaction; reads, unaudited bookkeeping and a rolled-back change do not; concurrent writers all count",
          arguments: allEngines)
    func movesWithAuditedChanges(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let database = store.database
            func current() async throws -> Int64 { try await FiguresGeneration.current(database).data }
            let start = try await current()

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
        }
    }
}
