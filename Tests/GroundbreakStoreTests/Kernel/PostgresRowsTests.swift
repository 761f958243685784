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

    @Test("every type the Store reads, from PostgreSQL's types and from binds, as PostgresKit reads and binds it", arguments: [DatabaseEngine.postgres])
    func sameAsPostgresKit(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let ours = try #require(store.database.reader as? PostgresRowsDatabase)
            let select = Self.columns.map { "\($0.value) AS \($0.key)" }.sorted().joined(separator: ", ")
            // Binds of each kind the Store makes, sent by our path and by PostgresKit's.
            let count: Int? = 3
            let query: SQLQueryString = "SELECT \(unsafeRaw: select), \(bind: "吉林")::text AS bt, \(bind: Int64(-5))::int8 AS b8, \(bind: 12) AS bi, "
                + "\(bind: 2.75) AS bd, \(bind: count) AS bo, \(bind: true) AS bb"
            let row = try #require(try await ours.raw(query).first())
            let stored = try #require(row as? StoredPostgresRow, "a statement with such binds is read through our rows")
            let kit = try #require(try await ours.base.raw(query).first())
            #expect(!(kit is StoredPostgresRow))
            #expect(stored.allColumns.sorted() == kit.allColumns.sorted())
            for column in stored.allColumns.sorted() + ["missing"] {
                #expect(Self.readings(stored, column) == Self.readings(kit, column), "\(column)")
                #expect(try stored.decodeNil(column: column) == (try kit.decodeNil(column: column)))
                #expect(stored.contains(column: column) == kit.contains(column: column))
            }
            // What some pairs give, so the comparison cannot pass by both sides refusing everything.
            #expect(try stored.decode(column: "t", as: String.self) == "长春")
            #expect(try stored.decode(column: "i8", as: Int64.self) == 9_000_000_000)
            #expect(try stored.decode(column: "i2", as: Int?.self) == 7)
            #expect(try stored.decode(column: "f8", as: Double?.self) == 1.5)
            #expect(try stored.decode(column: "nt", as: String?.self) == nil)
            #expect(try stored.decode(column: "c", as: Int.self) == 2)
            #expect(try stored.decode(column: "bt", as: String.self) == "吉林")
            #expect(try stored.decode(column: "bo", as: Int.self) == 3)
            #expect(throws: (any Error).self) { try stored.decode(column: "t", as: Int64.self) }
            #expect(throws: (any Error).self) { try stored.decode(column: "nt", as: String.self) }
            #expect(throws: (any Error).self) { try stored.decode(column: "missing", as: String?.self) }
            // A nil bind goes to PostgresKit whole, which types the null by the optional's type.
            let nothing: Int64? = nil
            let null = try #require(try await ours.raw("SELECT \(bind: nothing) AS n, pg_typeof(\(bind: nothing))::text AS t").first())
            #expect(!(null is StoredPostgresRow))
            #expect(try null.decode(column: "n", as: Int64?.self) == nil)
            #expect(try null.decode(column: "t", as: String.self) == "bigint")
            // A bind PostgreSQL cannot encode as itself goes to PostgresKit whole, which sends it as JSON.
            struct Shape: Encodable, Sendable { let sides = 4 }
            let json = try #require(try await ours.raw("SELECT \(bind: Shape())::text AS shape").first())
            #expect(!(json is StoredPostgresRow))
            #expect(try json.decode(column: "shape", as: String.self).contains("\"sides\""))
            // Inside a transaction the rows are read the same way.
            let inside = try await store.database.transaction { db in try await db.raw("SELECT \(bind: Int64(5)) AS five").first() }
            #expect(try (try #require(inside as? StoredPostgresRow)).decode(column: "five", as: Int64.self) == 5)
        }
    }
}
