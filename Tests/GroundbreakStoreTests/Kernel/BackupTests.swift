import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

/// The backup drill: back up while projects are being created, restore into a fresh database and
/// folder, and find the same figures; a damaged backup or a target in use is refused untouched.
@Suite("Backup and restore", .serialized)
struct BackupTests {
    static func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("groundbreak-backup-\(name)-\(UUID().uuidString)")
    }

    @Test("backed up under load and restored into a fresh place, the figures are identical; a damaged backup or a used target is refused", arguments: allEngines)
    func drill(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            _ = try await DemoLoader(database: store.database).load(count: 120, today: testToday, actor: testActor, now: testNow)
            let attachments = Self.scratch("files")
            try FileManager.default.createDirectory(at: attachments.appendingPathComponent("ab"), withIntermediateDirectories: true)
            try Data("现场照片一".utf8).write(to: attachments.appendingPathComponent("ab/abcdef"))
            try Data("现场照片二".utf8).write(to: attachments.appendingPathComponent("cd0123"))
            let before = try await Backup.figures(store.database.reader)

            // Creates run while the backup is taken: the copy holds some of them, whole.
            let projects = ProjectRepository(database: store.database)
            let catalog = store.catalog
            let load = Task {
                for index in 0..<40 { _ = try await projects.create(sampleInput(name: "备份期间新建项目\(index)"), catalog: catalog) }
            }
            let folder = Self.scratch("set")
            let manifest = try await Backup.create(store.database, attachments: attachments, into: folder, now: testNow)
            try await load.value
            let after = try await Backup.figures(store.database.reader)
            let saved = manifest.figures.rows["projects"] ?? -1
            #expect(saved >= before.rows["projects"] ?? 0 && saved <= after.rows["projects"] ?? 0)
            #expect((manifest.figures.rows["audit_log"] ?? 0) - (before.rows["audit_log"] ?? 0) >= saved - (before.rows["projects"] ?? 0),
                    "each project copied came with its audit row: no half-written create")
            #expect(manifest.attachments.count == 2 && manifest.engine == engine && manifest.migrations > 30)

            let restoredFiles = Self.scratch("restored-files")
            let target: DatabaseLocation = engine == .sqlite ? .sqlite(path: Self.scratch("restored").path + ".sqlite")
                : .postgres(url: try await PostgresHarness.shared.emptyDatabaseURL())
            let restored = try await Backup.restore(from: folder, to: target, attachments: restoredFiles)
            #expect(restored == manifest.figures)
            #expect(try Data(contentsOf: restoredFiles.appendingPathComponent("ab/abcdef")) == Data("现场照片一".utf8))
            // The restored database serves: the ledger's totals are the copy's.
            let database = try await Database.connect(target)
            let ledger = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything)
            #expect(ledger.count == saved && ledger.reduce(Int64(0)) { $0 + $1.fields.totalInvestment.yuan } == manifest.figures.totalInvestmentYuan)
            await database.shutdown()

            // Into a database in use: refused, nothing written.
            await #expect(throws: BackupError.self) { _ = try await Backup.restore(from: folder, to: target, attachments: Self.scratch("x")) }
            // Beside a write-ahead log another database left: refused, nothing written; an empty one is cleared.
            if engine == .sqlite {
                let beside = Self.scratch("beside").path + ".sqlite"
                try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: beside + "-wal"))
                do {
                    _ = try await Backup.restore(from: folder, to: .sqlite(path: beside), attachments: Self.scratch("z"))
                    Issue.record("restored beside another database's log")
                } catch let error as BackupError {
                    #expect(error.description.contains("预写日志") && error.description.contains(beside + "-wal"))
                }
                #expect(!FileManager.default.fileExists(atPath: beside), "nothing written")
                try Data().write(to: URL(fileURLWithPath: beside + "-wal"))
                #expect(try await Backup.restore(from: folder, to: .sqlite(path: beside), attachments: Self.scratch("w")) == manifest.figures)
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: beside + suffix) }
            }
            // A damaged attachment: refused before anything is written.
            try Data("改过的照片".utf8).write(to: folder.appendingPathComponent("attachments/cd0123"))
            let fresh: DatabaseLocation = engine == .sqlite ? .sqlite(path: Self.scratch("fresh").path + ".sqlite")
                : .postgres(url: try await PostgresHarness.shared.emptyDatabaseURL())
            do {
                _ = try await Backup.restore(from: folder, to: fresh, attachments: Self.scratch("y"))
                Issue.record("a damaged backup was restored")
            } catch let error as BackupError {
                #expect(error.description.contains("校验值与清单不符") && error.description.contains("cd0123"))
            }
            if case .sqlite(let path) = fresh { #expect(!FileManager.default.fileExists(atPath: path), "nothing written") }
            // Into a folder that already holds something: refused.
            await #expect(throws: BackupError.self) { _ = try await Backup.create(store.database, attachments: attachments, into: folder, now: testNow) }
            for url in [attachments, folder, restoredFiles] { try? FileManager.default.removeItem(at: url) }
            if case .sqlite(let path) = target { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
