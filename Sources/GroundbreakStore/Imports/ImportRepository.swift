import Foundation
import GroundbreakDomain
import SQLKit

/// Bulk writes from imported files: all rows in one transaction or none.
public struct ImportRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stored projects a file may name: by code, or by name (any region; the caller matches the region).
    public func candidates(codes: [String], names: [String]) async throws -> [Project] {
        var ids: Set<Int64> = []
        let db = database.reader
        for chunk in codes.chunked(into: 500) {
            for row in try await db.raw("SELECT id FROM projects WHERE code IN (\(binds: Array(chunk)))").all() { ids.insert(try row.decode(column: "id", as: Int64.self)) }
        }
        for chunk in names.chunked(into: 500) {
            for row in try await db.raw("SELECT id FROM projects WHERE name IN (\(binds: Array(chunk)))").all() { ids.insert(try row.decode(column: "id", as: Int64.self)) }
        }
        var projects: [Project] = []
        for chunk in ids.sorted().chunked(into: 500) {
            let rows = try await db.raw("SELECT * FROM projects WHERE id IN (\(binds: Array(chunk)))").all()
            let children = try await ProjectRow.children(of: Array(chunk), db: db)
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                projects.append(try ProjectRow.project(row, children: children[id] ?? .init()))
            }
        }
        return projects
    }

    /// Writes every planned change and the import's own record in one transaction. A project
    /// changed since the preview (its version moved) fails the whole import with `conflict`.
    /// The file's new classes join its unit's scheme unconfirmed (待确认); each row's class and its
    /// statement for the year (建设性质, planned investment) are kept, the latter also as the
    /// project's annual plan for that year.
    public func commitProjects(_ writes: [LedgerWrite], ledger: LedgerFile?, record: ImportRecord, actor: AuditActor, catalog: ReferenceCatalog,
                               now: Date) async throws -> ImportRecord {
        let reason = AuditText.imported(fileName: record.fileName).zh
        return try await database.transaction { db in
            var classIds: [String: Int64] = [:]
            var scheme: ClassificationScheme?
            if let ledger, let name = ledger.schemeName, let region = ledger.regionCode {
                var ensured = try await SchemeRepository.ensure(regionCode: region, name: name, actor: actor, now: now, db: db)
                for className in ledger.newClasses where ensured.matching(className) == nil {
                    let mapped = catalog.assignableCategories.first { ClassificationScheme.key($0.name) == ClassificationScheme.key(className) }?.code
                    ensured.classes.append(try await SchemeRepository.insertClass(
                        SchemeClass(schemeId: ensured.id, name: className, categoryCode: mapped, confirmed: false), actor: actor, now: now, reason: reason, db: db))
                }
                for item in ensured.classes { classIds[item.name] = item.id }
                scheme = ensured
            }
            let list = try await ledger?.yearList.asyncMap { try await YearListRepository.ensure($0, actor: actor, now: now, db: db) }
            for write in writes {
                var projectId = write.projectId
                switch write.project {
                case .create(let fields, let stage, _):
                    projectId = try await ProjectRepository.insert(fields, stage: stage, actor: actor, catalog: catalog, now: now, db: db, reason: reason).id
                case .update(let id, let version, let fields, _):
                    _ = try await ProjectRepository.replaceFields(id: id, expectedVersion: version, fields: fields, reason: reason, actor: actor, catalog: catalog, now: now, db: db)
                case nil: break
                }
                guard let projectId else { continue }
                if let scheme, let className = write.className, let classId = classIds[className] {
                    try await SchemeRepository.assign(projectId: projectId, schemeId: scheme.id, classId: classId, db: db)
                }
                if let list, let statement = write.statement {
                    try await YearListRepository.put(YearListEntry(listId: list.id, projectId: projectId, nature: statement.nature,
                                                                   plannedInvestment: statement.plannedInvestment), db: db)
                    if let planned = statement.plannedInvestment {
                        try await AnnualPlanRepository.putPlanned(projectId: projectId, year: list.year, planned: planned, stated: statement.nature, now: now, db: db)
                    }
                }
            }
            if scheme != nil || list != nil { try await LedgerGeneration.bump(db) }
            return try await Self.record(record, actor: actor, now: now, db: db)
        }
    }

    static func record(_ record: ImportRecord, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> ImportRecord {
        let id = try await db.raw("""
            INSERT INTO imports (kind, file_name, sha256, size, created_count, updated_count, unchanged_count, skipped_count, actor_user_id, actor_name, actor_unit, at)
            VALUES (\(bind: record.kind.rawValue), \(bind: record.fileName), \(bind: record.sha256), \(bind: record.size), \(bind: record.created),
                    \(bind: record.updated), \(bind: record.unchanged), \(bind: record.skipped), \(bind: actor.userId), \(bind: actor.name), \(bind: actor.unit),
                    \(bind: StoredTime.text(now)))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        var saved = record
        saved.id = id
        saved.actorName = actor.name
        saved.at = now
        try await AuditLog.write(entity: "import", entityId: String(id), action: "commit", before: nil, after: AuditLog.json(saved), actor: actor, now: now, db: db)
        return saved
    }

    /// Whose imports a caller sees: all of them, or those of one unit and of one user.
    public enum HistoryReach: Sendable, Equatable {
        case everything
        case unitAndUser(unit: String?, userId: Int64)
    }

    public func recent(reach: HistoryReach, limit: Int = 20) async throws -> [ImportRecord] {
        let filter: SQLQueryString
        switch reach {
        case .everything: filter = "1 = 1"
        case .unitAndUser(let unit, let userId):
            filter = unit.map { "(actor_unit = \(bind: $0) OR actor_user_id = \(bind: userId))" } ?? "actor_user_id = \(bind: userId)"
        }
        return try await database.reader.raw("SELECT * FROM imports WHERE \(filter) ORDER BY id DESC LIMIT \(bind: limit)").all().map { row in
            ImportRecord(
                id: try row.decode(column: "id", as: Int64.self),
                kind: ImportRecord.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .projects,
                fileName: try row.decode(column: "file_name", as: String.self), sha256: try row.decode(column: "sha256", as: String.self),
                size: try row.decode(column: "size", as: Int.self), created: try row.decode(column: "created_count", as: Int.self),
                updated: try row.decode(column: "updated_count", as: Int.self), unchanged: try row.decode(column: "unchanged_count", as: Int.self),
                skipped: try row.decode(column: "skipped_count", as: Int.self), actorName: try row.decode(column: "actor_name", as: String.self),
                at: try StoredTime.decode(row, "at")
            )
        }
    }
}

extension ImportRepository {
    /// The year-list statements and scheme classes the given projects already have, keyed as
    /// `YearList.key` and `ClassificationScheme.key(region:name:)`.
    public func ledgerState(projectIds: [Int64]) async throws -> (statements: [Int64: [String: YearStatement]], classes: [Int64: [String: String]]) {
        var statements: [Int64: [String: YearStatement]] = [:]
        var classes: [Int64: [String: String]] = [:]
        let db = database.reader
        for chunk in projectIds.chunked(into: 500) {
            for row in try await db.raw("""
                SELECT e.project_id, e.nature, e.planned_investment_yuan, l.region_code, l.year, l.threshold_yuan
                FROM year_list_entries e JOIN year_lists l ON l.id = e.list_id WHERE e.project_id IN (\(binds: Array(chunk)))
                """).all() {
                let key = YearList.key(regionCode: try row.decode(column: "region_code", as: String.self), year: try row.decode(column: "year", as: Int.self),
                                       threshold: Money(yuan: try row.decode(column: "threshold_yuan", as: Int64.self)))
                statements[try row.decode(column: "project_id", as: Int64.self), default: [:]][key] = YearStatement(
                    nature: try row.decode(column: "nature", as: String?.self).flatMap(ListNature.init(rawValue:)),
                    plannedInvestment: try row.decode(column: "planned_investment_yuan", as: Int64?.self).map(Money.init(yuan:)))
            }
            for row in try await db.raw("""
                SELECT pc.project_id, s.region_code, s.name AS scheme_name, c.name AS class_name FROM project_classes pc
                JOIN classification_schemes s ON s.id = pc.scheme_id JOIN scheme_classes c ON c.id = pc.class_id
                WHERE pc.project_id IN (\(binds: Array(chunk)))
                """).all() {
                let key = ClassificationScheme.key(region: try row.decode(column: "region_code", as: String.self), name: try row.decode(column: "scheme_name", as: String.self))
                classes[try row.decode(column: "project_id", as: Int64.self), default: [:]][key] = try row.decode(column: "class_name", as: String.self)
            }
        }
        return (statements, classes)
    }
}
