import Foundation
import GroundbreakDomain
import SQLKit

/// Seats (职务), the people who hold them, and the history of who held which seat.
public struct PositionRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every seat with today's holder.
    public func all() async throws -> [Position] {
        let rows = try await database.sql.raw("""
            SELECT p.id, p.title, p.unit_name, p.duty, pe.name AS holder_name, pe.phone AS holder_phone
            FROM positions p
            LEFT JOIN position_holders h ON h.position_id = p.id AND h.held_to IS NULL
            LEFT JOIN people pe ON pe.id = h.person_id
            ORDER BY p.id
            """).all()
        return try rows.map { row in
            Position(
                id: try row.decode(column: "id", as: Int64.self),
                title: try row.decode(column: "title", as: String.self),
                unitName: try row.decode(column: "unit_name", as: String.self),
                duty: Position.Duty(rawValue: try row.decode(column: "duty", as: String.self)) ?? .staff,
                holderName: try row.decode(column: "holder_name", as: String?.self),
                holderPhone: try row.decode(column: "holder_phone", as: String?.self)
            )
        }
    }

    /// Creates a seat and, when given, the person holding it from `since`.
    public func create(
        title: String, unitName: String, duty: Position.Duty, holder: (name: String, phone: String)?, since: Day, now: Date = Date()
    ) async throws -> Int64 {
        try await database.transaction { db in
            try await Self.create(title: title, unitName: unitName, duty: duty, holder: holder, since: since, now: now, db: db)
        }
    }

    static func create(
        title: String, unitName: String, duty: Position.Duty, holder: (name: String, phone: String)?, since: Day, now: Date, db: any SQLDatabase
    ) async throws -> Int64 {
        let created = StoredTime.text(now)
        let positionId = try await db.raw("""
            INSERT INTO positions (title, unit_name, duty, created_at)
            VALUES (\(bind: title), \(bind: unitName), \(bind: duty.rawValue), \(bind: created)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        if let holder {
            let personId = try await db.raw("""
                INSERT INTO people (name, phone, created_at) VALUES (\(bind: holder.name), \(bind: holder.phone), \(bind: created)) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await db.raw("""
                INSERT INTO position_holders (position_id, person_id, held_from) VALUES (\(bind: positionId), \(bind: personId), \(bind: since.iso))
                """).run()
        }
        return positionId
    }

    /// Hands a seat to another person from `day`: the previous holding ends the day before.
    /// Projects point at the seat, so nothing else changes.
    public func reassign(positionId: Int64, to person: (name: String, phone: String), from day: Day, now: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw("""
                UPDATE position_holders SET held_to = \(bind: day.adding(days: -1).iso)
                WHERE position_id = \(bind: positionId) AND held_to IS NULL
                """).run()
            let personId = try await db.raw("""
                INSERT INTO people (name, phone, created_at) VALUES (\(bind: person.name), \(bind: person.phone), \(bind: StoredTime.text(now))) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await db.raw("""
                INSERT INTO position_holders (position_id, person_id, held_from) VALUES (\(bind: positionId), \(bind: personId), \(bind: day.iso))
                """).run()
        }
    }
}
