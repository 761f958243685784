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
        try await positions(where: "1 = 1")
    }

    public func position(id: Int64) async throws -> Position? {
        try await positions(where: "p.id = \(bind: id)").first
    }

    private func positions(where condition: SQLQueryString) async throws -> [Position] {
        let rows = try await database.reader.raw("""
            SELECT p.id, p.title, p.unit_name, p.duty, pe.name AS holder_name, pe.phone AS holder_phone
            FROM positions p
            LEFT JOIN position_holders h ON h.position_id = p.id AND h.held_to IS NULL
            LEFT JOIN people pe ON pe.id = h.person_id
            WHERE \(condition)
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

    /// One holding of a seat: who, from when, until when (nil: today).
    public struct Holding: Sendable, Equatable {
        public var name: String
        public var phone: String
        public var from: Day
        public var to: Day?
    }

    /// Everyone who has held a seat, the current holder first.
    public func holdings(positionId: Int64) async throws -> [Holding] {
        try await database.reader.raw("""
            SELECT pe.name, pe.phone, h.held_from, h.held_to FROM position_holders h JOIN people pe ON pe.id = h.person_id
            WHERE h.position_id = \(bind: positionId) ORDER BY h.held_from DESC, h.id DESC
            """).all().map { row in
            Holding(name: try row.decode(column: "name", as: String.self), phone: try row.decode(column: "phone", as: String.self),
                    from: Day.parse(try row.decode(column: "held_from", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
                    to: try row.decode(column: "held_to", as: String?.self).flatMap(Day.parse))
        }
    }

    /// Projects that name the seat as sponsor or secretary.
    public func projects(positionId: Int64) async throws -> [(id: Int64, name: String, duty: Position.Duty)] {
        try await database.reader.raw("""
            SELECT id, name, sponsor_position_id FROM projects
            WHERE sponsor_position_id = \(bind: positionId) OR secretary_position_id = \(bind: positionId) ORDER BY id
            """).all().map { row in
            (try row.decode(column: "id", as: Int64.self), try row.decode(column: "name", as: String.self),
             try row.decode(column: "sponsor_position_id", as: Int64?.self) == positionId ? .sponsor : .secretary)
        }
    }

    /// Creates a seat and, when given, the person holding it from `since`.
    public func create(
        title: String, unitName: String, duty: Position.Duty, holder: (name: String, phone: String)?, since: Day,
        actor: AuditActor, now: Date = Date()
    ) async throws -> Int64 {
        let title = TextNormalizer.collapsedLine(title), unitName = TextNormalizer.collapsedLine(unitName)
        var errors: [FieldError] = []
        if title.isEmpty { errors.append(FieldError("title", .required(field: "title"))) }
        if unitName.isEmpty { errors.append(FieldError("unitName", .required(field: "unitName"))) }
        if title.count > 100 { errors.append(FieldError("title", .tooLong(field: "title", max: 100))) }
        if unitName.count > 100 { errors.append(FieldError("unitName", .tooLong(field: "unitName", max: 100))) }
        let holder = holder.map { (name: TextNormalizer.collapsedLine($0.name), phone: TextNormalizer.collapsedLine($0.phone)) }.flatMap { $0.name.isEmpty ? nil : $0 }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            let id = try await Self.create(title: title, unitName: unitName, duty: duty, holder: holder, since: since, now: now, db: db)
            try await AuditLog.write(entity: "position", entityId: String(id), action: "create", before: nil,
                                     after: AuditLog.json(["title": title, "unitName": unitName, "duty": duty.rawValue,
                                                           "holder": holder?.name ?? "", "since": since.iso]),
                                     actor: actor, now: now, db: db)
            // Seats are part of the reference catalogue every instance holds: the counter tells the
            // others to read it again (`SharedDataFollower`). A new seat is on no project yet.
            try await SharedDataGeneration.bump(db)
            return id
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
    public func reassign(positionId: Int64, to person: (name: String, phone: String), from day: Day, actor: AuditActor, now: Date = Date()) async throws {
        let name = TextNormalizer.collapsedLine(person.name), phone = TextNormalizer.collapsedLine(person.phone)
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM positions WHERE id = \(bind: positionId)").first() != nil else { throw StoreError.notFound }
            var errors: [FieldError] = []
            if name.isEmpty { errors.append(FieldError("holderName", .required(field: "holderName"))) }
            let current = try await db.raw("""
                SELECT pe.name, h.held_from FROM position_holders h JOIN people pe ON pe.id = h.person_id
                WHERE h.position_id = \(bind: positionId) AND h.held_to IS NULL
                """).first()
            let since = try current.flatMap { Day.parse(try $0.decode(column: "held_from", as: String.self)) }
            if let since, day <= since { errors.append(FieldError("since", .holderBeforeCurrent(since: since))) }
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            try await db.raw("""
                UPDATE position_holders SET held_to = \(bind: day.adding(days: -1).iso)
                WHERE position_id = \(bind: positionId) AND held_to IS NULL
                """).run()
            let personId = try await db.raw("""
                INSERT INTO people (name, phone, created_at) VALUES (\(bind: name), \(bind: phone), \(bind: StoredTime.text(now))) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await db.raw("""
                INSERT INTO position_holders (position_id, person_id, held_from) VALUES (\(bind: positionId), \(bind: personId), \(bind: day.iso))
                """).run()
            try await LedgerGeneration.bump(db)
            try await SharedDataGeneration.bump(db)
            try await AuditLog.write(entity: "position", entityId: String(positionId), action: "reassign",
                                     before: AuditLog.json(["holder": try current?.decode(column: "name", as: String.self) ?? ""]),
                                     after: AuditLog.json(["holder": name, "since": day.iso]), actor: actor, now: now, db: db)
        }
    }
}
