import GroundbreakDomain
import Synchronization

/// Sessions or API tokens this instance has found, each with its account, by the credential's
/// hash and as of the accounts' counter they were read at. Migration 0043's triggers move that
/// counter in the same transaction as any change to a credential or an account, so an entry is
/// what the database holds for as long as the counter has not moved (`FreshCounters` reads it
/// as of the request). A credential not found is not kept: the next request asks again.
final class CredentialCache<Credential: Sendable>: Sendable {
    struct Entry: Sendable {
        let credential: Credential
        let user: UserAccount
        let accounts: Int64
    }

    /// A province's sessions and tokens fit; past that the cache starts again empty.
    static var mostEntries: Int { 10_000 }

    private let entries = Mutex<[String: Entry]>([:])

    func entry(_ hash: String) -> Entry? {
        entries.withLock { $0[hash] }
    }

    /// Keeps `entry` unless one read at a later counter is already kept.
    func keep(_ entry: Entry, for hash: String) {
        entries.withLock { entries in
            if let kept = entries[hash], kept.accounts > entry.accounts { return }
            if entries.count >= Self.mostEntries { entries.removeAll(keepingCapacity: true) }
            entries[hash] = entry
        }
    }

    func forget(_ hash: String) {
        _ = entries.withLock { $0.removeValue(forKey: hash) }
    }
}

extension Database {
    /// The credential `hash` names with its account and the request's counters: the entry kept
    /// for it when `reusable` accepts it and the accounts' counter has not moved since it was
    /// read (one shared read of the counters, `countersNow`), else `lookup` (one statement that
    /// reads the credential, its account and the counters), whose answer is then kept.
    func credential<Credential: Sendable>(
        _ hash: String, in cache: CredentialCache<Credential>,
        reusable: (Credential, UserAccount) -> Bool,
        lookup: () async throws -> (Credential, UserAccount, RequestCounters)?
    ) async throws -> (Credential, UserAccount, RequestCounters)? {
        if let kept = cache.entry(hash), reusable(kept.credential, kept.user) {
            let counters = try await countersNow()
            if counters.accounts == kept.accounts { return (kept.credential, kept.user, counters) }
        }
        guard let found = try await lookup() else {
            cache.forget(hash)
            return nil
        }
        cache.keep(.init(credential: found.0, user: found.1, accounts: found.2.accounts), for: hash)
        return found
    }
}
