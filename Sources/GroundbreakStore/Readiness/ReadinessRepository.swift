import Foundation
import GroundbreakDomain
import SQLKit

/// Projects' readiness items. A save writes the changed items of one project in one transaction,
/// each under the version the form read, with one audit row.
public struct ReadinessRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The items, groups, levels and ways (`readiness_items.json`), refused by name when unusable.
    public static func catalog() throws -> ReadinessCatalog {
        let catalog = try ReferenceDataLoader.bundledJSON("readiness_items.json", as: ReadinessCatalog.self)
        guard catalog.problems.isEmpty else {
            throw ReferenceDataLoader.BadReferenceFile(file: "readiness_items.json", reason: catalog.problems.joined(separator: "; "))
        }
        return catalog
    }

    /// Keeps `items` of one project, each at the version it was read (0: never kept). Any refusal
    /// or any item moved meanwhile changes nothing.
    public func save(_ items: [ReadinessItem], projectId: Int64, catalog: ReadinessCatalog, reference: ReferenceCatalog, actor: AuditActor, today: Day,
                     now: Date) async throws -> [ReadinessItem] {
        var errors: [FieldError] = []
        if items.isEmpty { errors.append(FieldError("item", .required(field: "item"))) }
        if Set(items.map(\.code)).count != items.count { errors.append(FieldError("item", .fixed(ReadinessText.itemTwice))) }
        let tidied = items.map { item -> ReadinessItem in
            var item = item
            item.projectId = projectId
            item.note = TextNormalizer.collapsedLine(item.note)
            item.way = TextNormalizer.collapsedLine(item.way)
            return item
        }
        for item in tidied { errors += ReadinessRules.problems(item, catalog: catalog, reference: reference, today: today) }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            let stored = try await Self.items(projectIds: [projectId], db: db)[projectId] ?? []
            for item in tidied {
                let current = stored.first { $0.code == item.code }?.version ?? 0
                guard current == item.version else { throw StoreError.conflict(currentVersion: current) }
                if current == 0 {
                    try await db.raw("""
                        INSERT INTO readiness_items (project_id, item_code, state, due_on, done_on, unit_kind, unit_code, way, note, version, updated_by, updated_at)
                        VALUES (\(bind: projectId), \(bind: item.code), \(bind: item.state.rawValue), \(bind: item.dueOn?.iso), \(bind: item.doneOn?.iso),
                                \(bind: item.unit?.kind.rawValue), \(bind: item.unit?.code), \(bind: item.way), \(bind: item.note), 1, \(bind: actor.name),
                                \(bind: StoredTime.text(now)))
                        """).run()
                } else {
                    try await db.raw("""
                        UPDATE readiness_items SET state = \(bind: item.state.rawValue), due_on = \(bind: item.dueOn?.iso), done_on = \(bind: item.doneOn?.iso),
                            unit_kind = \(bind: item.unit?.kind.rawValue), unit_code = \(bind: item.unit?.code), way = \(bind: item.way), note = \(bind: item.note),
                            version = version + 1, updated_by = \(bind: actor.name), updated_at = \(bind: StoredTime.text(now))
                        WHERE project_id = \(bind: projectId) AND item_code = \(bind: item.code)
                        """).run()
                }
            }
            try await AuditLog.write(entity: "readiness", entityId: String(projectId), action: "update", before: nil,
                                     after: tidied.map { "\($0.code)=\($0.state.rawValue)\($0.doneOn.map { "@" + $0.iso } ?? "")" }.joined(separator: " "),
                                     actor: actor, now: now, db: db)
            return try await Self.items(projectIds: [projectId], db: db)[projectId] ?? []
        }
    }

    public func items(projectId: Int64) async throws -> [ReadinessItem] {
        try await Self.items(projectIds: [projectId], db: database.reader)[projectId] ?? []
    }

    /// The recorded items of `projectIds`, by project.
    public func items(projectIds: [Int64]) async throws -> [Int64: [ReadinessItem]] {
        try await Self.items(projectIds: projectIds, db: database.reader)
    }

    /// Every recorded item by project (all projects; callers keep those in their scope).
    public func allItems() async throws -> [Int64: [ReadinessItem]] {
        try await Self.items(where: "1 = 1", db: database.reader)
    }

    static func items(projectIds: [Int64], db: any SQLDatabase) async throws -> [Int64: [ReadinessItem]] {
        guard !projectIds.isEmpty else { return [:] }
        return try await items(where: "project_id IN (\(binds: projectIds))", db: db)
    }

    static func items(where condition: SQLQueryString, db: any SQLDatabase) async throws -> [Int64: [ReadinessItem]] {
        var result: [Int64: [ReadinessItem]] = [:]
        for row in try await db.raw("SELECT * FROM readiness_items WHERE \(condition) ORDER BY project_id, item_code").all() {
            func text(_ column: String) throws -> String? { try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self) }
            guard let state = ReadinessState(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            let projectId = try row.decode(column: "project_id", as: Int64.self)
            let unit = try text("unit_kind").flatMap(OrgUnit.Kind.init).flatMap { kind in try text("unit_code").map { OrgUnit(kind: kind, code: $0) } }
            result[projectId, default: []].append(ReadinessItem(
                projectId: projectId, code: try row.decode(column: "item_code", as: String.self), state: state, dueOn: try text("due_on").flatMap(Day.parse),
                doneOn: try text("done_on").flatMap(Day.parse), unit: unit, way: try row.decode(column: "way", as: String.self),
                note: try row.decode(column: "note", as: String.self), version: try row.decode(column: "version", as: Int.self)))
        }
        return result
    }
}
