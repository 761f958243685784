import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing, run on the blocking-I/O thread pool so a sign-in never stalls request handling.
public enum Passwords {
    public static func hash(_ password: String, cost: Int) async throws -> String {
        let cost = UInt8(clamping: min(max(cost, 4), 31))
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Compared against when the user does not exist, so the answer takes as long either way.
    static let decoyHash = Bcrypt.hash("decoy-password-for-unknown-users", cost: 10)
}
