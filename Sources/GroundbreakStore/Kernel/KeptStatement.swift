import NIOCore
import PostgresKit
import SQLKit

/// A statement every request runs, whose text ends where its one parameter goes (when it has
/// one: the counters' read has none, `CountersRead`). On PostgreSQL
/// it is prepared once per connection and then only executed: planning the session lookup anew
/// took 0.13 ms of the 0.16 ms it cost the server on every request (pg_stat_statements). On
/// SQLite it runs as any statement (SQLiteNIO prepares every statement afresh).
protocol KeptStatementText: SendableMetatype {
    /// The prepared statement's name on each PostgreSQL connection.
    static var name: String { get }
    /// The text for `engine`, without its parameter.
    static func text(_ engine: DatabaseEngine) -> String
    /// `text(.postgres)` with its `$1` if it has a parameter, kept (a static `let`: the driver reads it on every run).
    static var postgresSQL: String { get }
}

struct KeptPostgresStatement<Text: KeptStatementText>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { Text.name }
    static var sql: String { Text.postgresSQL }
    let parameter: String?

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        if let parameter { bindings.append(parameter) }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension Database {
    /// The first row `Text` finds for `parameter` (nil: a statement without one), on the reader.
    func keptFirst<Text: KeptStatementText>(_ text: Text.Type, _ parameter: String?) async throws -> (any SQLRow)? {
        if engine == .postgres, let postgres = reader as? any PostgresDatabase {
            do {
                return try await Self.keptFirst(text, parameter, on: postgres)
            } catch let error as PSQLError where error.code == .server {
                // The statement did not prepare (a table locked or renamed by a migration) or its
                // plan went stale (a column it reads changed type). PostgresNIO keeps that failure
                // for the connection's life, so that connection has been closed and the pool opens
                // a new one; this request reads the plain way, and fails as that fails.
            }
        }
        let statement = SQLQueryString(Text.text(engine))
        return try await reader.raw(parameter.map { statement + "\(bind: $0)" } ?? statement).first()
    }

    private static func keptFirst<Text: KeptStatementText>(_ text: Text.Type, _ parameter: String?, on postgres: any PostgresDatabase) async throws -> (any SQLRow)? {
        let statement = KeptPostgresStatement<Text>(parameter: parameter)
        return try await postgres.withConnection { connection in
            ConnectionOnItsLoop.answer(on: connection) {
                var rows: [PostgresRow] = []
                for try await row in try await connection.execute(statement, logger: connection.logger) {
                    rows.append(row)
                }
                return rows.first.map { StoredPostgresRow($0) }
            }.flatMapError { error in
                guard let failure = error as? PSQLError, failure.code == .server else { return connection.eventLoop.makeFailedFuture(error) }
                // Closed once the statement has its answer: closed while it was watched, the
                // closing would have been taken for PostgreSQL going away (`ConnectionClosed`).
                return connection.close().recover { _ in }.flatMapThrowing { _ -> (any SQLRow)? in throw failure }
            }
        }.get()
    }
}
