import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("One writer, no orphans")
struct WriterTests {
    @Test("on SQLite a write beside the writer fails at once: readers are read-only")
    func readersAreReadOnly() async throws {
        try await withTestStore(.sqlite) { store in
            await #expect(throws: (any Error).self) {
                try await store.database.reader.raw("UPDATE departments SET name = 'x' WHERE code = 'CC-FGW'").run()
            }
            try await store.database.write("UPDATE departments SET sort = sort WHERE code = 'CC-FGW'")
        }
    }

    @Test("many writers at once, with sign-in bookkeeping and audit rows among them, all commit", arguments: allEngines)
    func concurrentWriters(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let audit = AuditLog(database: store.database)
            let attempts = SignInAttempts(database: store.database)
            let before = try await audit.count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        switch index % 3 {
                        case 0: try await audit.record(entity: "auth", entityId: "flood", action: "test", actor: testActor, now: testNow)
                        case 1: try await attempts.record(username: "u\(index)", sourceIP: "10.0.0.1", succeeded: false, now: testNow)
                        default: _ = try await ProjectRepository(database: store.database).create(sampleInput(name: "并发写入项目\(index)"), catalog: store.catalog)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await audit.count() - before == 40, "20 records and 20 project creations")
            #expect(try await attempts.failures(from: "10.0.0.1", username: "u1", since: testNow.addingTimeInterval(-60)) == (1, 20))
        }
    }

    @Test("every audited string is capped")
    func auditCaps() async throws {
        try await withTestStore(.sqlite) { store in
            let huge = String(repeating: "长", count: 900_000)
            try await AuditLog(database: store.database).record(entity: "auth", entityId: huge, action: huge, reason: huge, actor: testActor, now: testNow)
            let entry = try #require(try await AuditLog(database: store.database).search(AuditQuery()).entries.first)
            #expect(entry.entityId.count <= AuditLimits.shortLength + 1 && entry.action.count <= AuditLimits.shortLength + 1)
            #expect(entry.reason.count <= AuditLimits.reasonLength + 1)
        }
    }

    @Test("a photo whose row cannot be written leaves no file behind", arguments: allEngines)
    func noOrphanFile(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let directory = NSTemporaryDirectory() + "groundbreak-orphans-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let repository = FileRepository(database: store.database, storage: LocalDiskStorage(directory: directory))
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("orphan-\(UUID().uuidString)".utf8)
            await #expect(throws: (any Error).self) {
                _ = try await repository.add(.sitePhoto(projectId: 987_654, month: Month(year: 2026, month: 10)!), name: "现场.png", bytes: png,
                                                  maxBytes: 1 << 20, actor: testActor, now: testNow)
            }
            let files = FileManager.default.enumerator(atPath: directory)?.allObjects.compactMap { $0 as? String }.filter { !$0.hasPrefix(".") } ?? []
            #expect(files.allSatisfy { !$0.contains("/") }, "no file left, only empty fan-out folders: \(files)")

            // The same bytes kept by a project that exists stay when a second row fails.
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            let kept = try await repository.add(.sitePhoto(projectId: project.id, month: Month(year: 2026, month: 10)!), name: "现场.png", bytes: png,
                                                     maxBytes: 1 << 20, actor: testActor, now: testNow)
            _ = try? await repository.add(.sitePhoto(projectId: 987_654, month: Month(year: 2026, month: 10)!), name: "现场.png", bytes: png,
                                               maxBytes: 1 << 20, actor: testActor, now: testNow)
            #expect(try repository.bytes(of: kept) == png)
        }
    }

    @Test("NULs stored before input refused them are taken out, keeping the text on both sides")
    func storedNulsCleaned() async throws {
        try await withTestStore(.sqlite) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(name: "前半截后半截"), catalog: store.catalog)
            try await store.database.write("UPDATE projects SET name = \(bind: "前半截\u{0}后\u{0}半截") WHERE id = \(bind: project.id)")
            try await store.database.write("DELETE FROM schema_migrations WHERE version = 19")
            try await Migrator(database: store.database).migrate()
            #expect(try await ProjectRepository(database: store.database).project(id: project.id)?.fields.name == "前半截后半截")
        }
    }

    @Test("a stored time that is not one is an error, not 1970")
    func unreadableTime() async throws {
        try await withTestStore(.sqlite) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            try await store.database.write("UPDATE projects SET updated_at = 'yesterday' WHERE id = \(bind: project.id)")
            await #expect(throws: StoredTime.Unreadable.self) { _ = try await ProjectRepository(database: store.database).project(id: project.id) }
        }
    }
}
