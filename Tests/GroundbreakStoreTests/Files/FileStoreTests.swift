import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("One file store")
struct FileStoreTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("site".utf8)
    static let pdf: [UInt8] = Array("%PDF-1.7 evidence".utf8)

    @Test("photos and evidence share one table and one type check; each kind takes only its own files, for owners that exist", arguments: allEngines)
    func kinds(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let directory = NSTemporaryDirectory() + "groundbreak-files-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let files = FileRepository(database: store.database, storage: LocalDiskStorage(directory: directory))
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            let october = Month(year: 2026, month: 10)!
            let photo = try await files.add(.sitePhoto(projectId: project.id, month: october), name: "a/b\\现场.png", bytes: Self.png,
                                            maxBytes: 1 << 20, actor: testActor, now: testNow)
            #expect(photo.contentType == "image/png" && photo.name == "ab现场.png" && photo.month == october)
            #expect(try await files.photos(projectId: project.id) == [photo])
            #expect(try await files.file(id: photo.id) == photo)

            // A PDF is evidence, not a site photo; an owner that does not exist takes nothing.
            await #expect(throws: StoreError.invalid(ValidationFailure([FieldError("photo", .notAnImage)]))) {
                _ = try await files.add(.sitePhoto(projectId: project.id, month: october), name: "批复.pdf", bytes: Self.pdf, maxBytes: 1 << 20,
                                        actor: testActor, now: testNow)
            }
            await #expect(throws: StoreError.notFound) {
                _ = try await files.add(.problemEvidence(problemId: 424_242), name: "批复.pdf", bytes: Self.pdf, maxBytes: 1 << 20, actor: testActor, now: testNow)
            }
            await #expect(throws: StoreError.invalid(ValidationFailure([FieldError("file", .file(.evidenceTypes))]))) {
                _ = try await files.add(.problemEvidence(problemId: 1), name: "x.exe", bytes: Array("MZ".utf8), maxBytes: 1 << 20, actor: testActor, now: testNow)
            }
            #expect(try await files.photos(projectId: project.id).count == 1, "nothing more was written")
            let audit = try await store.database.reader.raw("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'file'").first()!.decode(column: "n", as: Int.self)
            #expect(audit == 1)
        }
    }

    @Test("migration 0020 moves the old photo and evidence rows into files, photos first, and drops the old tables", arguments: allEngines)
    func migration(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            let problem = try await ProblemRepository(database: store.database).raise(
                Problem(projectId: project.id, regionCode: "220104", categoryCode: "LAND", description: "用地", raisedByUserId: nil, raisedByName: "测试",
                        raisedOn: Day(year: 2026, month: 11, day: 2)!), actor: testActor, now: testNow)
            // The tables as release 0019 left them, with a row each.
            try await store.database.write("DROP TABLE files")
            try await store.database.write("""
                CREATE TABLE attachments (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL, entity TEXT NOT NULL, entity_key TEXT NOT NULL, name TEXT NOT NULL,
                    content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL)
                """)
            try await store.database.write("""
                CREATE TABLE problem_files (id BIGINT PRIMARY KEY, problem_id BIGINT NOT NULL, name TEXT NOT NULL, content_type TEXT NOT NULL,
                    size BIGINT NOT NULL, sha256 TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL)
                """)
            try await store.database.write("""
                INSERT INTO attachments VALUES (7, \(bind: project.id), 'monthly_report', '2026-09', '现场.png', 'image/png', 12, 'aa', '甲', '2026-10-01T08:00:00Z')
                """)
            try await store.database.write("""
                INSERT INTO problem_files VALUES (7, \(bind: problem.id), '批复.pdf', 'application/pdf', 17, 'bb', '乙', '2026-10-02T08:00:00Z')
                """)
            try await store.database.write("DELETE FROM schema_migrations WHERE version = 20")
            try await Migrator(database: store.database).migrate()

            let files = FileRepository(database: store.database, storage: LocalDiskStorage(directory: NSTemporaryDirectory()))
            let photos = try await files.photos(projectId: project.id)
            let evidence = try await files.evidence(problemId: problem.id)
            #expect(photos.map(\.name) == ["现场.png"] && photos.first?.month == Month(year: 2026, month: 9) && photos.first?.uploadedBy == "甲")
            #expect(evidence.map(\.name) == ["批复.pdf"] && evidence.first?.contentType == "application/pdf" && evidence.first?.sha256 == "bb")
            #expect(photos[0].id < evidence[0].id, "photos first, each with a new id")
            await #expect(throws: (any Error).self) { _ = try await store.database.reader.raw("SELECT * FROM attachments").all() }
            await #expect(throws: (any Error).self) { _ = try await store.database.reader.raw("SELECT * FROM problem_files").all() }
        }
    }
}
