import Foundation
import GroundbreakDomain
import SQLKit

/// The targets at the front of the chain set per unit and year (the rolling reserve's bands, the
/// new starts by a campaign target's day).
public struct GroundworkTargetRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func targets(unit: TargetUnit, year: Int) async throws -> [GroundworkTarget] {
        try await database.reader.raw("""
            SELECT measure, target_count, target_amount_yuan FROM groundwork_targets
            WHERE unit_kind = \(bind: unit.kind.rawValue) AND unit_code = \(bind: unit.code) AND year = \(bind: year)
            ORDER BY measure
            """).all().map { row in
            GroundworkTarget(unit: unit, year: year, measure: try row.decode(column: "measure", as: String.self),
                             count: try row.decode(column: "target_count", as: Int64?.self).map { Int($0) },
                             amount: try row.decode(column: "target_amount_yuan", as: Int64?.self).map { Money(yuan: $0) })
        }
    }

    /// Sets the unit's target for the measure and year, replacing the one before; a target with
    /// neither count nor amount removes it (the city then falls back to the data files' figure).
    public func set(_ target: GroundworkTarget, measures: [GroundworkMeasure], reference: ReferenceCatalog, actor: AuditActor, now: Date) async throws {
        let errors = target.problems(measures: measures, reference: reference)
        let clear = target.count == nil && target.amount == nil
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let key = "\(target.unit.text)/\(target.year)/\(target.measure)"
        try await database.transaction { db in
            let before = try await db.raw("""
                SELECT target_count, target_amount_yuan FROM groundwork_targets
                WHERE unit_kind = \(bind: target.unit.kind.rawValue) AND unit_code = \(bind: target.unit.code) AND year = \(bind: target.year)
                    AND measure = \(bind: target.measure)
                """).first().map { Self.describe(count: try $0.decode(column: "target_count", as: Int64?.self), amount: try $0.decode(column: "target_amount_yuan", as: Int64?.self)) }
            try await db.raw("""
                DELETE FROM groundwork_targets
                WHERE unit_kind = \(bind: target.unit.kind.rawValue) AND unit_code = \(bind: target.unit.code) AND year = \(bind: target.year)
                    AND measure = \(bind: target.measure)
                """).run()
            if !clear {
                try await db.raw("""
                    INSERT INTO groundwork_targets (unit_kind, unit_code, year, measure, target_count, target_amount_yuan, updated_by, updated_at)
                    VALUES (\(bind: target.unit.kind.rawValue), \(bind: target.unit.code), \(bind: target.year), \(bind: target.measure),
                            \(bind: target.count.map(Int64.init)), \(bind: target.amount?.yuan), \(bind: actor.name), \(bind: StoredTime.text(now)))
                    """).run()
            }
            let after = clear ? nil : Self.describe(count: target.count.map(Int64.init), amount: target.amount?.yuan)
            try await AuditLog.write(entity: "groundwork_target", entityId: key, action: clear ? "delete" : before == nil ? "create" : "update",
                                     before: before, after: after, actor: actor, now: now, db: db)
        }
    }

    static func describe(count: Int64?, amount: Int64?) -> String {
        "count=\(count.map(String.init) ?? "-") amount=\(amount.map(String.init) ?? "-")"
    }
}
