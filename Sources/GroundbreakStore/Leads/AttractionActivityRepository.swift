import Foundation
import GroundbreakDomain
import SQLKit

/// 招商活动 and the leads each brought or moved.
public struct AttractionActivityRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Keeps an activity; its leads must exist and be of its unit.
    public func record(_ activity: AttractionActivity, reference: ReferenceCatalog, actor: AuditActor, today: Day, now: Date) async throws -> AttractionActivity {
        let errors = activity.problems(reference: reference, today: today)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            let leads = Set(activity.leadIds)
            if !leads.isEmpty {
                let found = try await db.raw("SELECT id, unit_kind, unit_code FROM leads WHERE id IN (\(binds: leads.sorted()))").all()
                let ofUnit = try found.filter { try $0.decode(column: "unit_kind", as: String.self) == activity.unit.kind.rawValue
                    && $0.decode(column: "unit_code", as: String.self) == activity.unit.code }
                if ofUnit.count != leads.count { throw StoreError.invalid(ValidationFailure([FieldError("leads", .fixed(LeadText.leadsOfUnit))])) }
            }
            let id = try await db.raw("""
                INSERT INTO attraction_activities (unit_kind, unit_code, kind, happened_on, title, leader_seat, investors_met, note, recorded_by, recorded_at)
                VALUES (\(bind: activity.unit.kind.rawValue), \(bind: activity.unit.code), \(bind: activity.kind.rawValue), \(bind: activity.on.iso),
                        \(bind: TextNormalizer.collapsedLine(activity.title)), \(bind: activity.leaderSeat), \(bind: activity.investorsMet),
                        \(bind: activity.note.trimmingCharacters(in: .whitespacesAndNewlines)), \(bind: actor.name), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            for lead in leads.sorted() {
                try await db.raw("INSERT INTO attraction_activity_leads (activity_id, lead_id) VALUES (\(bind: id), \(bind: lead))").run()
            }
            try await AuditLog.write(entity: "attraction_activity", entityId: String(id), action: "create", before: nil,
                                     after: "\(activity.on.iso) \(activity.kind.rawValue) \(activity.title)", actor: actor, now: now, db: db)
            var saved = activity
            saved.id = id
            saved.title = TextNormalizer.collapsedLine(activity.title)
            saved.leadIds = leads.sorted()
            saved.recordedBy = actor.name
            return saved
        }
    }

    /// The activities of a span, latest first.
    public func activities(from: Day, through: Day) async throws -> [AttractionActivity] {
        let db = database.reader
        var links: [Int64: [Int64]] = [:]
        for row in try await db.raw("""
            SELECT l.activity_id, l.lead_id FROM attraction_activity_leads l JOIN attraction_activities a ON a.id = l.activity_id
            WHERE a.happened_on BETWEEN \(bind: from.iso) AND \(bind: through.iso)
            """).all() {
            links[try row.decode(column: "activity_id", as: Int64.self), default: []].append(try row.decode(column: "lead_id", as: Int64.self))
        }
        return try await db.raw("""
            SELECT * FROM attraction_activities WHERE happened_on BETWEEN \(bind: from.iso) AND \(bind: through.iso) ORDER BY happened_on DESC, id DESC
            """).all().compactMap { row in
            guard let unitKind = OrgUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)),
                  let kind = AttractionActivity.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let day = Day.parse(try row.decode(column: "happened_on", as: String.self)) else { return nil }
            let id = try row.decode(column: "id", as: Int64.self)
            return AttractionActivity(id: id, unit: OrgUnit(kind: unitKind, code: try row.decode(column: "unit_code", as: String.self)), kind: kind, on: day,
                                      title: try row.decode(column: "title", as: String.self),
                                      leaderSeat: try row.decodeNil(column: "leader_seat") ? nil : try row.decode(column: "leader_seat", as: Int64.self),
                                      investorsMet: try row.decode(column: "investors_met", as: String.self), leadIds: (links[id] ?? []).sorted(),
                                      note: try row.decode(column: "note", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: String.self))
        }
    }
}
