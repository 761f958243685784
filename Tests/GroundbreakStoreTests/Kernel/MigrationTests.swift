import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

@Suite("Migrations and reference data")
struct MigrationTests {
    @Test("reference data is loaded with sources and validity", arguments: allEngines)
    func referenceData(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let catalog = store.catalog
            #expect(catalog.region("220100")?.name == "长春市")
            #expect(catalog.region("220184")?.name == "公主岭市")
            #expect(catalog.region("220381")?.aliasOf == "220184")
            #expect(catalog.region("220381")?.validity.validTo == Day(year: 2020, month: 5, day: 31))
            #expect(catalog.canonicalRegionCode("220381") == "220184")
            #expect(catalog.regionSubtree("220100").count == 12)
            #expect(catalog.zone("220171")?.shortName == "经开区")
            #expect(catalog.zone("220174")?.shortName == "汽开区")
            #expect(catalog.zoneSubtree("CC-XQ") == ["CC-XQ", "220173", "CC-BH", "CC-CD", "CC-KG"])
            #expect(catalog.sections.count == 20)
            #expect(catalog.divisions.count == 97)
            #expect(catalog.division("36")?.sectionCode == "C")
            #expect(catalog.departments.count >= 50)
            #expect(catalog.categorySubtree("INF").count == 6)
            #expect(catalog.band(for: .wan(5000))?.code == "M50")
            #expect(catalog.band(for: .wan(4999))?.code == "M5")
            #expect(catalog.flagRules.contains { $0.code == "NO_SPONSOR" })
            #expect(catalog.regions.allSatisfy { !$0.validity.source.isEmpty })
        }
    }

    @Test("migrate twice changes nothing; reference files load once", arguments: allEngines)
    func idempotent(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let migrated = try await Migrator(database: store.database).migrate()
            let loaded = try await ReferenceDataLoader(database: store.database).load()
            #expect(migrated.isEmpty)
            #expect(loaded.isEmpty)
        }
    }

    @Test("an administrator's edit survives a reload of the file", arguments: allEngines)
    func localEditsSurvive(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            try await store.database.write("UPDATE departments SET name = '长春市发展和改革委员会（本地修改）', locally_edited = 1 WHERE code = 'CC-FGW'")
            try await store.database.write("UPDATE departments SET name = '临时名称' WHERE code = 'CC-GXJ'")
            try await store.database.write("DELETE FROM reference_loads")
            try await ReferenceDataLoader(database: store.database).load()
            let catalog = try await ReferenceRepository(database: store.database).catalog()
            #expect(catalog.department("CC-FGW")?.name == "长春市发展和改革委员会（本地修改）")
            #expect(catalog.department("CC-GXJ")?.name == "长春市工业和信息化局")
        }
    }

    @Test("a migration edited after it ran stops the start", arguments: allEngines)
    func editedMigration(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            try await store.database.write("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1")
            await #expect(throws: Migrator.EditedMigration.self) {
                try await Migrator(database: store.database).migrate()
            }
        }
    }

    @Test("the audit log refuses updates and deletes", arguments: allEngines)
    func auditAppendOnly(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let project = try await ProjectRepository(database: store.database).create(sampleInput(), catalog: store.catalog)
            // Through the writer: the refusal must come from the triggers, not from a read-only connection.
            await #expect(throws: (any Error).self) {
                try await store.database.write("UPDATE audit_log SET actor_name = 'x'")
            }
            await #expect(throws: (any Error).self) {
                try await store.database.write("DELETE FROM audit_log")
            }
            let entries = try await AuditLog(database: store.database).entries(entity: "project", entityId: String(project.id))
            #expect(entries.count == 1)
            #expect(entries.first?.actorName == "测试员")
        }
    }

    @Test("statement splitting keeps trigger and function bodies whole")
    func splitting() throws {
        let sqlite = try Migrator.bundledFiles().first { $0.version == 2 }!.statements(for: .sqlite)
        #expect(sqlite.count == 2)
        #expect(sqlite.allSatisfy { $0.hasSuffix("END;") })
        let postgres = try Migrator.bundledFiles().first { $0.version == 2 }!.statements(for: .postgres)
        #expect(postgres.count == 3)
        #expect(postgres[0].contains("RAISE EXCEPTION"))
        let files = try Migrator.bundledFiles()
        #expect(files.map(\.version) == Array(1...files.count))
    }
}
