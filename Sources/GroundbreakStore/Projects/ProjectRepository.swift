import Foundation
import GroundbreakDomain
import SQLKit

/// The project ledger: create, read, edit and move projects through their lifecycle.
/// Every change validates, runs in one transaction, checks the version the caller read, and
/// writes its audit row in the same transaction.
public struct ProjectRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Read

    /// From the figures' snapshot when it is held at the ledger's current generation (the same
    /// project SQL would give: every change to it moves the generation); otherwise from SQL.
    public func project(id: Int64) async throws -> Project? {
        if !database.readingFromReplica, database.projectSnapshot.isHeld,
           let snapshot = database.projectSnapshot.held(at: try await LedgerGeneration.forRead(database), database) {
            return snapshot.project(id: id)
        }
        return try await Self.load(id: id, db: database.reader)
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> Project? {
        guard let row = try await db.raw("SELECT * FROM projects WHERE id = \(bind: id)").first() else { return nil }
        let children = try await ProjectRow.children(of: [id], db: db)
        return try ProjectRow.project(row, children: children[id] ?? .init())
    }

    /// Several projects by id (those that exist), by id. Many ids (a province's reserve of
    /// thousands) are looked up in the kept snapshot, when the ledger is large enough to keep one:
    /// reading and decoding them again after every write was most of the targets page's wait.
    public func projects(ids: some Collection<Int64>) async throws -> [Int64: Project] {
        if ids.count >= Self.idsFromSnapshot, let snapshot = try await database.projectSnapshot.snapshot(database) {
            var found: [Int64: Project] = [:]
            for id in ids { if let project = snapshot.project(id: id) { found[id] = project } }
            return found
        }
        return try await Self.load(ids: ids, db: database.reader)
    }

    /// From how many ids `projects(ids:)` looks in the snapshot instead of reading them.
    static let idsFromSnapshot = 500

    /// Several projects by id, a few queries per 500 rather than four per project; an id with
    /// no project is simply absent.
    static func load(ids: some Collection<Int64>, db: any SQLDatabase) async throws -> [Int64: Project] {
        var projects: [Int64: Project] = [:]
        for chunk in Set(ids).sorted().chunked(into: 500) {
            let rows = try await db.raw("SELECT * FROM projects WHERE id IN (\(binds: Array(chunk)))").all()
            let children = try await ProjectRow.children(of: Array(chunk), db: db)
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                projects[id] = try ProjectRow.project(row, children: children[id] ?? .init())
            }
        }
        return projects
    }

    /// Stage history, oldest first.
    public func transitions(projectId: Int64) async throws -> [StageTransitionRecord] {
        try await database.reader.raw("SELECT * FROM stage_transitions WHERE project_id = \(bind: projectId) ORDER BY id").all().map { row in
            StageTransitionRecord(
                id: try row.decode(column: "id", as: Int64.self),
                projectId: projectId,
                from: Stage(rawValue: try row.decode(column: "from_stage", as: String.self)) ?? .reserve,
                to: Stage(rawValue: try row.decode(column: "to_stage", as: String.self)) ?? .reserve,
                note: try row.decode(column: "note", as: String.self),
                actor: try row.decode(column: "actor_name", as: String.self),
                at: try StoredTime.decode(row, "at")
            )
        }
    }

    public func count() async throws -> Int {
        try await database.reader.raw("SELECT COUNT(*) AS n FROM projects").first()!.decode(column: "n", as: Int.self)
    }

    // MARK: Write

    /// Validates `input` and adds the project in `stage`. `allowed` is the caller's create scope:
    /// a project outside it is refused.
    public func create(
        _ input: ProjectInput, stage: Stage, allowed: ProjectScope, visible: ProjectScope = .nothing, actor: AuditActor, catalog: ReferenceCatalog, today: Day, now: Date
    ) async throws -> Project {
        let fields = try Self.validated(input, stage: stage, catalog: catalog, today: today)
        var initialErrors = Lifecycle.checkInitial(stage: stage, fields: fields)
        if !initialErrors.isEmpty { throw StoreError.invalid(ValidationFailure(initialErrors)) }
        guard allowed.contains(Project(id: 0, fields: fields, stage: stage, createdAt: now, updatedAt: now, version: 0)) else {
            throw StoreError.forbidden
        }
        do {
            return try await database.projectCreates.run(on: database) { db in
                try await Self.insert(fields, stage: stage, visible: visible, actor: actor, catalog: catalog, now: now, db: db)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            // A concurrent insert of the same code loses to the unique index; say so in words.
            if let code = fields.code, let taken = try await Self.codeTaken(code, excluding: nil, visible: visible, db: database.reader) {
                initialErrors.append(taken)
                throw StoreError.invalid(ValidationFailure(initialErrors))
            }
            throw error
        }
    }

    /// The id of a list row's project: the one on the ledger, or a reserve project created now
    /// from what the row says (inside the import's transaction).
    static func listed(_ target: RowProject, visible: ProjectScope, actor: AuditActor, catalog: ReferenceCatalog, today: Day, now: Date, db: any SQLDatabase,
                       reason: String) async throws -> Int64 {
        switch target {
        case .project(let id): return id
        case .reserve(let input):
            let fields = try validated(input, stage: .reserve, catalog: catalog, today: today)
            return try await insert(fields, stage: .reserve, visible: visible, actor: actor, catalog: catalog, now: now, db: db, reason: reason).id
        }
    }

    static func insert(
        _ fields: ProjectFields, stage: Stage, visible: ProjectScope = .nothing, actor: AuditActor, catalog: ReferenceCatalog, now: Date, db: any SQLDatabase,
        reason: String = ""
    ) async throws -> Project {
        if let code = fields.code, let taken = try await codeTaken(code, excluding: nil, visible: visible, db: db) {
            throw StoreError.invalid(ValidationFailure([taken]))
        }
        let stamp = StoredTime.text(now)
        let values = ProjectRow.values(fields, stage: stage, suspendedFrom: nil, stageNote: nil, catalog: catalog)
        // The stored row comes back from the insert, and the child rows are those just written:
        // reading the project back would be four more statements in the transaction.
        guard let row = try await db.raw("""
            INSERT INTO projects (\(unsafeRaw: ProjectRow.columns.joined(separator: ", ")), created_at, updated_at, version)
            VALUES (\(binds: values), \(bind: stamp), \(bind: stamp), 1) RETURNING *
            """).first() else { throw StoreError.notFound }
        let id = try row.decode(column: "id", as: Int64.self)
        try await ProjectRow.writeChildren(projectId: id, fields: fields, replacing: false, db: db)
        try await LedgerGeneration.bump(db, project: id)
        let project = try ProjectRow.project(row, children: ProjectRow.Children(fields))
        try await AuditLog.write(
            entity: "project", entityId: String(id), action: "create", before: nil, after: AuditLog.json(project),
            reason: reason, actor: actor, now: now, db: db
        )
        return project
    }

    /// Replaces the editable fields of a project the caller read at `expectedVersion`. `allowed`
    /// is the caller's edit scope: the project must be in it before and after.
    public func update(
        id: Int64, expectedVersion: Int, _ input: ProjectInput, allowed: ProjectScope, visible: ProjectScope = .nothing, actor: AuditActor,
        catalog: ReferenceCatalog, today: Day, now: Date
    ) async throws -> Project {
        try await database.transaction { db in
            let current = try await Self.current(id: id, expectedVersion: expectedVersion, db: db)
            guard allowed.contains(current) else { throw StoreError.forbidden }
            let fields = try Self.validated(input, stage: current.effectiveStage, catalog: catalog, today: today)
            var changed = current
            changed.fields = fields
            guard allowed.contains(changed) else { throw StoreError.invalid(ValidationFailure([FieldError("scope", .outsideScope)])) }
            return try await Self.replaceFields(id: id, expectedVersion: expectedVersion, fields: fields, reason: "", visible: visible, actor: actor,
                                                catalog: catalog, now: now, db: db)
        }
    }

    /// Writes validated fields over a project read at `expectedVersion`, with its audit row;
    /// unchanged fields write nothing.
    static func replaceFields(
        id: Int64, expectedVersion: Int, fields: ProjectFields, reason: String, visible: ProjectScope = .nothing, actor: AuditActor, catalog: ReferenceCatalog,
        now: Date, db: any SQLDatabase
    ) async throws -> Project {
        let current = try await current(id: id, expectedVersion: expectedVersion, db: db)
        if let code = fields.code, let taken = try await codeTaken(code, excluding: id, visible: visible, db: db) {
            throw StoreError.invalid(ValidationFailure([taken]))
        }
        if fields == current.fields { return current }
        let values = ProjectRow.values(fields, stage: current.stage, suspendedFrom: current.suspendedFrom, stageNote: current.stageNote, catalog: catalog)
        try await write(id: id, expectedVersion: expectedVersion, values: values, now: now, db: db)
        try await ProjectRow.writeChildren(projectId: id, fields: fields, replacing: true, db: db)
        return try await recordChange(of: current, action: "update", reason: reason, actor: actor, now: now, db: db)
    }

    /// Moves a project to another stage under the lifecycle rules and records the move.
    /// `allowed` is the caller's transition scope, checked against the project as it stands
    /// (招商 hands a landed project over by moving it out of the stages it works on).
    public func transition(
        id: Int64, expectedVersion: Int, _ request: TransitionRequest, allowed: ProjectScope, actor: AuditActor, catalog: ReferenceCatalog, today: Day, now: Date
    ) async throws -> Project {
        try await database.transaction { db in
            let current = try await Self.current(id: id, expectedVersion: expectedVersion, db: db)
            guard allowed.contains(current) else { throw StoreError.forbidden }
            let outcome: TransitionOutcome
            switch Lifecycle.apply(request, to: current, today: today) {
            case .success(let value): outcome = value
            case .failure(let failure): throw StoreError.invalid(failure)
            }
            var fields = current.fields
            fields.actualStart = outcome.actualStart
            fields.actualCompletion = outcome.actualCompletion
            let values = ProjectRow.values(fields, stage: outcome.stage, suspendedFrom: outcome.suspendedFrom, stageNote: outcome.stageNote, catalog: catalog)
            try await Self.write(id: id, expectedVersion: expectedVersion, values: values, now: now, db: db)
            let note = TextNormalizer.collapsedLine(request.note)
            try await db.raw("""
                INSERT INTO stage_transitions (project_id, from_stage, to_stage, note, actor_user_id, actor_name, at)
                VALUES (\(bind: id), \(bind: current.stage.rawValue), \(bind: outcome.stage.rawValue), \(bind: note),
                        \(bind: actor.userId), \(bind: actor.name), \(bind: StoredTime.text(now)))
                """).run()
            return try await Self.recordChange(of: current, action: "transition", reason: note, actor: actor, now: now, db: db)
        }
    }

    // MARK: Pieces

    /// After a change inside the transaction: a new ledger generation, the row as it now is, and
    /// the audit row with both versions.
    private static func recordChange(of before: Project, action: String, reason: String, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> Project {
        try await LedgerGeneration.bump(db, project: before.id)
        guard let after = try await load(id: before.id, db: db) else { throw StoreError.notFound }
        try await AuditLog.write(
            entity: "project", entityId: String(before.id), action: action,
            before: AuditLog.json(before), after: AuditLog.json(after), reason: reason, actor: actor, now: now, db: db
        )
        return after
    }

    static func validated(_ input: ProjectInput, stage: Stage, catalog: ReferenceCatalog, today: Day) throws -> ProjectFields {
        switch ProjectValidator(catalog: catalog, today: today).validate(input, stage: stage) {
        case .success(let fields): return fields
        case .failure(let failure): throw StoreError.invalid(failure)
        }
    }

    /// The project as stored, if the caller's version is still current.
    private static func current(id: Int64, expectedVersion: Int, db: any SQLDatabase) async throws -> Project {
        guard let current = try await load(id: id, db: db) else { throw StoreError.notFound }
        guard current.version == expectedVersion else { throw StoreError.conflict(currentVersion: current.version) }
        return current
    }

    /// The UPDATE names the version read, so a concurrent writer that got there first makes it
    /// match nothing.
    private static func write(id: Int64, expectedVersion: Int, values: [any Encodable & Sendable], now: Date, db: any SQLDatabase) async throws {
        var assignments: [SQLQueryString] = []
        for (column, value) in zip(ProjectRow.columns, values) {
            assignments.append("\(ident: column) = \(bind: value)")
        }
        let updated = try await db.raw("""
            UPDATE projects SET \(assignments.joined(separator: ", ")), updated_at = \(bind: StoredTime.text(now)), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING version
            """).first()
        if updated == nil {
            let row = try await db.raw("SELECT version FROM projects WHERE id = \(bind: id)").first()
            guard let row else { throw StoreError.notFound }
            throw StoreError.conflict(currentVersion: try row.decode(column: "version", as: Int.self))
        }
    }

    /// The refusal when `code` is already another project's: that project is named only when
    /// it lies in `visible`, the caller's view scope; to anyone else it is "another project".
    private static func codeTaken(_ code: ProjectCode, excluding id: Int64?, visible: ProjectScope, db: any SQLDatabase) async throws -> FieldError? {
        guard let row = try await db.raw("""
            SELECT id FROM projects WHERE code = \(bind: code.value) AND id <> \(bind: id ?? 0)
            """).first() else { return nil }
        let owner = try await load(id: try row.decode(column: "id", as: Int64.self), db: db)
        let name = owner.flatMap { visible.contains($0) ? $0.fields.name : nil }
        return FieldError("code", .projectCodeTaken(code: code.value, byProject: name))
    }
}
