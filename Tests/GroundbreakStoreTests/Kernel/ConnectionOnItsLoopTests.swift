import AsyncKit
import Foundation
@testable import GroundbreakStore
import GroundbreakTestSupport
import NIOCore
import PostgresKit
import Testing

/// A statement on a PostgreSQL connection that has closed — PostgreSQL restarting ends every
/// connection — is refused at once as "unavailable" (a 503), never left waiting for an answer that
/// cannot come. The restart drill of 2026-12-04 found one such wait stalling the whole server.
@Suite("PostgreSQL statements on a closing connection")
struct ConnectionOnItsLoopTests {
    @Test("the server ending the connection, and any statement after it on either path, is unavailable — refused, not waiting", .timeLimit(.minutes(2)), arguments: [DatabaseEngine.postgres])
    func closedConnectionRefuses(engine: DatabaseEngine) async throws {
        try await withTestStore(engine) { store in
            let pool = try #require(store.database.writer as? PostgresRowsDatabase)
            try await pool.withConnection { connection in
                connection.eventLoop.makeFutureWithTask { try await Self.exercise(connection) }
            }.get()
        }
    }

    private static func exercise(_ connection: PostgresConnection) async throws {
        let onItsLoop = ConnectionOnItsLoop(connection: connection)
        // Open: both paths answer.
        let one = try await onItsLoop.sql().raw("SELECT 1 AS one").first()
        #expect(try one?.decode(column: "one", as: Int.self) == 1)
        #expect(try await ConnectionOnItsLoop.answer(on: connection) { 7 }.get() == 7)

        // PostgreSQL ends this connection as a restart would (57P01, admin shutdown of a backend).
        do {
            _ = try await onItsLoop.sql().raw("SELECT pg_terminate_backend(pg_backend_pid())").all()
            Issue.record("the server ended the connection, yet the statement answered")
        } catch {
            #expect(StoreError.isUnavailable(error), "ending the connection reads as unavailable: \(String(reflecting: error))")
        }
        // The close reaches the client shortly after the server's message.
        for _ in 0..<100 where !connection.isClosed { try await Task.sleep(for: .milliseconds(20)) }
        #expect(connection.isClosed)

        // Statements by PostgresKit's path, and the pool's raw connection path, are refused.
        await #expect(throws: ConnectionOnItsLoop.ConnectionClosed.self) {
            _ = try await onItsLoop.sql().raw("SELECT 1 AS one").all()
        }
        await #expect(throws: ConnectionOnItsLoop.ConnectionClosed.self) {
            _ = try await onItsLoop.withConnection { $0.eventLoop.makeSucceededFuture(1) }.get()
        }
        // A kept statement whose write went nowhere: the watch fails it once it finds the connection
        // closed; without the watch this would wait out the whole sleep.
        let started = ContinuousClock.now
        await #expect(throws: ConnectionOnItsLoop.ConnectionClosed.self) {
            _ = try await ConnectionOnItsLoop.answer(on: connection, lookingEvery: .milliseconds(10)) {
                try await Task.sleep(for: .seconds(600))
                return 0
            }.get()
        }
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(StoreError.isUnavailable(ConnectionOnItsLoop.ConnectionClosed()))
    }

    @Test("what is and is not \"unavailable\": the pool out of connections and a closed connection are; a wrong request is not")
    func unavailableErrors() {
        #expect(StoreError.isUnavailable(ConnectionPoolTimeoutError.connectionRequestTimeout))
        #expect(StoreError.isUnavailable(ConnectionPoolError.shutdown))
        #expect(StoreError.isUnavailable(ChannelError.ioOnClosedChannel))
        #expect(!StoreError.isUnavailable(ChannelError.inappropriateOperationForState))
        #expect(!StoreError.isUnavailable(CocoaError(.fileReadCorruptFile)))
    }
}
