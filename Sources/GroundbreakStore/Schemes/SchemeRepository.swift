import Foundation
import GroundbreakDomain
import SQLKit

/// Classification schemes (口径), their classes, and each project's class per scheme.
public struct SchemeRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every scheme of the given regions (all when nil), classes in order.
    public func schemes(regionCodes: Set<String>? = nil) async throws -> [ClassificationScheme] {
        try await Self.schemes(regionCodes: regionCodes, db: database.reader)
    }

    public func scheme(_ id: Int64) async throws -> ClassificationScheme? {
        try await Self.schemes(ids: [id], db: database.reader).first
    }

    static func schemes(regionCodes: Set<String>? = nil, ids: [Int64]? = nil, db: any SQLDatabase) async throws -> [ClassificationScheme] {
        var clauses: [SQLQueryString] = []
        if let regionCodes { clauses.append(regionCodes.isEmpty ? "1 = 0" : "region_code IN (\(binds: regionCodes.sorted()))") }
        if let ids { clauses.append(ids.isEmpty ? "1 = 0" : "id IN (\(binds: ids))") }
        let filter: SQLQueryString = clauses.isEmpty ? "1 = 1" : clauses.joined(separator: " AND ")
        var schemes = try await db.raw("SELECT * FROM classification_schemes WHERE \(filter) ORDER BY region_code, id").all().map { row in
            ClassificationScheme(id: try row.decode(column: "id", as: Int64.self), regionCode: try row.decode(column: "region_code", as: String.self),
                                 name: try row.decode(column: "name", as: String.self), version: try row.decode(column: "version", as: Int.self))
        }
        guard !schemes.isEmpty else { return [] }
        let classes = try await db.raw("SELECT * FROM scheme_classes WHERE scheme_id IN (\(binds: schemes.map(\.id))) ORDER BY sort, id").all().map(Self.schemeClass)
        let grouped = Dictionary(grouping: classes, by: \.schemeId)
        for index in schemes.indices { schemes[index].classes = grouped[schemes[index].id] ?? [] }
        return schemes
    }

    static func schemeClass(_ row: any SQLRow) throws -> SchemeClass {
        SchemeClass(id: try row.decode(column: "id", as: Int64.self), schemeId: try row.decode(column: "scheme_id", as: Int64.self),
                    name: try row.decode(column: "name", as: String.self), shortName: try row.decode(column: "short_name", as: String.self),
                    categoryCode: try row.decode(column: "category_code", as: String?.self),
                    synonyms: try row.decode(column: "synonyms", as: String.self).split(separator: "\n").map(String.init),
                    confirmed: try row.decode(column: "confirmed", as: Int.self) != 0, sort: try row.decode(column: "sort", as: Int.self))
    }

    /// The scheme of that region and name, created empty when there is none yet.
    static func ensure(regionCode: String, name: String, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> ClassificationScheme {
        if let row = try await db.raw("SELECT id FROM classification_schemes WHERE region_code = \(bind: regionCode) AND name = \(bind: name)").first() {
            return try await schemes(ids: [try row.decode(column: "id", as: Int64.self)], db: db)[0]
        }
        let stamp = StoredTime.text(now)
        let id = try await db.raw("""
            INSERT INTO classification_schemes (region_code, name, created_at, updated_at, version)
            VALUES (\(bind: regionCode), \(bind: name), \(bind: stamp), \(bind: stamp), 1) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        let scheme = ClassificationScheme(id: id, regionCode: regionCode, name: name)
        try await AuditLog.write(entity: "scheme", entityId: String(id), action: "create", before: nil, after: try AuditLog.json(scheme), actor: actor, now: now, db: db)
        return scheme
    }

    /// Adds a class to a scheme; `confirmed` false for one an import found (待确认).
    static func insertClass(_ item: SchemeClass, actor: AuditActor, now: Date, reason: String = "", db: any SQLDatabase) async throws -> SchemeClass {
        let sort = try await db.raw("SELECT COALESCE(MAX(sort), 0) AS top FROM scheme_classes WHERE scheme_id = \(bind: item.schemeId)").first()!
            .decode(column: "top", as: Int.self) + 10
        let id = try await db.raw("""
            INSERT INTO scheme_classes (scheme_id, name, short_name, category_code, synonyms, confirmed, sort)
            VALUES (\(bind: item.schemeId), \(bind: item.name), \(bind: item.shortName), \(bind: item.categoryCode), \(bind: item.synonyms.joined(separator: "\n")),
                    \(bind: item.confirmed ? 1 : 0), \(bind: item.sort == 0 ? sort : item.sort)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        var saved = item
        saved.id = id
        saved.sort = item.sort == 0 ? sort : item.sort
        try await bumpScheme(item.schemeId, now: now, db: db)
        try await AuditLog.write(entity: "scheme_class", entityId: String(id), action: "create", before: nil, after: try AuditLog.json(saved),
                                 reason: reason, actor: actor, now: now, db: db)
        return saved
    }

    static func bumpScheme(_ id: Int64, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("UPDATE classification_schemes SET version = version + 1, updated_at = \(bind: StoredTime.text(now)) WHERE id = \(bind: id)").run()
    }

    /// Adds a class from the administration page, checked against its scheme.
    public func add(_ item: SchemeClass, expectedVersion: Int, catalog: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> SchemeClass {
        try await database.transaction { db in
            let scheme = try await Self.current(item.schemeId, expectedVersion: expectedVersion, db: db)
            var cleaned = Self.cleaned(item)
            cleaned.confirmed = true
            let errors = SchemeRules.validate(cleaned, in: scheme, catalog: catalog)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            return try await Self.insertClass(cleaned, actor: actor, now: now, db: db)
        }
    }

    /// Renames, maps, confirms or gives synonyms to a class; the scheme's version guards it.
    public func update(_ item: SchemeClass, expectedVersion: Int, catalog: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> SchemeClass {
        try await database.transaction { db in
            let scheme = try await Self.current(item.schemeId, expectedVersion: expectedVersion, db: db)
            guard let before = scheme.classes.first(where: { $0.id == item.id }) else { throw StoreError.notFound }
            var cleaned = Self.cleaned(item)
            cleaned.sort = before.sort
            let errors = SchemeRules.validate(cleaned, in: scheme, catalog: catalog)
            guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
            try await db.raw("""
                UPDATE scheme_classes SET name = \(bind: cleaned.name), short_name = \(bind: cleaned.shortName), category_code = \(bind: cleaned.categoryCode),
                    synonyms = \(bind: cleaned.synonyms.joined(separator: "\n")), confirmed = \(bind: cleaned.confirmed ? 1 : 0)
                WHERE id = \(bind: item.id)
                """).run()
            try await Self.bumpScheme(scheme.id, now: now, db: db)
            try await AuditLog.write(entity: "scheme_class", entityId: String(item.id), action: "update", before: try AuditLog.json(before),
                                     after: try AuditLog.json(cleaned), actor: actor, now: now, db: db)
            if let code = cleaned.categoryCode, code != before.categoryCode {
                try await Self.supplyCategory(code, classId: item.id, className: cleaned.name, actor: actor, now: now, db: db)
            }
            try await LedgerGeneration.bump(db)
            return cleaned
        }
    }

    /// A class newly mapped to a shipped category supplies it to its projects still 待补充 there,
    /// each project's change audited.
    static func supplyCategory(_ code: String, classId: Int64, className: String, actor: AuditActor, now: Date, db: any SQLDatabase) async throws {
        let rows = try await db.raw("""
            SELECT p.id FROM projects p JOIN project_classes pc ON pc.project_id = p.id
            WHERE pc.class_id = \(bind: classId) AND p.category_code = \(bind: Category.pendingCode) ORDER BY p.id
            """).all()
        let stamp = StoredTime.text(now)
        let reason = AuditText.classMapped(className).zh
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            try await db.raw("""
                UPDATE projects SET category_code = \(bind: code), updated_at = \(bind: stamp), version = version + 1 WHERE id = \(bind: id)
                """).run()
            try await AuditLog.write(entity: "project", entityId: String(id), action: "update", before: #"{"categoryCode":"\#(Category.pendingCode)"}"#,
                                     after: #"{"categoryCode":"\#(code)"}"#, reason: reason, actor: actor, now: now, db: db)
        }
    }

    static func current(_ id: Int64, expectedVersion: Int, db: any SQLDatabase) async throws -> ClassificationScheme {
        guard let scheme = try await schemes(ids: [id], db: db).first else { throw StoreError.notFound }
        guard scheme.version == expectedVersion else { throw StoreError.conflict(currentVersion: scheme.version) }
        return scheme
    }

    static func cleaned(_ item: SchemeClass) -> SchemeClass {
        var cleaned = item
        cleaned.name = TextNormalizer.collapsedLine(item.name)
        cleaned.shortName = TextNormalizer.collapsedLine(item.shortName)
        cleaned.synonyms = item.synonyms.map(TextNormalizer.collapsedLine).filter { !$0.isEmpty }
        cleaned.categoryCode = item.categoryCode.flatMap { $0.isEmpty ? nil : $0 }
        return cleaned
    }

    /// Each scheme's class of a project.
    public func classes(of projectId: Int64) async throws -> [(scheme: ClassificationScheme, item: SchemeClass)] {
        let rows = try await database.reader.raw("SELECT scheme_id, class_id FROM project_classes WHERE project_id = \(bind: projectId)").all()
        let pairs = try rows.map { (try $0.decode(column: "scheme_id", as: Int64.self), try $0.decode(column: "class_id", as: Int64.self)) }
        let schemes = try await Self.schemes(ids: pairs.map(\.0), db: database.reader)
        return pairs.compactMap { pair in
            guard let scheme = schemes.first(where: { $0.id == pair.0 }), let item = scheme.classes.first(where: { $0.id == pair.1 }) else { return nil }
            return (scheme, item)
        }
    }

    static func assign(projectId: Int64, schemeId: Int64, classId: Int64, db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM project_classes WHERE project_id = \(bind: projectId) AND scheme_id = \(bind: schemeId)").run()
        try await db.raw("INSERT INTO project_classes (project_id, scheme_id, class_id) VALUES (\(bind: projectId), \(bind: schemeId), \(bind: classId))").run()
    }
}

extension SchemeRepository {
    /// A new, empty scheme for a region; a name the region already uses is refused.
    public func create(regionCode: String, name: String, catalog: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> ClassificationScheme {
        let clean = TextNormalizer.collapsedLine(name)
        var errors: [FieldError] = []
        if clean.isEmpty { errors.append(FieldError("name", .required(field: "name"))) }
        if clean.count > ClassificationScheme.maxName { errors.append(FieldError("name", .tooLong(field: "name", max: ClassificationScheme.maxName))) }
        if catalog.region(regionCode) == nil { errors.append(FieldError("regionCode", .unknownCode(field: "regionCode", code: regionCode))) }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            if try await db.raw("SELECT 1 AS found FROM classification_schemes WHERE region_code = \(bind: regionCode) AND name = \(bind: clean)").first() != nil {
                throw StoreError.invalid(ValidationFailure([FieldError("name", .scheme(.schemeTaken(clean)))]))
            }
            return try await Self.ensure(regionCode: regionCode, name: clean, actor: actor, now: now, db: db)
        }
    }

    /// How many projects each class holds.
    public func projectCounts() async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try await database.reader.raw("SELECT class_id, COUNT(*) AS n FROM project_classes GROUP BY class_id").all() {
            counts[try row.decode(column: "class_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The scheme a class belongs to, with the class.
    public func schemeOf(classId: Int64) async throws -> (scheme: ClassificationScheme, item: SchemeClass)? {
        guard let row = try await database.reader.raw("SELECT scheme_id FROM scheme_classes WHERE id = \(bind: classId)").first(),
              let scheme = try await scheme(try row.decode(column: "scheme_id", as: Int64.self)),
              let item = scheme.classes.first(where: { $0.id == classId }) else { return nil }
        return (scheme, item)
    }
}
