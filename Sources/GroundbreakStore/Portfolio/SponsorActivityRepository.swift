import Foundation
import GroundbreakDomain
import SQLKit

/// A sponsoring leader's site visits, coordination meetings and instructions, by seat.
public struct SponsorActivityRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Keeps an activity after checking it against the project as it stands (the seat must
    /// sponsor it); refused whole, with every reason, otherwise.
    public func record(_ activity: SponsorActivity, actor: AuditActor, today: Day, now: Date) async throws -> SponsorActivity {
        try await database.transaction { db in
            let project = try await ProjectRepository.load(id: activity.projectId, db: db)
            let errors = activity.problems(project: project, today: today)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            let summary = activity.summary.trimmingCharacters(in: .whitespacesAndNewlines)
            let id = try await db.raw("""
                INSERT INTO sponsor_activities (position_id, project_id, kind, happened_on, summary, recorded_by, recorded_at)
                VALUES (\(bind: activity.seatId), \(bind: activity.projectId), \(bind: activity.kind.rawValue), \(bind: activity.on.iso), \(bind: summary),
                        \(bind: actor.name), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "sponsor_activity", entityId: String(id), action: "create", before: nil,
                                     after: "\(activity.kind.label) \(activity.on.iso) 项目\(activity.projectId)：\(summary)", actor: actor, now: now, db: db)
            var saved = activity
            saved.id = id
            saved.summary = summary
            saved.recordedBy = actor.name
            saved.recordedAt = now
            return saved
        }
    }

    /// The seats' activities from `from` on (every one when nil), latest first.
    public func activities(seats: Set<Int64>, from: Day? = nil) async throws -> [SponsorActivity] {
        guard !seats.isEmpty else { return [] }
        let since: SQLQueryString = from.map { "AND happened_on >= \(bind: $0.iso)" } ?? ""
        return try await database.reader.raw("""
            SELECT * FROM sponsor_activities WHERE position_id IN (\(binds: seats.sorted())) \(since) ORDER BY happened_on DESC, id DESC
            """).all().compactMap(Self.activity)
    }

    /// One project's activities, latest first.
    public func activities(project: Int64) async throws -> [SponsorActivity] {
        try await database.reader.raw("SELECT * FROM sponsor_activities WHERE project_id = \(bind: project) ORDER BY happened_on DESC, id DESC")
            .all().compactMap(Self.activity)
    }

    static func activity(_ row: any SQLRow) throws -> SponsorActivity? {
        guard let kind = SponsorActivityKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let day = Day.parse(try row.decode(column: "happened_on", as: String.self)) else { return nil }
        return SponsorActivity(id: try row.decode(column: "id", as: Int64.self), seatId: try row.decode(column: "position_id", as: Int64.self),
                               projectId: try row.decode(column: "project_id", as: Int64.self), kind: kind, on: day,
                               summary: try row.decode(column: "summary", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: String.self),
                               recordedAt: StoredTime.date(try row.decode(column: "recorded_at", as: String.self)) ?? Date(timeIntervalSince1970: 0))
    }
}
