import Logging
import NIOCore
import PostgresKit
import SQLKit

/// PostgresKit's `SQLDatabase`, with rows that read the column types the Store reads (text,
/// integers, double precision, each possibly NULL) by PostgresNIO's typed decoding. PostgresKit
/// sends every cell through a generic translation that builds a coding path (the column's name
/// and index as a new string) and looks the type's conformances up, for every cell: a quarter of
/// reading the figures' snapshot. A statement whose binds PostgresKit would encode by their own
/// PostgreSQL encoding (values of a type PostgresNIO encodes — what the Store's reads bind) is sent
/// as PostgresKit sends it, on a connection from the same pool or session; any other (a nil among
/// its binds, a value encoded as JSON) goes to PostgresKit whole. A type outside that set, or a
/// value PostgresNIO refuses, is read by PostgresKit's own decoding: results and refusals are
/// PostgresKit's.
struct PostgresRowsDatabase: SQLDatabase, PostgresDatabase {
    /// Where statements go: a pool, or inside a session the one connection.
    let source: any PostgresDatabase
    /// PostgresKit's `SQLDatabase` on the same source.
    let base: any SQLDatabase

    init(_ source: any PostgresDatabase) {
        self.source = source
        self.base = source.sql(queryLogLevel: nil)
    }

    /// Inside a session: statements written from the connection's loop (`ConnectionOnItsLoop`).
    private init(_ connection: PostgresConnection) {
        let onItsLoop = ConnectionOnItsLoop(connection: connection)
        self.source = onItsLoop
        self.base = onItsLoop.sql(queryLogLevel: nil)
    }

    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var logger: Logger { base.logger }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let (sql, binds) = serialize(query)
        guard let bindings = Self.bindings(binds) else { return base.execute(sql: query, onRow) }
        return source.withConnection { connection in
            connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: connection.logger) { onRow(StoredPostgresRow($0)) }
        }.map { _ in }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    /// One connection for the closure's statements, as PostgresKit's own session.
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await source.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await closure(PostgresRowsDatabase(connection)) }
        }.get()
    }

    /// The binds as PostgresKit encodes them when each is a value PostgreSQL encodes as itself (its
    /// first way); nil when one is not, a nil among them (PostgresKit types a null by the
    /// optional's type), so PostgresKit sends that statement.
    static func bindings(_ binds: [any Encodable & Sendable]) -> PostgresBindings? {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            guard let encodable = bind as? any PostgresThrowingDynamicTypeEncodable, (try? bindings.append(encodable, context: .default)) != nil else { return nil }
        }
        return bindings
    }

    // The prepared statements (`KeptStatement`) reach the connection through these.
    func send(_ request: any PostgresRequest, logger: Logger) -> EventLoopFuture<Void> {
        source.send(request, logger: logger)
    }

    func withConnection<T>(_ closure: @escaping (PostgresConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        source.withConnection(closure)
    }
}

/// One result row; see `PostgresRowsDatabase`.
struct StoredPostgresRow: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        self.cells = PostgresRandomAccessRow(row)
    }

    var allColumns: [String] { cells.map(\.columnName) }
    func contains(column: String) -> Bool { cells.contains(column) }

    /// As PostgresKit answers it: a column not in the row is nil too.
    func decodeNil(column: String) throws -> Bool {
        !cells.contains(column) || cells[column].bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        if cells.contains(column), let value = Self.direct(cells[column], as: D.self) { return value }
        return try row.sql().decode(column: column, as: D.self)
    }

    /// The value as PostgresKit gives it for the types read directly — its translation hands these
    /// to the same typed decoding, but for a text read from a user-defined type or a double from a
    /// numeric, left to it — or nil (a refusal included) for PostgresKit to answer.
    static func direct<D>(_ cell: PostgresCell, as type: D.Type) -> D? {
        let type = ObjectIdentifier(D.self)
        if cell.dataType.isUserDefined || cell.dataType == .numeric { return nil }
        do {
            switch type {
            case DirectReadTypes.string: return unsafeBitCast(try cell.decode(String.self), to: D.self)
            case DirectReadTypes.optionalString: return unsafeBitCast(try cell.decode(String?.self), to: D.self)
            case DirectReadTypes.int64: return unsafeBitCast(try cell.decode(Int64.self), to: D.self)
            case DirectReadTypes.optionalInt64: return unsafeBitCast(try cell.decode(Int64?.self), to: D.self)
            case DirectReadTypes.int: return unsafeBitCast(try cell.decode(Int.self), to: D.self)
            case DirectReadTypes.optionalInt: return unsafeBitCast(try cell.decode(Int?.self), to: D.self)
            case DirectReadTypes.double: return unsafeBitCast(try cell.decode(Double.self), to: D.self)
            case DirectReadTypes.optionalDouble: return unsafeBitCast(try cell.decode(Double?.self), to: D.self)
            default: return nil
            }
        } catch {
            return nil
        }
    }
}
