import AsyncKit
import NIOCore
import PostgresKit
import SQLiteKit

extension StoreError {
    /// Whether `error` says the database cannot be reached or written just now — the server down
    /// or restarting, the pool out of connections, the disk full or read-only — rather than that
    /// the request was wrong. The answer is then a 503 to try again, not a 500.
    public static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolTimeoutError, is NIOConnectionError, is ConnectionOnItsLoop.ConnectionClosed,
             is FreshCounters.ReadTimedOut:
            return true
        case let error as ConnectionPoolError:
            if case .shutdown = error { return true }
            return false
        case let error as PSQLError:
            // The client closing its side is the answer to the server's going (a statement sent as
            // PostgreSQL ended the connection, the drill of 2026-12-04), or to the pool's shutdown.
            if [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed].contains(error.code) { return true }
            // Connection exceptions (08…) and the server shutting down or starting up (57P…).
            guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || state.hasPrefix("57P")
        case let error as ChannelError:
            switch error {
            case .ioOnClosedChannel, .alreadyClosed, .eof, .connectTimeout: return true
            default: return false
            }
        case let error as SQLiteError:
            switch error.reason {
            case .full, .ioError, .readOnly, .cantOpen, .busy, .locked: return true
            default: return false
            }
        default:
            return false
        }
    }
}
