import Foundation
import GroundbreakDomain
import SQLKit

/// Supervised items: each change through `SupervisionRules`, in one transaction with its event,
/// its audit row and the notice to the owner unit.
public struct SupervisionRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static func settings() throws -> SupervisionSettings {
        try ReferenceDataLoader.bundledJSON("supervision_rules.json", as: SupervisionSettings.self)
    }

    public func create(_ item: SupervisedItem, actor: AuditActor, today: Day, now: Date) async throws -> SupervisedItem {
        var errors = SupervisionRules.validateNew(item, today: today)
        if let problemId = item.problemId, try await ProblemRepository(database: database).problem(id: problemId) == nil {
            errors.append(FieldError("problemId", .unknownCode(field: "problemId", code: String(problemId))))
        }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in try await Self.insert(item, actor: actor, today: today, now: now, db: db) }
    }

    static func insert(_ item: SupervisedItem, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws -> SupervisedItem {
        let stamp = StoredTime.text(now)
        let id = try await db.raw("""
            INSERT INTO supervised_items (content, owner_kind, owner_code, deadline, source, source_note, problem_id, status, created_on, created_by,
                done_on, closed_on, urges, created_at, updated_at, version)
            VALUES (\(bind: item.content.trimmingCharacters(in: .whitespacesAndNewlines)), \(bind: item.owner.kind.rawValue), \(bind: item.owner.code),
                \(bind: item.deadline.iso), \(bind: item.source.rawValue), \(bind: TextNormalizer.collapsedLine(item.sourceNote)), \(bind: item.problemId),
                'open', \(bind: today.iso), \(bind: actor.name), NULL, NULL, 0, \(bind: stamp), \(bind: stamp), 1)
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        guard let saved = try await load(id: id, db: db) else { throw StoreError.notFound }
        try await followed(.create, saved, actor: actor, today: today, now: now, db: db)
        try await AuditLog.write(entity: "supervised_item", entityId: String(saved.id), action: SupervisionEvent.Kind.create.rawValue, before: nil,
                                 after: try AuditLog.json(saved), actor: actor, now: now, db: db)
        return saved
    }

    public func record(_ event: SupervisionEvent, itemId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date) async throws -> SupervisedItem {
        try await Self.step(actor: actor, today: today, now: now).run(event, id: itemId, expectedVersion: expectedVersion, actor: actor, now: now, in: database)
    }

    /// `event` through the rules onto the item as read, with its event, audit row and notices.
    static func apply(_ event: SupervisionEvent, to current: SupervisedItem, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws -> SupervisedItem {
        try await step(actor: actor, today: today, now: now).apply(event, to: current, actor: actor, now: now, db: db)
    }

    /// A supervised item's workflow step: `SupervisionRules` decide, the event row, webhook and notice follow.
    static func step(actor: AuditActor, today: Day, now: Date) -> WorkflowStep<SupervisedItem, SupervisionEvent> {
        WorkflowStep(
            entity: "supervised_item",
            load: { id, db in try await load(id: id, db: db) },
            id: \.id, version: \.version,
            decide: { event, current in SupervisionRules.apply(event, to: current, today: today) },
            update: { next, current, db in
                try await db.raw("""
                    UPDATE supervised_items SET status = \(bind: next.status.rawValue), deadline = \(bind: next.deadline.iso), done_on = \(bind: next.doneOn?.iso),
                        closed_on = \(bind: next.closedOn?.iso), urges = \(bind: next.urges), updated_at = \(bind: StoredTime.text(now)), version = version + 1
                    WHERE id = \(bind: current.id) AND version = \(bind: current.version)
                    """).run()
            },
            follow: { event, saved, _, db in
                try await followed(event.kind, saved, text: event.text, actor: actor, today: today, now: now, db: db)
            },
            action: { $0.kind.rawValue },
            reason: { TextNormalizer.collapsedLine($0.text) }
        )
    }

    /// The event row, the webhook, and the owner's notice where the owner must act.
    static func followed(_ kind: SupervisionEvent.Kind, _ item: SupervisedItem, text: String = "", actor: AuditActor, today: Day, now: Date,
                         db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO supervision_events (item_id, kind, text, deadline, status_after, actor_user_id, actor_name, on_day, at)
            VALUES (\(bind: item.id), \(bind: kind.rawValue), \(bind: TextNormalizer.collapsedLine(text)), \(bind: item.deadline.iso), \(bind: item.status.rawValue),
                \(bind: actor.userId), \(bind: actor.name), \(bind: today.iso), \(bind: StoredTime.text(now)))
            """).run()
        let type = WebhookEventType(kind)
        try await WebhookRepository.enqueue(type, payload: try payload(type, item, now: now), now: now, db: db)
        if let notice = SupervisionNotices.after(kind, item) {
            try await NotificationRepository.send(notice, to: item.owner, now: now, db: db)
        }
    }

    static func payload(_ type: WebhookEventType, _ item: SupervisedItem, now: Date) throws -> String {
        struct Payload: Encodable {
            struct Body: Encodable {
                var id: Int64
                var content: String
                var owner: String
                var deadline: String
                var status: String
                var urges: Int
                var version: Int
            }
            var event: String
            var at: String
            var item: Body
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Payload.Body(id: item.id, content: item.content, owner: "\(item.owner.kind.rawValue):\(item.owner.code)", deadline: item.deadline.iso,
                                status: item.status.rawValue, urges: item.urges, version: item.version)
        return String(decoding: try encoder.encode(Payload(event: type.rawValue, at: StoredTime.text(now), item: body)), as: UTF8.self)
    }

    /// Reminders before open items' deadlines and alerts once they pass, each once per deadline;
    /// the scheduler runs this daily. Returns how many messages were new.
    public func sendReminders(lead: Int, calendar: WorkingCalendar, today: Day, now: Date) async throws -> Int {
        var sent = 0
        for item in try await items(owners: nil, openOnly: true, limit: 100_000) {
            guard let kind = ProblemReminders.kind(deadline: item.deadline, lead: lead, calendar: calendar, today: today) else { continue }
            let notice = SupervisionNotices.reminder(kind, item)
            let type: WebhookEventType = kind == .dueSoon ? .supervisionDueSoon : .supervisionOverdue
            sent += try await NotificationRepository(database: database).sendOnce(notice, to: item.owner, webhook: type, payload: try Self.payload(type, item, now: now), now: now)
        }
        return sent
    }

    /// Urges every open item past its deadline once for that deadline (each urge a 督办函 and a
    /// notice to the owner); the scheduler runs this daily when `urgeWhenOverdue` is set.
    public func urgeOverdue(actor: AuditActor, today: Day, now: Date) async throws -> [SupervisedItem] {
        var urged: [SupervisedItem] = []
        for item in try await items(owners: nil, openOnly: true, limit: 100_000) where item.isOverdue(on: today) {
            let saved = try await database.transaction { db -> SupervisedItem? in
                guard try await NotificationRepository.firstTime("supervision:\(item.id):urged:\(item.deadline.iso)", now: now, db: db),
                      let current = try await Self.load(id: item.id, db: db), current.version == item.version else { return nil }
                return try await Self.apply(.urge(note: AuditText.autoUrge.zh, newDeadline: nil), to: current, actor: actor, today: today, now: now, db: db)
            }
            if let saved { urged.append(saved) }
        }
        return urged
    }

    public func item(id: Int64) async throws -> SupervisedItem? {
        try await Self.load(id: id, db: database.reader)
    }

    /// Open items first by deadline, then the rest; `owners` nil is every item.
    public func items(owners: Set<OrgUnit>?, openOnly: Bool, limit: Int = 500) async throws -> [SupervisedItem] {
        var filter: SQLQueryString = openOnly ? "status IN ('open', 'replied')" : "1 = 1"
        if let owners {
            guard !owners.isEmpty else { return [] }
            let parts: [SQLQueryString] = OrgUnit.Kind.allCases.compactMap { kind in
                let codes = owners.filter { $0.kind == kind }.map(\.code).sorted()
                return codes.isEmpty ? nil : "(owner_kind = \(bind: kind.rawValue) AND owner_code IN (\(binds: codes)))"
            }
            filter = filter + " AND (" + parts.joined(separator: " OR ") + ")"
        }
        return try await database.reader.raw("""
            SELECT * FROM supervised_items WHERE \(filter)
            ORDER BY CASE WHEN status IN ('open', 'replied') THEN 0 ELSE 1 END, deadline, id LIMIT \(bind: limit)
            """).all().map(Self.item)
    }

    /// The serial of the item's latest 督办函 among all the letters issued in `year` (urges, in
    /// the order they were written); nil when the item was not urged that year.
    public func letterSerial(itemId: Int64, year: Int) async throws -> Int? {
        let items = try await database.reader.raw("""
            SELECT item_id FROM supervision_events
            WHERE kind = 'urge' AND on_day >= \(bind: "\(year)-01-01") AND on_day <= \(bind: "\(year)-12-31") ORDER BY id
            """).all().map { try $0.decode(column: "item_id", as: Int64.self) }
        return items.lastIndex(of: itemId).map { $0 + 1 }
    }

    public func events(itemId: Int64) async throws -> [SupervisionEventRecord] {
        try await database.reader.raw("SELECT * FROM supervision_events WHERE item_id = \(bind: itemId) ORDER BY id").all().map { row in
            SupervisionEventRecord(
                kind: SupervisionEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .feedback,
                text: try row.decode(column: "text", as: String.self),
                deadline: Day.parse(try row.decode(column: "deadline", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
                statusAfter: SupervisedItem.Status(rawValue: try row.decode(column: "status_after", as: String.self)) ?? .open,
                actorName: try row.decode(column: "actor_name", as: String.self),
                on: Day.parse(try row.decode(column: "on_day", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
                at: try StoredTime.decode(row, "at"))
        }
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> SupervisedItem? {
        try await db.raw("SELECT * FROM supervised_items WHERE id = \(bind: id)").first().map(Self.item)
    }

    static func item(_ row: any SQLRow) throws -> SupervisedItem {
        SupervisedItem(
            id: try row.decode(column: "id", as: Int64.self), content: try row.decode(column: "content", as: String.self),
            owner: OrgUnit(kind: OrgUnit.Kind(rawValue: try row.decode(column: "owner_kind", as: String.self)) ?? .department,
                           code: try row.decode(column: "owner_code", as: String.self)),
            deadline: Day.parse(try row.decode(column: "deadline", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
            source: SupervisedItem.Source(rawValue: try row.decode(column: "source", as: String.self)) ?? .other,
            sourceNote: try row.decode(column: "source_note", as: String.self), problemId: try row.decode(column: "problem_id", as: Int64?.self),
            status: SupervisedItem.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            createdOn: Day.parse(try row.decode(column: "created_on", as: String.self)) ?? Day(year: 1970, month: 1, day: 1)!,
            createdBy: try row.decode(column: "created_by", as: String.self),
            doneOn: try row.decode(column: "done_on", as: String?.self).flatMap(Day.parse),
            closedOn: try row.decode(column: "closed_on", as: String?.self).flatMap(Day.parse),
            urges: try row.decode(column: "urges", as: Int.self), version: try row.decode(column: "version", as: Int.self))
    }
}
