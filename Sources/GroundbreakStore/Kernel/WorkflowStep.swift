import Foundation
import GroundbreakDomain
import SQLKit

/// The write every workflow step makes, written once: read the record as it stands (404 when it
/// is gone, 409 when its version is not the one the caller read), let the Domain's rules decide
/// the next state (422 with every reason), update it guarded by the version, write what follows
/// (the event row, notices), and the audit row with the record before and after — all in one
/// transaction, so a refused or stale step changes nothing.
///
/// A repository describes its record once (`load`, `update`, `follow`) and runs events through it;
/// problems, supervised items and approval items do.
struct WorkflowStep<Record: Encodable & Sendable, Event: Sendable>: Sendable {
    /// The audit trail's name for the record (`problem`, `supervised_item`, `approval`).
    let entity: String
    let load: @Sendable (_ id: Int64, _ db: any SQLDatabase) async throws -> Record?
    let id: @Sendable (Record) -> Int64
    let version: @Sendable (Record) -> Int
    /// The Domain's rules: the next state, or every reason the event cannot happen now.
    let decide: @Sendable (_ event: Event, _ current: Record) -> Result<Record, ValidationFailure>
    /// Writes `next` over `current`, guarded by `current`'s version.
    let update: @Sendable (_ next: Record, _ current: Record, _ db: any SQLDatabase) async throws -> Void
    /// What the step leaves besides the record: its event row, notices, webhooks.
    let follow: @Sendable (_ event: Event, _ saved: Record, _ current: Record, _ db: any SQLDatabase) async throws -> Void
    /// The audit row's action and reason for an event.
    let action: @Sendable (Event) -> String
    let reason: @Sendable (Event) -> String

    /// Runs `event` on the record `id` as the caller read it (`expectedVersion`).
    func run(_ event: Event, id recordId: Int64, expectedVersion: Int, actor: AuditActor, now: Date, in database: Database) async throws -> Record {
        try await database.transaction { db in
            guard let current = try await load(recordId, db) else { throw StoreError.notFound }
            guard version(current) == expectedVersion else { throw StoreError.conflict(currentVersion: version(current)) }
            return try await apply(event, to: current, actor: actor, now: now, db: db)
        }
    }

    /// Runs `event` on `current` inside a transaction the caller holds (a scheduler's escalation,
    /// a meeting issuing its decisions).
    func apply(_ event: Event, to current: Record, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> Record {
        let next: Record
        switch decide(event, current) {
        case .success(let record): next = record
        case .failure(let failure): throw StoreError.invalid(failure)
        }
        try await update(next, current, db)
        guard let saved = try await load(id(current), db), version(saved) == version(current) + 1 else {
            throw StoreError.conflict(currentVersion: version(current) + 1)
        }
        try await follow(event, saved, current, db)
        try await AuditLog.write(entity: entity, entityId: String(id(current)), action: action(event), before: try AuditLog.json(current),
                                 after: try AuditLog.json(saved), reason: reason(event), actor: actor, now: now, db: db)
        return saved
    }
}
