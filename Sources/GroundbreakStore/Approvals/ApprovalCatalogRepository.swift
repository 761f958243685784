import Foundation
import GroundbreakDomain
import SQLKit

/// The approval catalogue (审批事项), shipped as data and editable by administrators.
public struct ApprovalCatalogRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func items() async throws -> [ApprovalItem] {
        try await database.reader.raw("SELECT * FROM approval_items ORDER BY sort, code").all().map(Self.item)
    }

    static func item(_ row: any SQLRow) throws -> ApprovalItem {
        let applies = try row.decode(column: "applies_to", as: String.self).split(separator: ";").compactMap { ApprovalProjectType(rawValue: String($0)) }
        return ApprovalItem(
            code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            stage: try row.decode(column: "stage", as: Int.self),
            departmentCode: try row.decode(column: "department_code", as: String.self),
            statutoryLimit: try row.decode(column: "limit_value", as: Int.self),
            unit: LimitUnit(rawValue: try row.decode(column: "limit_unit", as: String.self)) ?? .workingDays,
            promisedLimit: try row.decode(column: "promised_value", as: Int?.self),
            countsFromNextDay: try row.decode(column: "count_from", as: String.self) != "sameDay",
            appliesTo: Set(applies),
            basis: try row.decode(column: "basis", as: String.self),
            sort: try row.decode(column: "sort", as: Int.self),
            validity: Validity(
                validFrom: try row.decode(column: "valid_from", as: String?.self).flatMap(Day.parse),
                validTo: try row.decode(column: "valid_to", as: String?.self).flatMap(Day.parse),
                source: try row.decode(column: "source", as: String.self)
            )
        )
    }

    /// An administrator's change of limits: the local promise, the statutory limit and unit,
    /// or the day the item stops applying. Marked as edited so files never overwrite it.
    public func update(code: String, statutoryLimit: Int, unit: LimitUnit, promisedLimit: Int?, countsFromNextDay: Bool? = nil, validTo: Day?,
                       actor: AuditActor, now: Date = Date()) async throws -> ApprovalItem {
        try await database.transaction { db in
            guard let before = try await db.raw("SELECT * FROM approval_items WHERE code = \(bind: code)").first().map(Self.item) else { throw StoreError.notFound }
            var errors: [FieldError] = []
            if statutoryLimit < 0 || statutoryLimit > 1000 { errors.append(FieldError("limit", .unknownCode(field: "limit", code: String(statutoryLimit)))) }
            if let promisedLimit, promisedLimit < 0 || promisedLimit > statutoryLimit {
                errors.append(FieldError("promised", .promisedLimitTooLong))
            }
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            try await db.raw("""
                UPDATE approval_items SET limit_value = \(bind: statutoryLimit), limit_unit = \(bind: unit.rawValue),
                    promised_value = \(bind: promisedLimit), valid_to = \(bind: validTo?.iso), locally_edited = 1,
                    count_from = \(bind: (countsFromNextDay ?? before.countsFromNextDay) ? "nextDay" : "sameDay")
                WHERE code = \(bind: code)
                """).run()
            guard let after = try await db.raw("SELECT * FROM approval_items WHERE code = \(bind: code)").first().map(Self.item) else { throw StoreError.notFound }
            try await LedgerGeneration.bump(db)
            try await SharedDataGeneration.bump(db)
            try await AuditLog.write(entity: "approval_item", entityId: code, action: "update", before: AuditLog.json(before),
                                     after: AuditLog.json(after), actor: actor, now: now, db: db)
            return after
        }
    }
}
