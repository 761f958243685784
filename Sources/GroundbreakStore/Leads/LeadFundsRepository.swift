import Foundation
import GroundbreakDomain
import SQLKit

/// 到位资金 by lead and month.
public struct LeadFundsRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Keeps what arrived for a lead in a month, counted for the lead's unit.
    public func record(_ funds: ArrivedFunds, actor: AuditActor, today: Day, now: Date) async throws -> ArrivedFunds {
        let errors = funds.problems(today: today)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            guard try await db.raw("SELECT id FROM leads WHERE id = \(bind: funds.leadId)").first() != nil else { throw StoreError.notFound }
            let id = try await db.raw("""
                INSERT INTO lead_funds (lead_id, month, capital, currency, original_amount, rate, yuan, note, recorded_by, recorded_at)
                VALUES (\(bind: funds.leadId), \(bind: funds.month.iso), \(bind: funds.capital.rawValue), \(bind: funds.currency), \(bind: funds.original),
                        \(bind: funds.rate), \(bind: funds.amount.yuan), \(bind: funds.note.trimmingCharacters(in: .whitespacesAndNewlines)), \(bind: actor.name),
                        \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "lead_funds", entityId: String(id), action: "create", before: nil,
                                     after: "lead \(funds.leadId) \(funds.month.iso) \(funds.capital.rawValue) \(funds.original) \(funds.currency)×\(funds.rate)",
                                     actor: actor, now: now, db: db)
            var saved = funds
            saved.id = id
            return saved
        }
    }

    /// One lead's funds, by month.
    public func funds(leadId: Int64) async throws -> [ArrivedFunds] {
        try await rows("f.lead_id = \(bind: leadId)")
    }

    /// Every lead's funds in the months from `from` through `through`, from the rows kept in
    /// memory while the table has not changed (`KeptRows`).
    public func funds(from: Month, through: Month) async throws -> [ArrivedFunds] {
        try await database.leadFunds.rows(database.reader) { try await rows("1 = 1") }.filter { $0.month >= from && $0.month <= through }
    }

    func rows(_ condition: SQLQueryString) async throws -> [ArrivedFunds] {
        try await database.reader.raw("""
            SELECT f.*, l.unit_kind, l.unit_code FROM lead_funds f JOIN leads l ON l.id = f.lead_id WHERE \(condition) ORDER BY f.month, f.id
            """).all().compactMap { row in
            guard let month = Month.parse(try row.decode(column: "month", as: String.self)),
                  let capital = LeadSigning.Capital(rawValue: try row.decode(column: "capital", as: String.self)),
                  let kind = OrgUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)) else { return nil }
            return ArrivedFunds(id: try row.decode(column: "id", as: Int64.self), leadId: try row.decode(column: "lead_id", as: Int64.self),
                                unit: OrgUnit(kind: kind, code: try row.decode(column: "unit_code", as: String.self)), month: month, capital: capital,
                                currency: try row.decode(column: "currency", as: String.self), original: try row.decode(column: "original_amount", as: Int64.self),
                                rate: try row.decode(column: "rate", as: Double.self), note: try row.decode(column: "note", as: String.self))
        }
    }
}

extension TargetUnit {
    /// Whether a lead's unit counts for this target unit: a region with those below it, a zone with
    /// the zones inside it; a department has no leads of its own. The subtree is worked out once,
    /// for testing each of many leads' units (`OrgUnit.subtreeMembership`, the leads' own rule).
    public func unitMembership(_ catalog: ReferenceCatalog) -> (OrgUnit) -> Bool {
        orgUnit.subtreeMembership(catalog)
    }
}
