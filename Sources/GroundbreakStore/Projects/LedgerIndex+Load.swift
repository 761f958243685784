import Foundation
import GroundbreakDomain
import SQLKit

extension LedgerIndex {
    /// Reads the index in one read transaction, so the generation and every row describe the
    /// same instant.
    static func load(_ database: Database) async throws -> LedgerIndex {
        try await database.consistentRead { db in try await load(db) }
    }

    private static func load(_ db: any SQLDatabase) async throws -> LedgerIndex {
        var index = LedgerIndex(generation: try await LedgerGeneration.current(db))
        try index.place(try await db.raw("SELECT \(unsafeRaw: projectColumns) FROM projects ORDER BY id").all())
        try await index.readLights(of: nil, db: db)
        try await index.readMembers(of: nil, db: db)
        for sort in ProjectQuery.SortKey.allCases {
            try await index.readOrder(sort, db: db)
        }
        return index
    }

    /// `sort`'s order as the database gives it, every row: at a whole read, and when too many rows
    /// move at once for the database to place them one by one.
    mutating func readOrder(_ sort: ProjectQuery.SortKey, db: any SQLDatabase) async throws {
        var query = ProjectQuery()
        query.sort = sort
        query.descending = false
        var ascending: [Int32] = []
        ascending.reserveCapacity(rows.count)
        for row in try await db.raw("SELECT id FROM projects ORDER BY \(unsafeRaw: ProjectRepository.orderBy(query))").all() {
            guard let position = rowOfProject[try row.decode(column: "id", as: Int64.self)] else { throw LedgerIndexUnavailable() }
            ascending.append(position)
        }
        guard ascending.count == rows.count else { throw LedgerIndexUnavailable() }
        let column = ProjectRepository.sortColumn(sort)
        let nulls = column.nullable
            ? try await db.raw("SELECT COUNT(*) AS n FROM projects WHERE \(unsafeRaw: column.sql) IS NULL").first()?.decode(column: "n", as: Int.self) ?? 0
            : 0
        setOrder(sort, ascending: ascending, nulls: nulls)
    }

    /// An index of no rows at `generation`, to be filled.
    init(generation: Int64) {
        self.init(
            generation: generation, rows: [], ids: [], secretaries: [], sponsors: [], codes: [:], text: [], textStart: [0],
            levels: [:], tags: [:], classes: [:], yearLists: [:], supportDepartments: [:], rowOfProject: [:], orders: [:], nullCounts: [:],
            datesReadable: true
        )
    }

    static let projectColumns = """
        id, region_code, zone_code, category_code, industry_section, industry_division, lead_department_code, stage, investment_type,
        total_investment, actual_start, actual_completion, secretary_position_id, sponsor_position_id, search_text
        """

    /// Puts each project row (`projectColumns`) in its place: over its old row when the index has
    /// the project, else at the end. Returns the rows' positions.
    @discardableResult
    mutating func place(_ projects: [any SQLRow]) throws -> [Int32] {
        let stageIndex = Dictionary(uniqueKeysWithValues: Self.stages.enumerated().map { ($1.rawValue, UInt8($0)) })
        var replacedText: [Int32: [UInt8]] = [:]
        var positions: [Int32] = []
        for row in projects {
            let id = try row.decode(column: "id", as: Int64.self)
            let stage = try row.decode(column: "stage", as: String.self)
            // A stage this build does not know cannot be filtered as SQL would: no index then.
            guard let stageCode = stageIndex[stage] else { throw LedgerIndexUnavailable() }
            let values = Row(
                region: intern(try row.decode(column: "region_code", as: String.self)),
                zone: intern(try row.decode(column: "zone_code", as: String?.self)),
                category: intern(try row.decode(column: "category_code", as: String.self)),
                section: intern(try row.decode(column: "industry_section", as: String?.self)),
                division: intern(try row.decode(column: "industry_division", as: String?.self)),
                department: intern(try row.decode(column: "lead_department_code", as: String?.self)),
                stage: stageCode,
                light: 0,
                investmentType: intern(try row.decode(column: "investment_type", as: String.self)),
                investment: try row.decode(column: "total_investment", as: Int64.self),
                actualStart: day(try row.decode(column: "actual_start", as: String?.self)),
                actualCompletion: day(try row.decode(column: "actual_completion", as: String?.self))
            )
            let secretary = try row.decode(column: "secretary_position_id", as: Int64?.self) ?? 0
            let sponsor = try row.decode(column: "sponsor_position_id", as: Int64?.self) ?? 0
            let searchText = Array(try row.decode(column: "search_text", as: String.self).utf8)
            if let position = rowOfProject[id] {
                var kept = values
                kept.light = rows[Int(position)].light
                rows[Int(position)] = kept
                secretaries[Int(position)] = secretary
                sponsors[Int(position)] = sponsor
                replacedText[position] = searchText
                positions.append(position)
            } else {
                let position = Int32(rows.count)
                rowOfProject[id] = position
                ids.append(id)
                secretaries.append(secretary)
                sponsors.append(sponsor)
                rows.append(values)
                text.append(contentsOf: searchText)
                textStart.append(text.count)
                positions.append(position)
            }
        }
        if !replacedText.isEmpty { replaceText(replacedText) }
        return positions
    }

    /// Lays `text` out again with the given rows' text replaced.
    private mutating func replaceText(_ replaced: [Int32: [UInt8]]) {
        var newText: [UInt8] = []
        newText.reserveCapacity(text.count + replaced.values.reduce(0) { $0 + $1.count })
        var newStart: [Int] = [0]
        newStart.reserveCapacity(textStart.count)
        for position in 0..<rows.count {
            if let bytes = replaced[Int32(position)] {
                newText.append(contentsOf: bytes)
            } else {
                newText.append(contentsOf: text[textStart[position]..<textStart[position + 1]])
            }
            newStart.append(newText.count)
        }
        text = newText
        textStart = newStart
    }

    /// The latest light of `projects` (every project when nil); a project without one has none.
    mutating func readLights(of projects: [Int64]?, db: any SQLDatabase) async throws {
        let only: SQLQueryString = projects.map { "WHERE project_id IN (\(binds: $0))" } ?? ""
        for id in projects ?? [] { if let position = rowOfProject[id] { rows[Int(position)].light = 0 } }
        for row in try await db.raw("""
            SELECT pl.project_id, pl.colour FROM project_lights pl
            JOIN (SELECT project_id, MAX(id) AS id FROM project_lights \(only) GROUP BY project_id) latest ON latest.id = pl.id
            """).all() {
            guard let position = rowOfProject[try row.decode(column: "project_id", as: Int64.self)] else { continue }
            // A colour this build does not know matches no light filter, as in SQL.
            if let colour = WarningColour(rawValue: try row.decode(column: "colour", as: String.self)) {
                rows[Int(position)].light = Self.lightIndex(colour)
            } else {
                rows[Int(position)].light = UInt8(WarningColour.allCases.count + 1)
            }
        }
    }

    /// The one-to-many filters' members of `projects` (every project when nil), replacing what
    /// the index held for them.
    mutating func readMembers(of projects: [Int64]?, db: any SQLDatabase) async throws {
        let only: SQLQueryString = projects.map { "WHERE project_id IN (\(binds: $0))" } ?? ""
        var changed = [Bool](repeating: false, count: rows.count)
        for id in projects ?? [] { if let position = rowOfProject[id] { changed[Int(position)] = true } }
        let rowOfProject = rowOfProject
        func members<Key: Hashable & Decodable>(_ table: SQLQueryString, _ current: inout [Key: [Int32]]) async throws {
            if projects != nil {
                for key in Array(current.keys) {
                    current[key]!.removeAll { changed[Int($0)] }
                    if current[key]!.isEmpty { current[key] = nil }
                }
            }
            for row in try await db.raw("\(table) \(only)").all() {
                guard let position = rowOfProject[try row.decode(column: "project_id", as: Int64.self)] else { continue }
                current[try row.decode(column: "member", as: Key.self), default: []].append(position)
            }
        }
        try await members("SELECT project_id, level AS member FROM project_levels", &levels)
        try await members("SELECT project_id, tag_code AS member FROM project_tags", &tags)
        try await members("SELECT project_id, class_id AS member FROM project_classes", &classes)
        try await members("SELECT project_id, list_id AS member FROM year_list_entries", &yearLists)
        try await members("SELECT project_id, department_code AS member FROM project_support_departments", &supportDepartments)
    }

    /// Keeps `ascending` (NULL sort values, `nulls` of them, at its end) and the descending order
    /// made from it: the same total order reversed, NULLs still last.
    mutating func setOrder(_ sort: ProjectQuery.SortKey, ascending: [Int32], nulls: Int) {
        let valued = ascending.count - nulls
        orders[Self.orderKey(sort, descending: false)] = ascending
        orders[Self.orderKey(sort, descending: true)] = Array(ascending[..<valued].reversed()) + Array(ascending[valued...].reversed())
        nullCounts[sort] = nulls
    }

    private mutating func intern(_ value: String?) -> Int32 {
        guard let value else { return -1 }
        if let code = codes[value] { return code }
        let code = Int32(codes.count)
        codes[value] = code
        return code
    }

    private mutating func day(_ value: String?) -> Int32 {
        guard let value else { return 0 }
        guard let number = Self.dayNumber(value) else { datesReadable = false; return 0 }
        return number
    }
}

/// The ledger could not be read into an index exactly as SQL filters it; the list stays on SQL.
struct LedgerIndexUnavailable: Error {}
