import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
@testable import GroundbreakWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue 18's faults that a unit of the server can meet on its own: an attachments store that
/// cannot be written, a database that is gone. Each is a clear 503 in Chinese and changes nothing.
@Suite("Faults answered plainly", .serialized)
struct FaultTests {
    @Test("an attachments folder that cannot be written is a 503 in Chinese with nothing kept; a database gone is a 503, not a 500 page", arguments: allEngines)
    func unavailable(engine: DatabaseEngine) async throws {
        try await withWeb(engine, demoProjects: 5) { fixture, client in
            let project = try #require(try await fixture.services.projects.projects(inStages: Stage.allCases, scope: .everything).first)
            // A file where the folder should be: nothing can be written under it (as with a full or read-only disk,
            // which root in CI would write through).
            let directory = fixture.services.settings.attachmentsDirectory
            #expect(FileManager.default.createFile(atPath: directory, contents: Data("不是目录".utf8)))
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let before = try await Backup.figures(fixture.services.database.reader)
            let upload = try await client.sendImage("/api/v1/projects/\(project.id)/photos?month=2026-10", as: fixture, bytes: tinyPNG)
            #expect(upload.status == .serviceUnavailable && upload.text.contains("附件存储暂时无法写入"))
            #expect(upload.text.contains("storage-unavailable"))
            #expect(try await fixture.services.files.photos(projectId: project.id).isEmpty, "no row names a file")
            #expect(try await Backup.figures(fixture.services.database.reader) == before, "no row of any table written")
            let page = try await client.sendMultipart("/projects/\(project.id)/photos", as: fixture, fields: [("month", "2026-10")],
                                                      file: (field: "photo", name: "现场.png", bytes: tinyPNG))
            #expect(page.status == .serviceUnavailable && page.text.contains("附件存储暂时无法写入"), "the page says it too")

            // The database gone (its pool shut): every request is a 503 that says so.
            await fixture.services.database.shutdown()
            for path in ["/api/v1/projects", "/projects/\(project.id)"] {
                let gone = try await client.send(.get, path, as: fixture)
                #expect(gone.status == .serviceUnavailable && gone.text.contains("数据库暂时无法访问"), "\(path): \(gone.status)")
            }
            let health = try await client.send(.get, "/healthz", as: fixture, signedIn: false)
            #expect(health.status == .serviceUnavailable && health.text.contains("\"database\":\"error\""), "a proxy's health check takes the instance out")
        }
    }
}
