import Foundation
import GroundbreakDomain
import SQLKit

/// 入统 records: one per project, changed with the version read.
public struct StatsInclusionRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The admission day (入统) of each project of `ids` admitted (nil: of every project); past a
    /// thousand ids the table is read whole and kept for them. The ranking's and the lights' parts
    /// read the projects a change named this way.
    public func admittedOn(of ids: Set<Int64>?) async throws -> [Int64: Day] {
        if ids?.isEmpty == true { return [:] }
        let only: SQLQueryString = if let ids, ids.count <= LedgerChanges.mostBoundInRead { "WHERE project_id IN (\(binds: ids.sorted()))" } else { "" }
        var admitted: [Int64: Day] = [:]
        for row in try await database.reader.raw("SELECT project_id, admitted_on FROM stats_inclusions \(only)").all() {
            let id = try row.decode(column: "project_id", as: Int64.self)
            if ids?.contains(id) ?? true, let day = Day.parse(try row.decode(column: "admitted_on", as: String.self)) { admitted[id] = day }
        }
        return admitted
    }

    /// Every recorded admission of the projects in `scope`, by project.
    public func inclusions(scope: ProjectScope) async throws -> [Int64: StatsInclusion] {
        let rows = try await database.reader.raw("""
            SELECT s.* FROM stats_inclusions s JOIN projects ON projects.id = s.project_id WHERE \(ProjectRepository.scopeClause(scope))
            """).all()
        return Dictionary(try rows.map { let value = try Self.inclusion($0); return (value.projectId, value) }, uniquingKeysWith: { first, _ in first })
    }

    public func inclusion(projectId: Int64) async throws -> StatsInclusion? {
        try await database.reader.raw("SELECT * FROM stats_inclusions WHERE project_id = \(bind: projectId)").first().map(Self.inclusion)
    }

    /// Records (or corrects) a project's admission.
    public func record(project: Project, admittedOn: Day, firstReportedMonth: Month?, note: String, expectedVersion: Int?,
                       actor: AuditActor, today: Day, now: Date) async throws -> StatsInclusion {
        let errors = StatsInclusionRules.validate(admittedOn: admittedOn, firstReportedMonth: firstReportedMonth, project: project, today: today)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let note = TextNormalizer.collapsedLine(note)
        return try await database.transaction { db in
            let current = try await db.raw("SELECT * FROM stats_inclusions WHERE project_id = \(bind: project.id)").first().map(Self.inclusion)
            if let current {
                guard expectedVersion == current.version else { throw StoreError.conflict(currentVersion: current.version) }
                try await db.raw("""
                    UPDATE stats_inclusions SET admitted_on = \(bind: admittedOn.iso), first_reported_month = \(bind: firstReportedMonth?.iso),
                        note = \(bind: note), recorded_by = \(bind: actor.name), updated_at = \(bind: StoredTime.text(now)), version = version + 1
                    WHERE project_id = \(bind: project.id)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO stats_inclusions (project_id, admitted_on, first_reported_month, note, recorded_by, updated_at, version)
                    VALUES (\(bind: project.id), \(bind: admittedOn.iso), \(bind: firstReportedMonth?.iso), \(bind: note), \(bind: actor.name),
                            \(bind: StoredTime.text(now)), 1)
                    """).run()
            }
            guard let saved = try await db.raw("SELECT * FROM stats_inclusions WHERE project_id = \(bind: project.id)").first().map(Self.inclusion) else {
                throw StoreError.notFound
            }
            try await LedgerGeneration.bump(db, project: project.id)
            try await AuditLog.write(entity: "stats_inclusion", entityId: String(project.id), action: current == nil ? "admit" : "correct",
                                     before: try AuditLog.json(current), after: try AuditLog.json(saved), reason: note, actor: actor, now: now, db: db)
            return saved
        }
    }

    static func inclusion(_ row: any SQLRow) throws -> StatsInclusion {
        StatsInclusion(
            projectId: try row.decode(column: "project_id", as: Int64.self),
            admittedOn: Day.parse(try row.decode(column: "admitted_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            firstReportedMonth: try row.decode(column: "first_reported_month", as: String?.self).flatMap(Month.parse),
            note: try row.decode(column: "note", as: String.self),
            recordedBy: try row.decode(column: "recorded_by", as: String.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
