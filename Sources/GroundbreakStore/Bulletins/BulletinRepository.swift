import Foundation
import GroundbreakDomain
import SQLKit

/// Bulletins: drafts written from the figures, edited, issued with the next number and frozen.
public struct BulletinRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped settings (`bulletin_rules.json`).
    public static func rules() throws -> BulletinRules {
        let rules = try ReferenceDataLoader.bundledJSON("bulletin_rules.json", as: BulletinRules.self)
        guard rules.listLimit > 0 else { throw ReferenceDataLoader.BadReferenceFile(file: "bulletin_rules.json", reason: "listLimit must be positive") }
        return rules
    }

    public func bulletin(id: Int64) async throws -> Bulletin? {
        try await Self.load(id: id, db: database.reader)
    }

    /// Newest first; drafts only when asked (their readers are the writers).
    public func bulletins(includingDrafts: Bool, limit: Int = 200) async throws -> [Bulletin] {
        let filter: SQLQueryString = includingDrafts ? "" : "WHERE status = 'issued'"
        return try await database.reader.raw("SELECT * FROM bulletins \(filter) ORDER BY month DESC, id DESC LIMIT \(bind: limit)").all().map(Self.bulletin)
    }

    public func createDraft(kind: BulletinKind, month: Month, title: String, seat: Int64? = nil, sections: [BulletinSection], actor: AuditActor,
                            now: Date) async throws -> Bulletin {
        try await database.transaction { db in
            let stamp = StoredTime.text(now)
            let id = try await db.raw("""
                INSERT INTO bulletins (kind, month, title, position_id, sections_json, status, serial_year, serial, number, created_by, created_at, updated_at,
                                       issued_by, issued_on, version)
                VALUES (\(bind: kind.rawValue), \(bind: month.iso), \(bind: title), \(bind: seat), \(bind: try Self.json(sections)), 'draft', NULL, NULL, '',
                        \(bind: actor.name), \(bind: stamp), \(bind: stamp), '', NULL, 1)
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            guard let saved = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            try await AuditLog.write(entity: "bulletin", entityId: String(id), action: "create", before: nil, after: saved.title, actor: actor, now: now, db: db)
            return saved
        }
    }

    /// Saves the centre's text (`BulletinEdit`), or the sections written again from today's figures.
    public func update(id: Int64, expectedVersion: Int, actor: AuditActor, now: Date,
                       change: @escaping @Sendable (Bulletin) -> Result<Bulletin, ValidationFailure>) async throws -> Bulletin {
        try await database.transaction { db in
            let current = try await Self.current(id: id, expectedVersion: expectedVersion, db: db)
            let edited: Bulletin
            switch change(current) {
            case .success(let value): edited = value
            case .failure(let failure): throw StoreError.invalid(failure)
            }
            try await db.raw("""
                UPDATE bulletins SET title = \(bind: edited.title), sections_json = \(bind: try Self.json(edited.sections)), updated_at = \(bind: StoredTime.text(now)),
                    version = version + 1
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """).run()
            try await AuditLog.write(entity: "bulletin", entityId: String(id), action: "update", before: try Self.json(current.sections),
                                     after: try Self.json(edited.sections), actor: actor, now: now, db: db)
            return try await Self.load(id: id, db: db)!
        }
    }

    /// Issues a draft: the next number of its kind this year, and from then on frozen.
    public func issue(id: Int64, expectedVersion: Int, rules: BulletinRules, actor: AuditActor, today: Day, now: Date) async throws -> Bulletin {
        let lock = Dialect.serialLock(Self.serialLockKey, engine: database.engine)
        return try await database.transaction { db in
            // Two bulletins issued at the same moment would otherwise both take the next number.
            if let lock { try await db.raw(lock).run() }
            let current = try await Self.current(id: id, expectedVersion: expectedVersion, db: db)
            let serial = try await db.raw("""
                SELECT COALESCE(MAX(serial), 0) AS n FROM bulletins WHERE kind = \(bind: current.kind.rawValue) AND serial_year = \(bind: today.year)
                """).first()!.decode(column: "n", as: Int.self) + 1
            let number = rules.kind(current.kind).number(year: today.year, serial: serial)
            try await db.raw("""
                UPDATE bulletins SET status = 'issued', serial_year = \(bind: today.year), serial = \(bind: serial), number = \(bind: number),
                    issued_by = \(bind: actor.name), issued_on = \(bind: today.iso), updated_at = \(bind: StoredTime.text(now)), version = version + 1
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """).run()
            try await AuditLog.write(entity: "bulletin", entityId: String(id), action: "issue", before: nil, after: number, actor: actor, now: now, db: db)
            return try await Self.load(id: id, db: db)!
        }
    }

    /// The advisory lock the bulletins' numbering takes on PostgreSQL.
    static let serialLockKey: Int64 = 0x6762_6275_6C6C  // "gbbull"

    /// Discards a draft (an issued bulletin stays for good).
    public func discard(id: Int64, expectedVersion: Int, actor: AuditActor, now: Date) async throws {
        try await database.transaction { db in
            let current = try await Self.current(id: id, expectedVersion: expectedVersion, db: db)
            try await db.raw("DELETE FROM bulletins WHERE id = \(bind: id) AND status = 'draft'").run()
            try await AuditLog.write(entity: "bulletin", entityId: String(id), action: "delete", before: try Self.json(current.sections), after: nil,
                                     actor: actor, now: now, db: db)
        }
    }

    /// The draft at `expectedVersion`: an issued bulletin is frozen, a moved version a conflict.
    static func current(id: Int64, expectedVersion: Int, db: any SQLDatabase) async throws -> Bulletin {
        guard let current = try await load(id: id, db: db) else { throw StoreError.notFound }
        guard current.status == .draft else { throw StoreError.invalid(ValidationFailure([FieldError("version", .bulletin(.issuedIsFrozen))])) }
        guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
        return current
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> Bulletin? {
        try await db.raw("SELECT * FROM bulletins WHERE id = \(bind: id)").first().map(Self.bulletin)
    }

    static func json(_ sections: [BulletinSection]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(sections), as: UTF8.self)
    }

    static func bulletin(_ row: any SQLRow) throws -> Bulletin {
        Bulletin(
            id: try row.decode(column: "id", as: Int64.self),
            kind: BulletinKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .construction,
            month: Month.parse(try row.decode(column: "month", as: String.self)) ?? Month(year: 1970, month: 1)!,
            title: try row.decode(column: "title", as: String.self),
            seat: try row.decodeNil(column: "position_id") ? nil : try row.decode(column: "position_id", as: Int64.self),
            sections: try JSONDecoder().decode([BulletinSection].self, from: Data(try row.decode(column: "sections_json", as: String.self).utf8)),
            status: BulletinStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            serialYear: try row.decodeNil(column: "serial_year") ? nil : try row.decode(column: "serial_year", as: Int.self),
            serial: try row.decodeNil(column: "serial") ? nil : try row.decode(column: "serial", as: Int.self),
            number: try row.decode(column: "number", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try StoredTime.decode(row, "created_at"), updatedAt: try StoredTime.decode(row, "updated_at"),
            issuedBy: try row.decode(column: "issued_by", as: String.self),
            issuedOn: try row.decodeNil(column: "issued_on") ? nil : Day.parse(try row.decode(column: "issued_on", as: String.self)),
            version: try row.decode(column: "version", as: Int.self))
    }
}
