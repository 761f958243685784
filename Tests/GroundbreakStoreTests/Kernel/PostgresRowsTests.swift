import Foundation
@testable import GroundbreakStore
import GroundbreakTestSupport
import SQLKit
import Testing

/// The Store's PostgreSQL rows read common column types by PostgresNIO's typed decoding; every
/// read must give what PostgresKit's own row gives — the same value, or a refusal where it refuses.
@Suite("PostgreSQL rows read directly")
struct PostgresRowsTests {
    static let columns = [
        "t": "'长春'::text", "e": "''::text", "v": "'42'::varchar", "i2": "7::int2", "i4": "-70000::int4", "i8": "9000000000::int8",
        "f8": "1.5::float8", "f4": "0.25::float4", "n": "2.5::numeric", "b": "true", "nt": "NULL::text", "ni": "NULL::int8",
        "nf": "NULL::float8", "d": "'2026-12-02'::date", "j": "'{\"a\":1}'::jsonb", "c": "(SELECT count(*) FROM (VALUES (1), (2)) AS x(y))",
    ]

    /// Each type's reading as text, so values of different types compare in one list.
    static func readings(_ row: any SQLRow, _ column: String) -> [String] {
        func read<T: Decodable>(_ type: T.Type) -> String {
            do { return "\(T.self): \(try row.decode(column: column, as: T.self) as Any)" } catch { return "\(T.self): refused" }
        }
        return [read(String.self), read(String?.self), read(Int64.self), read(Int64?.self), read(Int.self), read(Int?.self),
                read(Double.self), read(Double?.self), read(Bool.self), read(Float.self), read(Int32?.self)]
    }

    @Test("every type the Store reads, from PostgreSQL's types, as PostgresKit's rows read it", arguments: [DatabaseEngine.postgres])
    func sameAsPostgresKit(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let select = Self.columns.map { "\($0.value) AS \($0.key)" }.sorted().joined(separator: ", ")
            let row = try #require(try await store.database.reader.raw(SQLQueryString("SELECT " + select)).first())
            let stored = try #require(row as? StoredPostgresRow)
            #expect(stored.cells != nil, "the row's cells are reached, so the direct reads are taken")
            for column in Self.columns.keys.sorted() {
                #expect(Self.readings(stored, column) == Self.readings(stored.generic, column), "\(column)")
                #expect(try stored.decodeNil(column: column) == (try stored.generic.decodeNil(column: column)))
            }
            // What some pairs give, so the comparison cannot pass by both sides refusing everything.
            #expect(try stored.decode(column: "t", as: String.self) == "长春")
            #expect(try stored.decode(column: "i8", as: Int64.self) == 9_000_000_000)
            #expect(try stored.decode(column: "i2", as: Int?.self) == 7)
            #expect(try stored.decode(column: "f8", as: Double?.self) == 1.5)
            #expect(try stored.decode(column: "nt", as: String?.self) == nil)
            #expect(try stored.decode(column: "c", as: Int.self) == 2)
            #expect(throws: (any Error).self) { try stored.decode(column: "t", as: Int64.self) }
            #expect(throws: (any Error).self) { try stored.decode(column: "nt", as: String.self) }
            #expect(throws: (any Error).self) { try stored.decode(column: "missing", as: String?.self) }
            // Inside a transaction the rows are the same kind.
            let inside = try await store.database.transaction { db in try await db.raw("SELECT 5::int8 AS five").first() }
            #expect(try (try #require(inside as? StoredPostgresRow)).decode(column: "five", as: Int64.self) == 5)
        }
    }
}
