import Foundation
import GroundbreakDomain
import SQLKit

/// Problems and their events. Every change goes through `ProblemRules` in one transaction with
/// its event and its audit row; a stale version is a conflict.
public struct ProblemRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped rules (`problem_rules.json`).
    public static func settings() throws -> ProblemSettings {
        try ReferenceDataLoader.bundledJSON("problem_rules.json", as: ProblemSettings.self)
    }

    /// Records a new problem (status 待分办) with its first event.
    /// Raises a problem; `assigner` (the unit that hands problems out) is told it waits for 分办.
    public func raise(_ problem: Problem, notifying assigner: OrgUnit? = nil, actor: AuditActor, now: Date) async throws -> Problem {
        try await database.problemRaises.run(on: database) { db in
            let saved = try await Self.insert(problem, actor: actor, now: now, db: db)
            if let assigner, saved.status == .raised {
                try await NotificationRepository.send(ProblemNotices.raised(saved), to: assigner, now: now, db: db)
            }
            return saved
        }
    }

    static func insert(_ problem: Problem, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> Problem {
        let stamp = StoredTime.text(now)
        // The row as stored comes back with the insert: a raise is a handful of round trips in a
        // batch that runs them one after another (`GroupCommit`), so reading it again costs.
        guard let row = try await db.raw("""
            INSERT INTO problems (project_id, enterprise_name, region_code, category_code, description, raised_by_user_id, raised_by_name, raised_on,
                level, owner_kind, owner_code, deadline, status, suspended_from, status_note, resolved_on, closed_on, escalations, created_at, updated_at, version)
            VALUES (\(bind: problem.projectId), \(bind: problem.enterpriseName), \(bind: problem.regionCode), \(bind: problem.categoryCode),
                \(bind: problem.description), \(bind: problem.raisedByUserId), \(bind: problem.raisedByName), \(bind: problem.raisedOn.iso),
                \(bind: problem.level.rawValue), \(bind: problem.owner?.kind.rawValue), \(bind: problem.owner?.code), \(bind: problem.deadline?.iso),
                \(bind: problem.status.rawValue), NULL, '', NULL, NULL, 0, \(bind: stamp), \(bind: stamp), 1)
            RETURNING *
            """).first() else { throw StoreError.notFound }
        var saved = try Self.problem(row)
        let id = saved.id
        if !problem.supportUnits.isEmpty {
            try await writeSupport(id: id, units: problem.supportUnits, db: db)
            saved.supportUnits = try await support(of: [id], db: db)[id] ?? []
        }
        try await writeEvent(.raise, text: saved.description, problem: saved, actor: actor, on: saved.raisedOn, now: now, db: db)
        try await AuditLog.write(entity: "problem", entityId: String(id), action: "raise", before: nil, after: try AuditLog.json(saved), actor: actor, now: now, db: db)
        try await announce(.raise, saved, now: now, db: db)
        return saved
    }

    /// Applies `event` to the problem as the caller read it (`expectedVersion`).
    public func record(_ event: ProblemEvent, problemId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date) async throws -> Problem {
        try await Self.step(actor: actor, today: today, now: now).run(event, id: problemId, expectedVersion: expectedVersion, actor: actor, now: now, in: database)
    }

    static func apply(_ event: ProblemEvent, to current: Problem, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws -> Problem {
        try await step(actor: actor, today: today, now: now).apply(event, to: current, actor: actor, now: now, db: db)
    }

    /// A problem's workflow step: `ProblemRules` decide, the event row and the notices follow.
    static func step(actor: AuditActor, today: Day, now: Date) -> WorkflowStep<Problem, ProblemEvent> {
        WorkflowStep(
            entity: "problem",
            load: { id, db in try await load(id: id, db: db) },
            id: \.id, version: \.version,
            decide: { event, current in ProblemRules.apply(event, to: current, today: today) },
            update: { next, current, db in
                try await db.raw("""
                    UPDATE problems SET level = \(bind: next.level.rawValue), owner_kind = \(bind: next.owner?.kind.rawValue), owner_code = \(bind: next.owner?.code),
                        deadline = \(bind: next.deadline?.iso), status = \(bind: next.status.rawValue), suspended_from = \(bind: next.suspendedFrom?.rawValue),
                        status_note = \(bind: next.statusNote), resolved_on = \(bind: next.resolvedOn?.iso), closed_on = \(bind: next.closedOn?.iso),
                        escalations = \(bind: next.escalations), updated_at = \(bind: StoredTime.text(now)), version = version + 1
                    WHERE id = \(bind: current.id) AND version = \(bind: current.version)
                    """).run()
                if next.supportUnits != current.supportUnits {
                    try await db.raw("DELETE FROM problem_support_units WHERE problem_id = \(bind: current.id)").run()
                    try await writeSupport(id: current.id, units: next.supportUnits, db: db)
                }
            },
            follow: { event, saved, _, db in
                try await writeEvent(event.kind, text: TextNormalizer.collapsedLine(event.text), problem: saved, actor: actor, on: today, now: now, db: db)
                try await announce(event.kind, saved, now: now, db: db)
            },
            action: { $0.kind.rawValue },
            reason: { TextNormalizer.collapsedLine($0.text) }
        )
    }

    /// Raises every open problem past its deadline one rung, each in its own transaction so one
    /// refusal (already at the top) does not hold back the others. Returns those escalated.
    public func escalateOverdue(settings: ProblemSettings, calendar: WorkingCalendar, actor: AuditActor, today: Day, now: Date) async throws -> [Problem] {
        let candidates = try await database.reader.raw("""
            SELECT * FROM problems WHERE \(Self.clockRunning) AND deadline < \(bind: today.iso) ORDER BY id
            """).all().map(Self.problem)
        var escalated: [Problem] = []
        for candidate in candidates where settings.rung(above: candidate.level) != nil {
            guard case .success(let event) = ProblemRules.escalation(of: candidate, reason: .overdue, note: "", settings: settings, calendar: calendar, today: today)
            else { continue }
            let saved = try await database.transaction { db -> Problem? in
                // Read again inside the transaction: someone may have acted on it meanwhile.
                guard let current = try await Self.load(id: candidate.id, db: db), current.version == candidate.version else { return nil }
                return try await Self.apply(event, to: current, actor: actor, today: today, now: now, db: db)
            }
            if let saved { escalated.append(saved) }
        }
        return escalated
    }

    public func problem(id: Int64) async throws -> Problem? {
        try await Self.load(id: id, db: database.reader)
    }

    public func events(problemId: Int64) async throws -> [ProblemEventRecord] {
        try await database.reader.raw("SELECT * FROM problem_events WHERE problem_id = \(bind: problemId) ORDER BY id").all().map { row in
            ProblemEventRecord(
                kind: ProblemEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .reply,
                text: try row.decode(column: "text", as: String.self),
                level: ProblemLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .unit,
                owner: Self.unit(kind: try row.decode(column: "owner_kind", as: String?.self), code: try row.decode(column: "owner_code", as: String?.self)),
                deadline: try row.decode(column: "deadline", as: String?.self).flatMap(Day.parse),
                statusAfter: ProblemStatus(rawValue: try row.decode(column: "status_after", as: String.self)) ?? .raised,
                actorName: try row.decode(column: "actor_name", as: String.self),
                on: Day.parse(try row.decode(column: "on_day", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
                at: try StoredTime.decode(row, "at")
            )
        }
    }

    static func writeSupport(id: Int64, units: [OrgUnit], db: any SQLDatabase) async throws {
        for unit in Set(units).sorted(by: { ($0.kind.rawValue, $0.code) < ($1.kind.rawValue, $1.code) }) {
            try await db.raw("INSERT INTO problem_support_units (problem_id, unit_kind, unit_code) VALUES (\(bind: id), \(bind: unit.kind.rawValue), \(bind: unit.code))").run()
        }
    }

    static func writeEvent(_ kind: ProblemEvent.Kind, text: String, problem: Problem, actor: AuditActor, on day: Day, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO problem_events (problem_id, kind, text, level, owner_kind, owner_code, deadline, status_after, actor_user_id, actor_name, on_day, at)
            VALUES (\(bind: problem.id), \(bind: kind.rawValue), \(bind: text), \(bind: problem.level.rawValue), \(bind: problem.owner?.kind.rawValue),
                \(bind: problem.owner?.code), \(bind: problem.deadline?.iso), \(bind: problem.status.rawValue), \(bind: actor.userId), \(bind: actor.name),
                \(bind: day.iso), \(bind: StoredTime.text(now)))
            """).run()
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> Problem? {
        guard let row = try await db.raw("SELECT * FROM problems WHERE id = \(bind: id)").first() else { return nil }
        var problem = try Self.problem(row)
        problem.supportUnits = try await support(of: [id], db: db)[id] ?? []
        return problem
    }

    static func support(of ids: [Int64], db: any SQLDatabase) async throws -> [Int64: [OrgUnit]] {
        var units: [Int64: [OrgUnit]] = [:]
        for chunk in ids.chunked(into: 500) {
            let rows = try await db.raw("""
                SELECT * FROM problem_support_units WHERE problem_id IN (\(binds: Array(chunk))) ORDER BY problem_id, unit_kind, unit_code
                """).all()
            for row in rows {
                let id = try row.decode(column: "problem_id", as: Int64.self)
                if let unit = Self.unit(kind: try row.decode(column: "unit_kind", as: String?.self), code: try row.decode(column: "unit_code", as: String?.self)) {
                    units[id, default: []].append(unit)
                }
            }
        }
        return units
    }

    static func unit(kind: String?, code: String?) -> OrgUnit? {
        guard let kind = kind.flatMap(OrgUnit.Kind.init(rawValue:)), let code else { return nil }
        return OrgUnit(kind: kind, code: code)
    }

    static func problem(_ row: any SQLRow) throws -> Problem {
        Problem(
            id: try row.decode(column: "id", as: Int64.self),
            projectId: try row.decode(column: "project_id", as: Int64?.self),
            enterpriseName: try row.decode(column: "enterprise_name", as: String.self),
            regionCode: try row.decode(column: "region_code", as: String.self),
            categoryCode: try row.decode(column: "category_code", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            raisedByUserId: try row.decode(column: "raised_by_user_id", as: Int64?.self),
            raisedByName: try row.decode(column: "raised_by_name", as: String.self),
            raisedOn: Day.parse(try row.decode(column: "raised_on", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
            level: ProblemLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .unit,
            owner: unit(kind: try row.decode(column: "owner_kind", as: String?.self), code: try row.decode(column: "owner_code", as: String?.self)),
            deadline: try row.decode(column: "deadline", as: String?.self).flatMap(Day.parse),
            status: ProblemStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .raised,
            suspendedFrom: try row.decode(column: "suspended_from", as: String?.self).flatMap(ProblemStatus.init(rawValue:)),
            statusNote: try row.decode(column: "status_note", as: String.self),
            resolvedOn: try row.decode(column: "resolved_on", as: String?.self).flatMap(Day.parse),
            closedOn: try row.decode(column: "closed_on", as: String?.self).flatMap(Day.parse),
            escalations: try row.decode(column: "escalations", as: Int.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
