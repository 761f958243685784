import Foundation
import GroundbreakDomain
import SQLKit

/// Meetings: calling one (agenda with carry-over), and issuing its minutes (decisions that need
/// action become supervised items in the same transaction).
public struct MeetingRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static func settings() throws -> MeetingSettings {
        try ReferenceDataLoader.bundledJSON("meeting_rules.json", as: MeetingSettings.self)
    }

    /// The advisory lock the meetings' numbering takes on PostgreSQL.
    static let serialLockKey: Int64 = 0x6762_6D65_6574  // "gbmeet"

    /// Calls a meeting: the next serial of its kind this year, and the agenda led by what the
    /// previous meeting of the kind left open.
    public func create(_ draft: Meeting, settings: MeetingSettings, actor: AuditActor, now: Date) async throws -> Meeting {
        let errors = MeetingRules.validate(draft, settings: settings)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let lock = Dialect.serialLock(Self.serialLockKey, engine: database.engine)
        return try await database.transaction { db in
            // Two meetings called at the same moment would otherwise take the same 第N次.
            if let lock { try await db.raw(lock).run() }
            var meeting = draft
            let year = draft.heldOn.year
            meeting.serial = (try await db.raw("""
                SELECT COALESCE(MAX(serial), 0) AS n FROM meetings WHERE kind_code = \(bind: draft.kindCode) AND year = \(bind: year)
                """).first()?.decode(column: "n", as: Int.self) ?? 0) + 1
            let previous = try await db.raw("""
                SELECT * FROM meetings WHERE kind_code = \(bind: draft.kindCode) AND held_on <= \(bind: draft.heldOn.iso) ORDER BY held_on DESC, id DESC LIMIT 1
                """).first().map(Self.meeting)
            let carried = MeetingRules.carryOver(from: previous, openProblems: try await Self.open("problems", "status <> 'closed'", previous, db: db),
                                                 openItems: try await Self.open("supervised_items", "status IN ('open', 'replied')", previous, db: db))
            var risen: [Meeting.AgendaItem] = []
            if let level = settings.kind(draft.kindCode)?.takesProblemsAt {
                risen = try await db.raw("SELECT * FROM problems WHERE level = \(bind: level.rawValue) AND status <> 'closed' ORDER BY id").all()
                    .map(ProblemRepository.problem).map { Meeting.AgendaItem(problemId: $0.id, note: String($0.description.prefix(60))) }
            }
            var agenda: [Meeting.AgendaItem] = []
            for item in carried + risen + draft.agenda where !agenda.contains(where: {
                ($0.projectId != nil && $0.projectId == item.projectId) || ($0.problemId != nil && $0.problemId == item.problemId)
                    || ($0.supervisedItemId != nil && $0.supervisedItemId == item.supervisedItemId)
            }) {
                agenda.append(item)
            }
            meeting.agenda = agenda
            let stamp = StoredTime.text(now)
            let id = try await db.raw("""
                INSERT INTO meetings (kind_code, year, serial, title, held_on, place, chair, attendees, agenda_json, summary, decisions_json, status, created_at, updated_at, version)
                VALUES (\(bind: meeting.kindCode), \(bind: year), \(bind: meeting.serial), \(bind: TextNormalizer.collapsedLine(meeting.title)), \(bind: meeting.heldOn.iso),
                    \(bind: TextNormalizer.collapsedLine(meeting.place)), \(bind: TextNormalizer.collapsedLine(meeting.chair)), \(bind: meeting.attendees.joined(separator: "\n")),
                    \(bind: try Self.json(meeting.agenda)), '', '[]', 'planned', \(bind: stamp), \(bind: stamp), 1)
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            guard let saved = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            try await AuditLog.write(entity: "meeting", entityId: String(id), action: "create", before: nil, after: try AuditLog.json(saved), actor: actor, now: now, db: db)
            return saved
        }
    }

    /// The ids among the previous meeting's references that are still open.
    static func open(_ table: String, _ condition: String, _ previous: Meeting?, db: any SQLDatabase) async throws -> Set<Int64> {
        guard let previous else { return [] }
        let ids = table == "problems" ? previous.agenda.compactMap(\.problemId)
            : previous.agenda.compactMap(\.supervisedItemId) + previous.decisions.compactMap(\.supervisedItemId)
        guard !ids.isEmpty else { return [] }
        return Set(try await db.raw("SELECT id FROM \(unsafeRaw: table) WHERE id IN (\(binds: ids)) AND \(unsafeRaw: condition)").all()
            .map { try $0.decode(column: "id", as: Int64.self) })
    }

    /// Issues the minutes: every decision with an owner and a deadline becomes a supervised item
    /// (source: this meeting's decision), all in one transaction.
    public func issueMinutes(id: Int64, expectedVersion: Int, summary: String, decisions: [Meeting.Decision], settings: MeetingSettings, actor: AuditActor,
                             today: Day, now: Date) async throws -> Meeting {
        try await database.transaction { db in
            guard let current = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
            let errors = MeetingRules.validateMinutes(of: current, summary: summary, decisions: decisions)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            let name = settings.kind(current.kindCode)?.name ?? current.kindCode
            var issued = decisions
            for index in issued.indices {
                guard let item = MeetingRules.supervisedItem(for: issued[index], number: index, of: current, kindName: name, today: today, createdBy: actor.name)
                else { continue }
                let problems = SupervisionRules.validateNew(item, today: today)
                guard problems.isEmpty else { throw StoreError.invalid(ValidationFailure(problems.map { FieldError("decisions[\(index + 1)]", $0.text) })) }
                issued[index].supervisedItemId = try await SupervisionRepository.insert(item, actor: actor, today: today, now: now, db: db).id
            }
            try await db.raw("""
                UPDATE meetings SET summary = \(bind: summary.trimmingCharacters(in: .whitespacesAndNewlines)), decisions_json = \(bind: try Self.json(issued)),
                    status = 'minuted', updated_at = \(bind: StoredTime.text(now)), version = version + 1
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """).run()
            guard let saved = try await Self.load(id: id, db: db) else { throw StoreError.notFound }
            try await AuditLog.write(entity: "meeting", entityId: String(id), action: "minutes", before: try AuditLog.json(current), after: try AuditLog.json(saved),
                                     actor: actor, now: now, db: db)
            try await WebhookRepository.enqueue(.minutesIssued, payload: try Self.json(["event": WebhookEventType.minutesIssued.rawValue, "at": StoredTime.text(now),
                                                                                          "meetingId": String(id), "number": settings.number(of: saved),
                                                                                          "title": saved.title]), now: now, db: db)
            return saved
        }
    }

    public func meeting(id: Int64) async throws -> Meeting? {
        try await Self.load(id: id, db: database.reader)
    }

    public func meetings(limit: Int = 200) async throws -> [Meeting] {
        try await database.reader.raw("SELECT * FROM meetings ORDER BY held_on DESC, id DESC LIMIT \(bind: limit)").all().map(Self.meeting)
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> Meeting? {
        try await db.raw("SELECT * FROM meetings WHERE id = \(bind: id)").first().map(Self.meeting)
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func meeting(_ row: any SQLRow) throws -> Meeting {
        let decoder = JSONDecoder()
        return Meeting(
            id: try row.decode(column: "id", as: Int64.self), kindCode: try row.decode(column: "kind_code", as: String.self),
            serial: try row.decode(column: "serial", as: Int.self), title: try row.decode(column: "title", as: String.self),
            heldOn: Day.parse(try row.decode(column: "held_on", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
            place: try row.decode(column: "place", as: String.self), chair: try row.decode(column: "chair", as: String.self),
            attendees: try row.decode(column: "attendees", as: String.self).split(separator: "\n").map(String.init),
            agenda: try decoder.decode([Meeting.AgendaItem].self, from: Data(try row.decode(column: "agenda_json", as: String.self).utf8)),
            summary: try row.decode(column: "summary", as: String.self),
            decisions: try decoder.decode([Meeting.Decision].self, from: Data(try row.decode(column: "decisions_json", as: String.self).utf8)),
            status: Meeting.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            version: try row.decode(column: "version", as: Int.self))
    }
}
