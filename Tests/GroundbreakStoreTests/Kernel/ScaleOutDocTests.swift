import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// `docs/scale-out.md` classifies every table for a deployment distributed by region code. The
/// page stays true: every table the migrations make is in it exactly once, with a known kind, and
/// what it says about `region_code` being on a table is what the schema holds.
@Suite("docs/scale-out.md against the schema")
struct ScaleOutDocTests {
    struct Row: Equatable {
        var kind: String
        var hasRegionCode: String
    }

    static func documented() throws -> [String: Row] {
        let text = try String(contentsOf: packageRoot().appendingPathComponent("docs/scale-out.md"), encoding: .utf8)
        var rows: [String: Row] = [:]
        var duplicates: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, ["reference", "distributed", "coordinator"].contains(cells[1]) else { continue }
            let table = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            if rows[table] != nil { duplicates.append(table) }
            rows[table] = Row(kind: cells[1], hasRegionCode: cells[2])
        }
        #expect(duplicates.isEmpty, "classified twice: \(duplicates)")
        return rows
    }

    @Test("every table is classified once; a distributed table's region_code is as the page says", arguments: allEngines)
    func classified(engine: DatabaseEngine) async throws {
        let documented = try Self.documented()
        try await withTestStore(engine) { store in
            let db = store.database.reader
            let tables: [String]
            var columns: [String: Set<String>] = [:]
            switch engine {
            case .sqlite:
                tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                for table in tables {
                    columns[table] = Set(try await db.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) })
                }
            case .postgres:
                tables = try await db.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                for row in try await db.raw("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'").all() {
                    columns[try row.decode(column: "table_name", as: String.self), default: []].insert(try row.decode(column: "column_name", as: String.self))
                }
            }
            #expect(tables.count > 50)
            #expect(Set(tables).subtracting(documented.keys).sorted() == [], "tables the page does not classify")
            #expect(Set(documented.keys).subtracting(tables).sorted() == [], "tables the page names that the schema does not have")
            for (table, row) in documented where row.kind == "distributed" {
                let has = columns[table]?.contains("region_code") ?? false
                #expect(row.hasRegionCode == (has ? "yes" : "no"), "\(table): the page says region_code \(row.hasRegionCode)")
            }
            #expect(documented["projects"] == Row(kind: "distributed", hasRegionCode: "yes"))
        }
    }
}
