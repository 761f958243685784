import Logging
import NIOCore
import PostgresKit

/// One PostgreSQL connection whose statements are written from its own event loop, after a look
/// that it is still open.
///
/// PostgresNIO writes a statement to the connection's channel from the calling thread. From a
/// task, NIO hands that write to the event loop; should the channel have closed in between
/// (PostgreSQL ends every connection as it restarts), NIO drops the write and nothing ever answers
/// the statement. The restart drill found a request waiting so, holding its connection, and with
/// it every request sharing its read of the counters (`FreshCounters`): the whole server stopped
/// answering (2026-12-04). Written on the loop, a statement either reaches the connection's
/// handler, which answers it or fails it when the connection closes, or is refused here.
struct ConnectionOnItsLoop: PostgresDatabase {
    let connection: PostgresConnection

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }

    func send(_ request: any PostgresRequest, logger: Logger) -> EventLoopFuture<Void> {
        Self.onLoop(connection) { $0.send(request, logger: logger) }
    }

    func withConnection<T>(_ closure: @escaping (PostgresConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        Self.onLoop(connection, closure)
    }

    /// `write(connection)` run on the connection's loop while it is open; else `ConnectionClosed`.
    static func onLoop<T>(_ connection: PostgresConnection, _ write: @escaping (PostgresConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard connection.eventLoop.inEventLoop else {
            let pending = PendingWrite(write, promise: connection.eventLoop.makePromise(of: T.self))
            connection.eventLoop.execute {
                onLoop(connection, pending.write).assumeIsolated().whenComplete { pending.promise.assumeIsolated().completeWith($0) }
            }
            return pending.promise.futureResult
        }
        guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(ConnectionClosed()) }
        return write(connection)
    }

    /// For PostgresNIO's async calls, which write from the task whatever the caller does: `body`'s
    /// answer, or `ConnectionClosed` once the connection is found closed with no answer yet. The
    /// connection is looked at every `interval` while `body` runs. A `body` whose write was
    /// dropped stays suspended; what it holds is this one statement.
    static func answer<T: Sendable>(
        on connection: PostgresConnection, lookingEvery interval: TimeAmount = .milliseconds(100),
        _ body: @escaping @Sendable () async throws -> T
    ) -> EventLoopFuture<T> {
        let promise = connection.eventLoop.makePromise(of: T.self)
        let watch = connection.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
            guard connection.isClosed else { return }
            task.cancel()
            // A promise already answered keeps its answer.
            promise.fail(ConnectionClosed())
        }
        promise.futureResult.whenComplete { _ in watch.cancel() }
        promise.completeWithTask(body)
        return promise.futureResult
    }

    /// The connection closed before the statement was answered (a 503: the database is restarting).
    struct ConnectionClosed: Error, CustomStringConvertible {
        var description: String { "the PostgreSQL connection closed before the statement was answered" }
    }

    /// A write and its answer, carried to the connection's loop, where alone they are used.
    private final class PendingWrite<T>: @unchecked Sendable {
        let write: (PostgresConnection) -> EventLoopFuture<T>
        let promise: EventLoopPromise<T>

        init(_ write: @escaping (PostgresConnection) -> EventLoopFuture<T>, promise: EventLoopPromise<T>) {
            self.write = write
            self.promise = promise
        }
    }
}
