import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// SQLiteKit's `SQLDatabase` for an `SQLiteDatabase`, with rows that read the column types the
/// Store reads (text, integers, reals, each possibly NULL) straight from SQLite's values. SQLiteKit
/// decodes every cell through `Decodable` — a conformance lookup for each, and for an optional a
/// decoder object and `Optional.init(from:)` — which was 29 % of reading a province's figures
/// snapshot. Any other type, or a value of another storage class, goes to SQLiteKit's own decoder,
/// so what a read returns, or refuses, is unchanged.
struct SQLiteRowsDatabase<Base: SQLiteDatabase>: SQLDatabase {
    let base: Base
    let version: (any SQLDatabaseReportedVersion)?

    init(_ base: Base) {
        self.base = base
        // SQLiteKit reports the linked library's version; its own wrapper says which.
        self.version = base.sql(queryLogLevel: nil).version
    }

    private init(_ base: Base, version: (any SQLDatabaseReportedVersion)?) {
        self.base = base
        self.version = version
    }

    var eventLoop: any EventLoop { base.eventLoop }
    var logger: Logger { base.logger }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let (sql, values): (String, [SQLiteData])
        do {
            (sql, values) = try statement(query)
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        return base.query(sql, values) { onRow(StoredSQLiteRow(row: $0)) }
    }

    /// Not the futures' variant awaited: that one (SQLiteNIO's) submits every row to the
    /// connection's event loop as a task of its own — the loops that serve the requests — while the
    /// drivers' async query hands each row over on the thread that steps the statement.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, values) = try statement(query)
        try await base.query(sql, values) { onRow(StoredSQLiteRow(row: $0)) }
    }

    /// The statement's text and its binds as SQLite values, as SQLiteKit makes them.
    private func statement(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        let (sql, binds) = serialize(query)
        return (sql, try binds.map { try SQLiteRow.encoder.encode($0) })
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let version = version
        return try await base.withConnection { try await closure(SQLiteRowsDatabase<SQLiteConnection>($0, version: version)) }
    }
}

private extension SQLiteRow {
    static let encoder = SQLiteDataEncoder()
}

/// One result row; see `SQLiteRowsDatabase`.
struct StoredSQLiteRow: SQLRow {
    let row: SQLiteRow
    private static let decoder = SQLiteDataDecoder()

    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the row" }
    }

    var allColumns: [String] { row.columns.map(\.name) }

    func contains(column: String) -> Bool { row.column(column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let data = row.column(column) else { return true }
        return data == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let data = row.column(column) else { throw MissingColumn(column: column) }
        return try Self.direct(data, as: D.self) ?? Self.decoder.decode(D.self, from: data)
    }

    /// The value as SQLiteKit's decoder gives it, for the pairs of type and storage class that
    /// decoder maps one to one; nil for any other pair (left to it). Types are told apart by
    /// `DirectReadTypes`.
    static func direct<D>(_ data: SQLiteData, as type: D.Type) -> D? {
        let type = ObjectIdentifier(D.self)
        switch data {
        case .text(let text):
            if type == DirectReadTypes.string { return unsafeBitCast(text, to: D.self) }
            if type == DirectReadTypes.optionalString { return unsafeBitCast(Optional(text), to: D.self) }
        case .integer(let number):
            if type == DirectReadTypes.int64 { return unsafeBitCast(Int64(number), to: D.self) }
            if type == DirectReadTypes.int { return unsafeBitCast(number, to: D.self) }
            if type == DirectReadTypes.optionalInt64 { return unsafeBitCast(Optional(Int64(number)), to: D.self) }
            if type == DirectReadTypes.optionalInt { return unsafeBitCast(Optional(number), to: D.self) }
        case .float(let number):
            if type == DirectReadTypes.double { return unsafeBitCast(number, to: D.self) }
            if type == DirectReadTypes.optionalDouble { return unsafeBitCast(Optional(number), to: D.self) }
        case .null:
            if type == DirectReadTypes.optionalString { return unsafeBitCast(String?.none, to: D.self) }
            if type == DirectReadTypes.optionalInt64 { return unsafeBitCast(Int64?.none, to: D.self) }
            if type == DirectReadTypes.optionalInt { return unsafeBitCast(Int?.none, to: D.self) }
            if type == DirectReadTypes.optionalDouble { return unsafeBitCast(Double?.none, to: D.self) }
        case .blob:
            break
        }
        return nil
    }
}
