import Logging
import NIOCore
import PostgresKit
import SQLKit

/// PostgresKit's `SQLDatabase`, with rows that read the column types the Store reads (text,
/// integers, double precision, each possibly NULL) by PostgresNIO's typed decoding. PostgresKit
/// sends every cell through a generic translation that builds a coding path (the column's name
/// and index as a new string) and looks the type's conformances up, for every cell: a third of a
/// monthly import's commit and a quarter of reading the figures' snapshot. Everything else —
/// statements, binds, sessions, errors — is PostgresKit's: a type outside that set, a value
/// PostgresNIO refuses, or a row whose cells cannot be reached goes to PostgresKit's own decoding.
struct PostgresRowsDatabase: SQLDatabase, PostgresDatabase {
    let base: any SQLDatabase

    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var logger: Logger { base.logger }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query) { onRow(StoredPostgresRow($0)) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query) { onRow(StoredPostgresRow($0)) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession { try await closure(PostgresRowsDatabase(base: $0)) }
    }

    // The prepared statements (`KeptStatement`) reach the connection through this.
    func send(_ request: any PostgresRequest, logger: Logger) -> EventLoopFuture<Void> {
        postgres.send(request, logger: logger)
    }

    func withConnection<T>(_ closure: @escaping (PostgresConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        postgres.withConnection(closure)
    }

    private var postgres: any PostgresDatabase {
        guard let postgres = base as? any PostgresDatabase else { preconditionFailure("PostgresKit's SQL database is a PostgresDatabase") }
        return postgres
    }
}

/// One result row; see `PostgresRowsDatabase`.
struct StoredPostgresRow: SQLRow {
    /// PostgresKit's row, which answers whatever is not read directly.
    let generic: any SQLRow
    /// Its cells, when they could be reached.
    let cells: PostgresRandomAccessRow?

    init(_ generic: any SQLRow) {
        self.generic = generic
        // PostgresKit keeps the row's cells in a private property: reached by reflection, once a
        // row. Should a release rename it, every read takes PostgresKit's path, slower and the same.
        self.cells = Mirror(reflecting: generic).children.first { $0.label == "randomAccessView" }?.value as? PostgresRandomAccessRow
    }

    init(_ row: PostgresRow) {
        self.generic = row.sql()
        self.cells = PostgresRandomAccessRow(row)
    }

    var allColumns: [String] { generic.allColumns }
    func contains(column: String) -> Bool { generic.contains(column: column) }
    func decodeNil(column: String) throws -> Bool { try generic.decodeNil(column: column) }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        if let cells, cells.contains(column), let value = Self.direct(cells[column], as: D.self) { return value }
        return try generic.decode(column: column, as: D.self)
    }

    /// The value as PostgresKit gives it for the types read directly — its translation hands these
    /// to the same typed decoding, but for a text read from a user-defined type or a double from a
    /// numeric, left to it — or nil (a refusal included) for PostgresKit to answer.
    static func direct<D>(_ cell: PostgresCell, as type: D.Type) -> D? {
        let type = ObjectIdentifier(D.self)
        if cell.dataType.isUserDefined || cell.dataType == .numeric { return nil }
        do {
            switch type {
            case Types.string: return unsafeBitCast(try cell.decode(String.self), to: D.self)
            case Types.optionalString: return unsafeBitCast(try cell.decode(String?.self), to: D.self)
            case Types.int64: return unsafeBitCast(try cell.decode(Int64.self), to: D.self)
            case Types.optionalInt64: return unsafeBitCast(try cell.decode(Int64?.self), to: D.self)
            case Types.int: return unsafeBitCast(try cell.decode(Int.self), to: D.self)
            case Types.optionalInt: return unsafeBitCast(try cell.decode(Int?.self), to: D.self)
            case Types.double: return unsafeBitCast(try cell.decode(Double.self), to: D.self)
            case Types.optionalDouble: return unsafeBitCast(try cell.decode(Double?.self), to: D.self)
            default: return nil
            }
        } catch {
            return nil
        }
    }

    private enum Types {
        static let string = ObjectIdentifier(String.self), optionalString = ObjectIdentifier(String?.self)
        static let int64 = ObjectIdentifier(Int64.self), optionalInt64 = ObjectIdentifier(Int64?.self)
        static let int = ObjectIdentifier(Int.self), optionalInt = ObjectIdentifier(Int?.self)
        static let double = ObjectIdentifier(Double.self), optionalDouble = ObjectIdentifier(Double?.self)
    }
}
