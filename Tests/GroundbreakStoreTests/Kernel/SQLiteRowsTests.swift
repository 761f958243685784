import Foundation
import NIOCore
@testable import GroundbreakStore
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

    private static func decode<T: Decodable>(_ row: StoredSQLiteRow, _ type: T.Type) throws -> Any {
        try row.decode(column: "value", as: T.self) as Any
    }

    private static func decode<T: Decodable>(_ decoder: SQLiteDataDecoder, _ data: SQLiteData, _ type: T.Type) throws -> Any {
        try decoder.decode(T.self, from: data) as Any
    }
}
