import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt hashing, on threads of its own.
///
/// Not on the shared blocking-I/O pool: SQLite runs every statement there, and twenty sign-ins
/// at once (each a quarter of a second of bcrypt) would hold every thread the database needs.
public enum Passwords {
    /// Two threads: enough to keep sign-ins moving, never all of a small machine's cores.
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    public static func hash(_ password: String, cost: Int) async throws -> String {
        let cost = clampedCost(cost)
        return try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Compared against when the user does not exist, at the cost real passwords are hashed
    /// with, so that the answer takes as long either way.
    static func decoyHash(cost: Int) async throws -> String {
        let cost = clampedCost(cost)
        if let known = decoys.withLock({ $0[cost] }) { return known }
        let made = try await pool.runIfActive { Bcrypt.hash("decoy-password-for-unknown-users", cost: cost) }
        decoys.withLock { $0[cost] = made }
        return made
    }

    private static let decoys = Mutex<[UInt8: String]>([:])

    private static func clampedCost(_ cost: Int) -> UInt8 { UInt8(clamping: min(max(cost, 4), 31)) }
}
