import Foundation
import GroundbreakDomain
import SQLKit

/// The lease that makes one server instance the scheduler, and the record of job runs.
public struct SchedulerRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Takes or renews the lease `name` for `holder` until `now + duration`: granted when nobody
    /// holds it, when `holder` already does, or when the holder's lease has run out. One
    /// statement, so two instances asking at once cannot both get it.
    public func acquire(_ name: String, holder: String, now: Date, duration: TimeInterval) async throws -> Bool {
        let expires = StoredTime.text(now.addingTimeInterval(duration))
        let stamp = StoredTime.text(now)
        let current = try await database.transaction { db in
            try await db.raw("""
                INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(bind: expires))
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE scheduler_leases.holder = excluded.holder OR scheduler_leases.expires_at < \(bind: stamp)
                """).run()
            return try await db.raw("SELECT holder FROM scheduler_leases WHERE name = \(bind: name)").first()?
                .decode(column: "holder", as: String.self)
        }
        return current == holder
    }

    /// Gives the lease up (a stopping instance), so another can take it at once.
    public func release(_ name: String, holder: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM scheduler_leases WHERE name = \(bind: name) AND holder = \(bind: holder)").run()
        }
    }

    /// Claims the run of `job` for `key` (a day, an hour); false when it has already been claimed,
    /// by anyone, this holder included. The row names the holder and a token of this claim.
    public func claimRun(job: String, key: String, holder: String, now: Date) async throws -> Bool {
        let claim = "\(holder) \(UUID().uuidString)"
        let holderNow = try await database.transaction { db in
            try await db.raw("""
                INSERT INTO scheduled_runs (job, run_key, holder, started_at, finished_at, outcome, detail)
                VALUES (\(bind: job), \(bind: key), \(bind: claim), \(bind: StoredTime.text(now)), NULL, 'running', '')
                ON CONFLICT (job, run_key) DO NOTHING
                """).run()
            return try await db.raw("SELECT holder FROM scheduled_runs WHERE job = \(bind: job) AND run_key = \(bind: key)").first()?
                .decode(column: "holder", as: String.self)
        }
        return holderNow == claim
    }

    public func finishRun(job: String, key: String, outcome: String, detail: String, now: Date) async throws {
        try await database.transaction { db in
            try await db.raw("""
                UPDATE scheduled_runs SET finished_at = \(bind: StoredTime.text(now)), outcome = \(bind: outcome), detail = \(bind: detail)
                WHERE job = \(bind: job) AND run_key = \(bind: key)
                """).run()
        }
    }

    public struct Run: Sendable, Equatable {
        public var job: String
        public var key: String
        public var holder: String
        public var outcome: String
        public var detail: String
    }

    public func runs(job: String? = nil) async throws -> [Run] {
        let filter: SQLQueryString = job.map { "WHERE job = \(bind: $0)" } ?? ""
        return try await database.reader.raw("SELECT * FROM scheduled_runs \(filter) ORDER BY started_at, job").all().map { row in
            Run(job: try row.decode(column: "job", as: String.self), key: try row.decode(column: "run_key", as: String.self),
                holder: String(try row.decode(column: "holder", as: String.self).split(separator: " ").first ?? ""), outcome: try row.decode(column: "outcome", as: String.self),
                detail: try row.decode(column: "detail", as: String.self))
        }
    }
}
