import Foundation
import GroundbreakDomain
import SQLKit

/// Year lists (年度重点项目计划) and the projects on them.
public struct YearListRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func lists(regionCodes: Set<String>? = nil) async throws -> [YearList] {
        let filter: SQLQueryString = regionCodes.map { $0.isEmpty ? "1 = 0" : "region_code IN (\(binds: $0.sorted()))" } ?? "1 = 1"
        return try await database.reader.raw("SELECT * FROM year_lists WHERE \(filter) ORDER BY year DESC, region_code, threshold_yuan").all().map(Self.list)
    }

    static func list(_ row: any SQLRow) throws -> YearList {
        YearList(id: try row.decode(column: "id", as: Int64.self), regionCode: try row.decode(column: "region_code", as: String.self),
                 year: try row.decode(column: "year", as: Int.self), threshold: Money(yuan: try row.decode(column: "threshold_yuan", as: Int64.self)),
                 level: try row.decode(column: "level", as: String?.self).flatMap(ProjectLevel.init(rawValue:)),
                 title: try row.decode(column: "title", as: String.self))
    }

    /// The list of that region, year and threshold, created when there is none (its title and level kept from the first file).
    static func ensure(_ list: YearList, actor: AuditActor, now: Date, db: any SQLDatabase) async throws -> YearList {
        if let row = try await db.raw("""
            SELECT * FROM year_lists WHERE region_code = \(bind: list.regionCode) AND year = \(bind: list.year) AND threshold_yuan = \(bind: list.threshold.yuan)
            """).first() { return try Self.list(row) }
        let id = try await db.raw("""
            INSERT INTO year_lists (region_code, year, threshold_yuan, level, title, created_at)
            VALUES (\(bind: list.regionCode), \(bind: list.year), \(bind: list.threshold.yuan), \(bind: list.level?.rawValue), \(bind: list.title),
                    \(bind: StoredTime.text(now))) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        var saved = list
        saved.id = id
        try await AuditLog.write(entity: "year_list", entityId: String(id), action: "create", before: nil, after: try AuditLog.json(saved), actor: actor, now: now, db: db)
        return saved
    }

    /// Puts a project on a list with the year's statement; a value the file leaves blank keeps the one stored.
    static func put(_ entry: YearListEntry, db: any SQLDatabase) async throws {
        let current = try await db.raw("SELECT nature, planned_investment_yuan FROM year_list_entries WHERE list_id = \(bind: entry.listId) AND project_id = \(bind: entry.projectId)").first()
        if let current {
            let storedNature = try current.decode(column: "nature", as: String?.self)
            let storedPlan = try current.decode(column: "planned_investment_yuan", as: Int64?.self)
            let nature = entry.nature?.rawValue ?? storedNature
            let planned = entry.plannedInvestment?.yuan ?? storedPlan
            try await db.raw("""
                UPDATE year_list_entries SET nature = \(bind: nature), planned_investment_yuan = \(bind: planned)
                WHERE list_id = \(bind: entry.listId) AND project_id = \(bind: entry.projectId)
                """).run()
        } else {
            try await db.raw("""
                INSERT INTO year_list_entries (list_id, project_id, nature, planned_investment_yuan)
                VALUES (\(bind: entry.listId), \(bind: entry.projectId), \(bind: entry.nature?.rawValue), \(bind: entry.plannedInvestment?.yuan))
                """).run()
        }
    }

    /// The year's statements of a project, by list.
    public func entries(projectId: Int64) async throws -> [(list: YearList, entry: YearListEntry)] {
        try await database.reader.raw("""
            SELECT l.*, e.nature, e.planned_investment_yuan FROM year_list_entries e JOIN year_lists l ON l.id = e.list_id
            WHERE e.project_id = \(bind: projectId) ORDER BY l.year DESC, l.id
            """).all().map { row in
            let list = try Self.list(row)
            return (list, YearListEntry(listId: list.id, projectId: projectId,
                                        nature: try row.decode(column: "nature", as: String?.self).flatMap(ListNature.init(rawValue:)),
                                        plannedInvestment: try row.decode(column: "planned_investment_yuan", as: Int64?.self).map(Money.init(yuan:))))
        }
    }

    /// The paragraph's figures for a unit and year; the year before is compared when it has lists.
    public func figures(_ query: StatisticsQuery, catalog: ReferenceCatalog) async throws -> StatisticsFigures {
        let regions = catalog.regionSubtree(query.regionCode)
        let scheme = try await query.schemeId.asyncMap { try await SchemeRepository(database: database).scheme($0) } ?? nil
        let current = try await tally(query, regionCodes: regions, year: query.year, schemeId: scheme?.id)
        let before = try await tally(query, regionCodes: regions, year: query.year - 1, schemeId: scheme?.id)
        var figures = StatisticsFigures.figures(unitName: catalog.region(query.regionCode)?.name ?? query.regionCode, year: query.year, current: current,
                                                previous: before.offered == 0 ? nil : before, schemeName: scheme?.name,
                                                classOrder: scheme?.classes.map(\.name) ?? [])
        // The paragraph names a class by its short name, as officials shorten it.
        if let scheme, let index = figures.groups.firstIndex(where: { $0.dimension == scheme.name }) {
            let short = Dictionary(scheme.classes.map { ($0.name, $0.paragraphName) }, uniquingKeysWith: { first, _ in first })
            figures.groups[index].items = figures.groups[index].items.map { (short[$0.name] ?? $0.name, $0.count) }
        }
        return figures
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
