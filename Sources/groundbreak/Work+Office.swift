import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore
import GroundbreakWeb

/// The work behind `groundbreak import` and `groundbreak export`: the command line acts with the
/// whole city in scope, as the database's operator, and is recorded as such.
extension Work {
    static let operatorPrincipal = Principal(userId: 0, username: "cli", displayName: "命令行", roles: [.admin], unit: nil, positionId: nil)

    struct ImportSummary: Sendable {
        var result: LedgerImporter.Result
        var record: ImportRecord?
    }

    static func importLedger(_ database: Database, file: String, commit: Bool, today: Day, now: Date = Date()) async throws -> ImportSummary {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(message: "无法读取文件：\(file)") }
        let catalog = try await ReferenceRepository(database: database).catalog()
        let importer = LedgerImporter(database: database, catalog: catalog, columns: try ColumnCatalog.shipped())
        let result = try await importer.preview(Array(data), fileName: (file as NSString).lastPathComponent, principal: operatorPrincipal, today: today)
        guard commit, result.preview.canCommit else { return ImportSummary(result: result, record: nil) }
        do {
            return ImportSummary(result: result, record: try await importer.commit(result, actor: .system("命令行导入"), now: now))
        } catch StoreError.conflict {
            throw Failure(message: "导入期间项目被他人修改，未写入任何数据；请重新运行")
        }
    }

    static func exportLedger(_ database: Database, to path: String, csv: Bool, today: Day, now: Date = Date()) async throws {
        let catalog = try await ReferenceRepository(database: database).catalog()
        let exporter = LedgerExporter(projects: ProjectRepository(database: database), catalog: catalog, scope: .everything, today: today)
        let url = URL(fileURLWithPath: path)
        if csv {
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try await exporter.writeCSV(ProjectQuery()) { try handle.write(contentsOf: $0) }
        } else {
            try? FileManager.default.removeItem(at: url)
            try await exporter.writeXLSX(ProjectQuery(), to: url, now: now)
        }
    }
}
