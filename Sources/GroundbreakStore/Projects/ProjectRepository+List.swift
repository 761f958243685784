import Foundation
import GroundbreakDomain
import SQLKit

extension ProjectRepository {
    /// One page of the ledger with the count, total investment and per-stage figures of the whole
    /// filtered set.
    /// `scope` is the caller's view scope from `Policy`: the list and every total cover only it.
    /// `cached` false is for walks through every page (exports): they would fill the page cache
    /// with pages nobody opens again, evicting the ones people do.
    public func list(_ query: ProjectQuery, scope: ProjectScope, catalog: ReferenceCatalog, today: Day, cached: Bool = true) async throws -> ProjectPage {
        try await read(query, scope: scope, catalog: catalog, today: today, cached: cached, useIndex: true)
    }

    /// `list`, with the in-memory index allowed or not (`LedgerIndexTests` compares the two).
    func read(_ query: ProjectQuery, scope: ProjectScope, catalog: ReferenceCatalog, today: Day, cached: Bool, useIndex: Bool) async throws -> ProjectPage {
        // The page cache and the index follow the primary; a replica's read answers from SQL.
        let useIndex = useIndex && !database.readingFromReplica
        let db = database.reader
        let generation = try await LedgerGeneration.forRead(database)
        let index = useIndex ? indexFor(generation) : nil
        let selection = index?.selection(query, scope: scope, catalog: catalog, today: today)
        let buckets = index.flatMap { database.ledgerIndex.buckets(for: $0) }
        let snapshot = index.flatMap { database.projectSnapshot.held(at: $0.generation, database) }
        // What the buckets answer (a region or scope, stages, an investment range) with the rows
        // from the snapshot takes microseconds: the page cache is not asked, its key — the filter
        // written out as SQL — costing more than the answer when each request brings another
        // filter. Rows read from SQL are worth keeping.
        let quick = buckets != nil && snapshot != nil && selection.map(LedgerBuckets.answers) == true
        let cached = cached && !database.readingFromReplica && !quick
        let filter = quick ? nil : Self.filter(query, scope: scope, catalog: catalog, today: today)
        var key: String?
        if cached, let filter {
            let (sql, binds) = db.serialize(filter)
            key = "\(sql)|\(binds.map { "\($0)" }.joined(separator: "\u{1F}"))|\(Self.orderBy(query))|\(query.page)|\(query.perPage)"
            if let key, let cached = database.ledgerCache.page(for: key, generation: generation) { return cached }
        }
        var page: ProjectPage
        if let index, let selection,
           let indexed = try await indexedPage(query, selection: selection, index: index, buckets: buckets, snapshot: snapshot, db: db) {
            page = indexed
        } else {
            page = try await compute(filter: filter ?? Self.filter(query, scope: scope, catalog: catalog, today: today), query: query, db: db)
        }
        page.generation = generation
        if let key { database.ledgerCache.store(page, for: key, generation: generation) }
        return page
    }

    /// The daily record's lights of the ledger's filtered set (its own `light` aside), by colour.
    public func lightCounts(_ query: ProjectQuery, scope: ProjectScope, catalog: ReferenceCatalog, today: Day) async throws -> [WarningColour: Int] {
        var query = query
        query.light = nil
        if !database.readingFromReplica, let index = indexFor(try await LedgerGeneration.forRead(database)),
           let selection = index.selection(query, scope: scope, catalog: catalog, today: today),
           let result = index.run(selection, sort: query.sort, descending: query.descending, offset: 0, limit: 0,
                                  buckets: database.ledgerIndex.buckets(for: index)) {
            return result.lights
        }
        return try await sqlLightCounts(query, scope: scope, catalog: catalog, today: today)
    }

    func sqlLightCounts(_ query: ProjectQuery, scope: ProjectScope, catalog: ReferenceCatalog, today: Day) async throws -> [WarningColour: Int] {
        var query = query
        query.light = nil
        let filter = Self.filter(query, scope: scope, catalog: catalog, today: today)
        var counts: [WarningColour: Int] = [:]
        for row in try await database.reader.raw("""
            SELECT pl.colour, COUNT(*) AS n FROM projects JOIN project_lights pl ON pl.project_id = projects.id
            WHERE pl.id = (SELECT MAX(x.id) FROM project_lights x WHERE x.project_id = projects.id) AND \(filter)
            GROUP BY pl.colour
            """).all() {
            if let colour = WarningColour(rawValue: try row.decode(column: "colour", as: String.self)) { counts[colour] = try row.decode(column: "n", as: Int.self) }
        }
        return counts
    }

    /// The in-memory index when it holds `generation`; otherwise a fresh one is asked for and the
    /// caller answers from SQL. One with rows still unordered asks for them to be placed (a no-op
    /// while that is under way), so a placing that failed is tried again.
    private func indexFor(_ generation: Int64) -> LedgerIndex? {
        if let index = database.ledgerIndex.index(at: generation) {
            if !index.unordered.isEmpty { database.ledgerIndex.refresh(database) }
            return index
        }
        database.ledgerIndex.refresh(database)
        return nil
    }

    /// The page from the index: its figures from memory, its rows from the figures' snapshot or
    /// by id from SQL. Nil when the index cannot answer the query exactly.
    private func indexedPage(_ query: ProjectQuery, selection: LedgerIndex.Selection, index: LedgerIndex, buckets: LedgerBuckets?,
                             snapshot: ProjectSnapshot?, db: any SQLDatabase) async throws -> ProjectPage? {
        guard let result = index.run(selection, sort: query.sort, descending: query.descending, offset: (query.page - 1) * query.perPage, limit: query.perPage,
                                     buckets: buckets)
        else { return nil }
        let projects: [Project]
        if let snapshot {
            projects = result.ids.compactMap(snapshot.project(id:))
        } else {
            let byId = try await Self.load(ids: result.ids, db: db)
            // A project deleted since the index was read is simply not on the page.
            projects = result.ids.compactMap { byId[$0] }
        }
        return ProjectPage(
            projects: projects, totalCount: result.count, totalInvestment: Money(yuan: result.investment),
            byStage: result.byStage, page: query.page, perPage: query.perPage
        )
    }

    /// What each region still owes (待补充): projects within `scope` whose investment type or
    /// category an import could not fill, counted by region — the same test as `owed=true`.
    public func owedByRegion(scope: ProjectScope, catalog: ReferenceCatalog, today: Day) async throws -> [(regionCode: String, count: Int)] {
        var query = ProjectQuery()
        query.owed = true
        let filter = Self.filter(query, scope: scope, catalog: catalog, today: today)
        return try await database.reader.raw("SELECT region_code, COUNT(*) AS n FROM projects WHERE \(filter) GROUP BY region_code ORDER BY region_code").all().map {
            (try $0.decode(column: "region_code", as: String.self), try $0.decode(column: "n", as: Int.self))
        }
    }

    /// Projects within `scope` under construction or in operation that started in `year`, counted
    /// by month (January first): one column read, not the projects, so the 大屏 scales.
    public func startsByMonth(year: Int, scope: ProjectScope) async throws -> [Int] {
        let rows = try await database.reader.raw("""
            SELECT actual_start FROM projects
            WHERE stage IN (\(binds: [Stage.construction.rawValue, Stage.operation.rawValue]))
                AND actual_start >= \(bind: "\(year)-01-01") AND actual_start <= \(bind: "\(year)-12-31") AND \(Self.scopeClause(scope))
            """).all()
        var months = Array(repeating: 0, count: 12)
        for row in rows {
            if let day = Day.parse(try row.decode(column: "actual_start", as: String.self)), day.year == year { months[day.month - 1] += 1 }
        }
        return months
    }

    /// Every project in `stages` within `scope` that `admits` lets through, by id: the monthly
    /// reporting board, the figures. Both tests in one pass, so a province's projects are copied
    /// once at most (not at all when every one is in).
    public func projects(inStages stages: [Stage], scope: ProjectScope, where admits: (Project) -> Bool = { _ in true }) async throws -> [Project] {
        try await selection(inStages: stages, scope: scope, where: admits).array
    }

    /// The same projects chosen from the list they are held in, none copied: from the figures'
    /// snapshot when the scope is everything. Inlined with the caller's test, so that a test of a
    /// field or two reads each project where it lies: through an opaque call every project of a
    /// province would be copied to be tested, a retain of each of its texts (most of the report
    /// board's time).
    @inlinable
    public func selection(inStages stages: [Stage], scope: ProjectScope, where admits: (Project) -> Bool = { _ in true }) async throws -> Selection<Project> {
        if let kept = try await keptProjects(scope) {
            // A handful of stages: compared in the array, not hashed by name for every project.
            return Selection(kept) { stages.contains($0.stage) && admits($0) }
        }
        return Selection(try await projectsFromSQL(inStages: stages, scope: scope), where: admits)
    }

    /// Every project from the figures' snapshot, when `scope` is everything.
    @usableFromInline
    func keptProjects(_ scope: ProjectScope) async throws -> [Project]? {
        guard scope.isEverything else { return nil }
        return try await database.projectSnapshot.snapshot(database)?.projects
    }

    /// The projects in `stages` within `scope`, from SQL, in id order.
    @usableFromInline
    func projectsFromSQL(inStages stages: [Stage], scope: ProjectScope) async throws -> [Project] {
        let db = database.reader
        let rows = try await db.raw("""
            SELECT * FROM projects WHERE stage IN (\(binds: stages.map(\.rawValue))) AND \(Self.scopeClause(scope)) ORDER BY id
            """).all()
        var children: [Int64: ProjectRow.Children] = [:]
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        for chunk in ids.chunked(into: 1_000) {
            children.merge(try await ProjectRow.children(of: Array(chunk), db: db)) { first, _ in first }
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return try ProjectRow.project(row, children: children[id] ?? .init())
        }
    }

    private func compute(filter: SQLQueryString, query: ProjectQuery, db: any SQLDatabase) async throws -> ProjectPage {
        var byStage: [Stage: ProjectPage.StageTotals] = [:]
        var totalCount = 0
        var totalInvestment: Int64 = 0
        let aggregates = try await db.raw("""
            SELECT stage, COUNT(*) AS n, CAST(COALESCE(SUM(total_investment), 0) AS BIGINT) AS investment
            FROM projects WHERE \(filter) GROUP BY stage
            """).all()
        for row in aggregates {
            let count = try row.decode(column: "n", as: Int.self)
            let investment = try row.decode(column: "investment", as: Int64.self)
            totalCount += count
            totalInvestment += investment
            if let stage = Stage(rawValue: try row.decode(column: "stage", as: String.self)) {
                byStage[stage] = .init(count: count, investment: Money(yuan: investment))
            }
        }

        let offset = (query.page - 1) * query.perPage
        var projects: [Project] = []
        if offset < totalCount {
            let rows = try await db.raw("""
                SELECT * FROM projects WHERE \(filter)
                ORDER BY \(unsafeRaw: Self.orderBy(query))
                LIMIT \(literal: query.perPage) OFFSET \(literal: offset)
                """).all()
            let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
            let children = try await ProjectRow.children(of: ids, db: db)
            projects = try rows.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return try ProjectRow.project(row, children: children[id] ?? .init())
            }
        }
        return ProjectPage(
            projects: projects, totalCount: totalCount, totalInvestment: Money(yuan: totalInvestment),
            byStage: byStage, page: query.page, perPage: query.perPage
        )
    }

    /// The WHERE clause for a query within `scope`.
    static func filter(_ query: ProjectQuery, scope: ProjectScope, catalog: ReferenceCatalog, today: Day) -> SQLQueryString {
        whereClause(query, catalog: catalog, today: today) + " AND " + scopeClause(scope)
    }

    /// The WHERE clause for a query. Subtree filters are expanded from the catalog in memory, so
    /// the SQL stays a plain `IN` list on both engines.
    static func whereClause(_ query: ProjectQuery, catalog: ReferenceCatalog, today: Day) -> SQLQueryString {
        var clauses: [SQLQueryString] = ["1 = 1"]
        if let region = query.regionCode {
            let codes = catalog.canonicalRegionCode(region).map { Array(catalog.regionSubtree($0)).sorted() } ?? [region]
            clauses.append("region_code IN (\(binds: codes))")
        }
        if let zone = query.zoneCode {
            clauses.append("zone_code IN (\(binds: Array(catalog.zoneSubtree(zone)).sorted()))")
        }
        if !query.stages.isEmpty {
            clauses.append("stage IN (\(binds: query.stages.map(\.rawValue)))")
        }
        if let category = query.categoryCode {
            clauses.append("category_code IN (\(binds: Array(catalog.categorySubtree(category)).sorted()))")
        }
        if let section = query.industrySection {
            clauses.append("industry_section = \(bind: section)")
        }
        if let division = query.industryDivision {
            clauses.append("industry_division = \(bind: division)")
        }
        if let bandCode = query.sizeBand {
            // An unknown band matches nothing rather than everything.
            let minimum = catalog.sizeBand(bandCode)?.minimum.yuan ?? Int64.max
            clauses.append("total_investment >= \(bind: minimum)")
        }
        if let level = query.level {
            clauses.append("EXISTS (SELECT 1 FROM project_levels l WHERE l.project_id = projects.id AND l.level = \(bind: level.rawValue))")
        }
        if let tag = query.tag {
            clauses.append("EXISTS (SELECT 1 FROM project_tags t WHERE t.project_id = projects.id AND t.tag_code = \(bind: tag))")
        }
        if let department = query.leadDepartmentCode {
            clauses.append("lead_department_code = \(bind: department)")
        }
        if let minimum = query.minInvestment {
            clauses.append("total_investment >= \(bind: minimum.yuan)")
        }
        if let maximum = query.maxInvestment {
            clauses.append("total_investment <= \(bind: maximum.yuan)")
        }
        if let text = query.text?.lowercased(), !text.isEmpty {
            clauses.append("search_text LIKE \(bind: "%" + escapeLike(text) + "%") ESCAPE '\\'")
        }
        if let nature = query.nature {
            // The same definitions as `YearActivity.holds(for:in:)`; a test holds the two together.
            let year = query.natureYear ?? today.year
            let first = "\(year)-01-01", last = "\(year)-12-31"
            let live: SQLQueryString = "stage <> \(bind: Stage.cancelled.rawValue) AND actual_start IS NOT NULL"
            let notFinishedBefore: SQLQueryString = "(actual_completion IS NULL OR actual_completion >= \(bind: first))"
            switch nature {
            case .newStart: clauses.append("\(live) AND actual_start >= \(bind: first) AND actual_start <= \(bind: last)")
            case .continuing: clauses.append("\(live) AND actual_start < \(bind: first) AND \(notFinishedBefore)")
            case .underWay: clauses.append("\(live) AND actual_start <= \(bind: last) AND \(notFinishedBefore)")
            case .completed: clauses.append("\(live) AND actual_completion >= \(bind: first) AND actual_completion <= \(bind: last)")
            }
        }
        if let classId = query.schemeClassId {
            clauses.append("EXISTS (SELECT 1 FROM project_classes pc WHERE pc.project_id = projects.id AND pc.class_id = \(bind: classId))")
        }
        if let listId = query.yearListId {
            clauses.append("EXISTS (SELECT 1 FROM year_list_entries e WHERE e.project_id = projects.id AND e.list_id = \(bind: listId))")
        }
        if let light = query.light {
            clauses.append("EXISTS (SELECT 1 FROM project_lights pl WHERE pl.project_id = projects.id AND pl.colour = \(bind: light.rawValue) AND pl.id = (SELECT MAX(x.id) FROM project_lights x WHERE x.project_id = projects.id))")
        }
        if query.owed {
            clauses.append("(investment_type = \(bind: InvestmentType.pending.rawValue) OR category_code = \(bind: Category.pendingCode))")
        }
        return clauses.joined(separator: " AND ")
    }

    /// The SQL form of a scope: the union of its rules.
    static func scopeClause(_ scope: ProjectScope) -> SQLQueryString {
        if scope.isEverything { return "1 = 1" }
        if scope.isEmpty { return "1 = 0" }
        let rules: [SQLQueryString] = scope.rules.map { rule in
            var reach: SQLQueryString
            switch rule.reach {
            case .everything:
                reach = "1 = 1"
            case .regions(let codes):
                reach = codes.isEmpty ? "1 = 0" : "region_code IN (\(binds: codes.sorted()))"
            case .zones(let codes):
                reach = codes.isEmpty ? "1 = 0" : "zone_code IN (\(binds: codes.sorted()))"
            case .departments(let codes, let support):
                let list = codes.sorted()
                reach = codes.isEmpty ? "1 = 0" : "lead_department_code IN (\(binds: list))"
                if support && !codes.isEmpty {
                    reach = "(\(reach) OR EXISTS (SELECT 1 FROM project_support_departments sd WHERE sd.project_id = projects.id AND sd.department_code IN (\(binds: list))))"
                }
            case .secretaryPositions(let ids):
                reach = ids.isEmpty ? "1 = 0" : "secretary_position_id IN (\(binds: ids.sorted()))"
            case .sponsorPositions(let ids):
                reach = ids.isEmpty ? "1 = 0" : "sponsor_position_id IN (\(binds: ids.sorted()))"
            case .projects(let ids):
                reach = ids.isEmpty ? "1 = 0" : "projects.id IN (\(binds: ids.sorted()))"
            }
            if let stages = rule.stages {
                reach = "(\(reach) AND stage IN (\(binds: stages.map(\.rawValue).sorted())))"
            }
            return reach
        }
        return "(" + rules.joined(separator: " OR ") + ")"
    }

    /// NULLs last on both engines, then a stable tie-break by id.
    static func orderBy(_ query: ProjectQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        let column = sortColumn(query.sort)
        return (column.nullable ? "(\(column.sql) IS NULL), " : "") + "\(column.sql) \(direction), id \(direction)"
    }

    /// What the ledger sorts by for `sort` (ties by id, NULLs last in both directions), its
    /// columns qualified by `table` when one is given.
    static func sortColumn(_ sort: ProjectQuery.SortKey, table: String? = nil) -> (sql: String, nullable: Bool) {
        let prefix = table.map { "\($0)." } ?? ""
        switch sort {
        case .name: return (prefix + "name", false)
        case .code: return (prefix + "code", true)
        case .totalInvestment: return (prefix + "total_investment", false)
        case .plannedStart: return (prefix + "planned_start", true)
        case .actualStart: return (prefix + "actual_start", true)
        case .updatedAt: return (prefix + "updated_at", false)
        case .region: return (prefix + "region_code", false)
        case .stage:
            let cases = Stage.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.order)" }.joined(separator: " ")
            return ("CASE \(prefix)stage \(cases) END", false)
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
