import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
@testable import GroundbreakStore
import SQLKit
import SQLiteKit
import Testing

/// The Store's SQLite rows read common column types directly; every read must give what
/// SQLiteKit's own decoder gives — the same value, or a refusal where it refuses.
@Suite("SQLite rows read directly")
struct SQLiteRowsTests {
    static let samples: [SQLiteData] = [
        .text("长春"), .text(""), .text("42"), .text("1.5"), .integer(42), .integer(-7), .integer(0), .integer(Int.max),
        .float(1.5), .float(-0.25), .float(3), .null, .blob(ByteBuffer(bytes: [1, 2, 3])),
    ]

    /// Each type's reading as text, so values of different types compare in one list.
    static func readings(_ data: SQLiteData, read: (any Decodable.Type) throws -> Any) -> [String] {
        let types: [any Decodable.Type] = [String.self, String?.self, Int64.self, Int64?.self, Int.self, Int?.self, Double.self, Double?.self,
                                           Bool.self, Bool?.self, Float.self]
        return types.map { type in
            do { return "\(type): \(try read(type))" } catch { return "\(type): refused" }
        }
    }

    @Test("every type the Store reads, from every storage class, as SQLiteKit's decoder reads it")
    func sameAsSQLiteKit() async throws {
        let connection = try await SQLiteConnection.open(storage: .memory)
        defer { _ = connection.close() }
        func row(_ data: SQLiteData) async throws -> StoredSQLiteRow {
            let rows = try await connection.query("SELECT ? AS value", [data])
            let row = try #require(rows.first)
            #expect(row.column("value") == data, "SQLite hands back the storage class bound")
            return StoredSQLiteRow(row: row)
        }
        let decoder = SQLiteDataDecoder()
        for data in Self.samples {
            let stored = try await row(data)
            let direct = Self.readings(data) { type in try Self.decode(stored, type) }
            let kit = Self.readings(data) { type in try Self.decode(decoder, data, type) }
            #expect(direct == kit, "\(data)")
            #expect(try stored.decodeNil(column: "value") == (data == .null))
        }
        // What each pair gives, so the comparison above cannot pass by both sides refusing everything.
        let text = try await row(.text("长春"))
        #expect(try text.decode(column: "value", as: String.self) == "长春")
        #expect(try text.decode(column: "value", as: String?.self) == "长春")
        #expect(throws: (any Error).self) { try text.decode(column: "value", as: Int64.self) }
        let number = try await row(.integer(-7))
        #expect(try number.decode(column: "value", as: Int64?.self) == -7)
        #expect(try number.decode(column: "value", as: Double.self) == -7)
        let null = try await row(.null)
        #expect(try null.decode(column: "value", as: Int?.self) == nil)
        #expect(throws: (any Error).self) { try null.decode(column: "value", as: String.self) }
        #expect(throws: (any Error).self) { try null.decode(column: "missing", as: String?.self) }
        #expect(try null.decodeNil(column: "missing"))
    }

    /// SQLiteNIO's futures' query submits every row to the connection's event loop as a task of
    /// its own — the loops that serve the requests; a province's snapshot is a million of them.
    @Test("rows reach an async read on the thread that steps the statement, from the pool and inside a transaction")
    func rowsOffTheEventLoops() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await Database.connect(.sqlite(path: folder.appendingPathComponent("rows.sqlite").path))
        let numbers = SQLRaw("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n")
        let onEventLoop = NIOLockedValueBox<[Bool]>([])
        let sum = NIOLockedValueBox(0)
        let note: @Sendable (any SQLRow) -> Void = { row in
            onEventLoop.withLockedValue { $0.append(MultiThreadedEventLoopGroup.currentEventLoop != nil) }
            sum.withLockedValue { $0 += (try? row.decode(column: "i", as: Int.self)) ?? 0 }
        }
        do {
            try await database.reader.execute(sql: numbers, note)
            try await database.writer.execute(sql: numbers, note)
            try await database.transaction { db in try await db.execute(sql: numbers, note) }
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        #expect(sum.withLockedValue { $0 } == 3 * 5050, "every row of the three reads")
        #expect(onEventLoop.withLockedValue { $0 } == Array(repeating: false, count: 300))
    }

    private static func decode<T: Decodable>(_ row: StoredSQLiteRow, _ type: T.Type) throws -> Any {
        try row.decode(column: "value", as: T.self) as Any
    }

    private static func decode<T: Decodable>(_ decoder: SQLiteDataDecoder, _ data: SQLiteData, _ type: T.Type) throws -> Any {
        try decoder.decode(T.self, from: data) as Any
    }
}
