import Foundation
import GroundbreakDomain
import SQLKit

/// Projects' entries in the reserve libraries. Each change is one transaction under the entry's
/// version with its audit row.
public struct ReserveRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Levels, sources, grades, designations and the target (`reserve_rules.json`), refused by name when unusable.
    public static func rules() throws -> ReserveRules {
        let rules = try ReferenceDataLoader.bundledJSON("reserve_rules.json", as: ReserveRules.self)
        guard rules.problems.isEmpty else {
            throw ReferenceDataLoader.BadReferenceFile(file: "reserve_rules.json", reason: rules.problems.joined(separator: "; "))
        }
        return rules
    }

    /// Enters the project into the county library (version 0) or changes its source, grade and
    /// note (the level moves only by `promote`).
    public func save(_ entry: ReserveEntry, project: Project, rules: ReserveRules, actor: AuditActor, today: Day, now: Date) async throws -> ReserveEntry {
        try await database.transaction { db in
            try await Self.save(entry, project: project, rules: rules, actor: actor, today: today, now: now, db: db)
        }
    }

    static func save(_ entry: ReserveEntry, project: Project, rules: ReserveRules, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws -> ReserveEntry {
        var checked = entry
        checked.projectId = project.id
        checked.note = TextNormalizer.collapsedLine(entry.note)
        let errors = ReserveRulesCheck.problems(checked, project: project, rules: rules, today: today)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let current = try await Self.load(projectId: project.id, db: db)
        guard (current?.version ?? 0) == checked.version else { throw StoreError.conflict(currentVersion: current?.version ?? 0) }
        if current == nil {
            try await db.raw("""
                INSERT INTO reserve_entries (project_id, level, source, grade, note, entered_on, promoted_on, version, updated_by, updated_at)
                VALUES (\(bind: project.id), 'county', \(bind: checked.source), \(bind: checked.grade), \(bind: checked.note), \(bind: checked.enteredOn.iso), NULL, 1,
                        \(bind: actor.name), \(bind: StoredTime.text(now)))
                """).run()
        } else {
            try await db.raw("""
                UPDATE reserve_entries SET source = \(bind: checked.source), grade = \(bind: checked.grade), note = \(bind: checked.note),
                    entered_on = \(bind: checked.enteredOn.iso), version = version + 1, updated_by = \(bind: actor.name), updated_at = \(bind: StoredTime.text(now))
                WHERE project_id = \(bind: project.id)
                """).run()
        }
        // The entry is the project's own row: what is kept per project (the groundwork's parts) moves by it.
        try await LedgerGeneration.bump(db, project: project.id)
        try await AuditLog.write(entity: "reserve", entityId: String(project.id), action: current == nil ? "enter" : "update", before: current.map { "\($0.source) \($0.grade)" },
                                 after: "\(checked.source) \(checked.grade)", actor: actor, now: now, db: db)
        return try await Self.load(projectId: project.id, db: db)!
    }

    /// Moves a county entry into the city library.
    public func promote(projectId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date) async throws -> ReserveEntry {
        try await database.transaction { db in
            try await Self.promote(projectId: projectId, expectedVersion: expectedVersion, actor: actor, today: today, now: now, db: db)
        }
    }

    static func promote(projectId: Int64, expectedVersion: Int, actor: AuditActor, today: Day, now: Date, db: any SQLDatabase) async throws -> ReserveEntry {
        guard let current = try await Self.load(projectId: projectId, db: db) else {
            throw StoreError.invalid(ValidationFailure([FieldError("projectId", .fixed(ReserveText.notInReserve))]))
        }
        guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
        guard current.level == "county" else { throw StoreError.invalid(ValidationFailure([FieldError("level", .fixed(ReserveText.alreadyCity))])) }
        try await db.raw("""
            UPDATE reserve_entries SET level = 'city', promoted_on = \(bind: today.iso), version = version + 1, updated_by = \(bind: actor.name),
                updated_at = \(bind: StoredTime.text(now))
            WHERE project_id = \(bind: projectId)
            """).run()
        try await AuditLog.write(entity: "reserve", entityId: String(projectId), action: "promote", before: "county", after: "city", actor: actor, now: now, db: db)
        return try await Self.load(projectId: projectId, db: db)!
    }

    /// Writes a 储备项目库 list's clean preview in one transaction: the reserve projects the ledger
    /// lacked, each entry under the version the preview read (an entry changed meanwhile fails the
    /// whole file), the promotions, and the import's record.
    public func importEntries(_ writes: [ReserveImportWrite], record: ImportRecord, rules: ReserveRules, reference: ReferenceCatalog, visible: ProjectScope,
                              actor: AuditActor, today: Day, now: Date) async throws -> ImportRecord {
        let note = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            for write in writes {
                let projectId = try await ProjectRepository.listed(write.target, visible: visible, actor: actor, catalog: reference, today: today, now: now, db: db,
                                                                   reason: note)
                guard let project = try await ProjectRepository.load(id: projectId, db: db) else { throw StoreError.notFound }
                var saved = try await Self.save(write.entry, project: project, rules: rules, actor: actor, today: today, now: now, db: db)
                if write.promote { saved = try await Self.promote(projectId: projectId, expectedVersion: saved.version, actor: actor, today: today, now: now, db: db) }
            }
            return try await ImportRepository.record(record, actor: actor, now: now, db: db)
        }
    }

    public func entry(projectId: Int64) async throws -> ReserveEntry? {
        try await Self.load(projectId: projectId, db: database.reader)
    }

    public func entries() async throws -> [ReserveEntry] {
        try await Self.rows(where: "1 = 1", db: database.reader)
    }

    /// The entries of `ids` (nil: every one) by project; past a thousand ids every entry is read
    /// and theirs kept.
    public func entries(of ids: Set<Int64>?) async throws -> [Int64: ReserveEntry] {
        if ids?.isEmpty == true { return [:] }
        let only: SQLQueryString = if let ids, ids.count <= LedgerChanges.mostBoundInRead { "project_id IN (\(binds: ids.sorted()))" } else { "1 = 1" }
        let entries = try await Self.rows(where: only, db: database.reader).filter { ids?.contains($0.projectId) ?? true }
        return Dictionary(entries.map { ($0.projectId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func load(projectId: Int64, db: any SQLDatabase) async throws -> ReserveEntry? {
        try await rows(where: "project_id = \(bind: projectId)", db: db).first
    }

    static func rows(where condition: SQLQueryString, db: any SQLDatabase) async throws -> [ReserveEntry] {
        try await db.raw("SELECT * FROM reserve_entries WHERE \(condition) ORDER BY entered_on DESC, project_id DESC").all().compactMap { row in
            guard let entered = Day.parse(try row.decode(column: "entered_on", as: String.self)) else { return nil }
            return ReserveEntry(projectId: try row.decode(column: "project_id", as: Int64.self), level: try row.decode(column: "level", as: String.self),
                                source: try row.decode(column: "source", as: String.self), grade: try row.decode(column: "grade", as: String.self),
                                note: try row.decode(column: "note", as: String.self), enteredOn: entered,
                                promotedOn: try row.decodeNil(column: "promoted_on") ? nil : Day.parse(try row.decode(column: "promoted_on", as: String.self)),
                                version: try row.decode(column: "version", as: Int.self))
        }
    }
}
