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
        let generation = try await LedgerGeneration.current(db)
        var codes: [String: Int32] = [:]
        func intern(_ value: String?) -> Int32 {
            guard let value else { return -1 }
            if let code = codes[value] { return code }
            let code = Int32(codes.count)
            codes[value] = code
            return code
        }
        let stageIndex = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1.rawValue, UInt8($0)) })
        var rows: [Row] = []
        var ids: [Int64] = [], secretaries: [Int64] = [], sponsors: [Int64] = []
        var text: [UInt8] = []
        var textStart: [Int] = [0]
        var rowOfProject: [Int64: Int32] = [:]
        var datesReadable = true
        func day(_ value: String?) -> Int32 {
            guard let value else { return 0 }
            guard let number = dayNumber(value) else { datesReadable = false; return 0 }
            return number
        }
        for row in try await db.raw("""
            SELECT id, region_code, zone_code, category_code, industry_section, industry_division, lead_department_code,
                stage, investment_type, total_investment, actual_start, actual_completion, secretary_position_id,
                sponsor_position_id, search_text
            FROM projects ORDER BY id
            """).all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let stage = try row.decode(column: "stage", as: String.self)
            // A stage this build does not know cannot be filtered as SQL would: no index then.
            guard let stageCode = stageIndex[stage] else { throw LedgerIndexUnavailable() }
            rowOfProject[id] = Int32(rows.count)
            ids.append(id)
            secretaries.append(try row.decode(column: "secretary_position_id", as: Int64?.self) ?? 0)
            sponsors.append(try row.decode(column: "sponsor_position_id", as: Int64?.self) ?? 0)
            rows.append(Row(
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
            ))
            text.append(contentsOf: try row.decode(column: "search_text", as: String.self).utf8)
            textStart.append(text.count)
        }

        for row in try await db.raw("""
            SELECT pl.project_id, pl.colour FROM project_lights pl
            JOIN (SELECT project_id, MAX(id) AS id FROM project_lights GROUP BY project_id) latest ON latest.id = pl.id
            """).all() {
            guard let position = rowOfProject[try row.decode(column: "project_id", as: Int64.self)] else { continue }
            // A colour this build does not know matches no light filter, as in SQL.
            if let colour = WarningColour(rawValue: try row.decode(column: "colour", as: String.self)) {
                rows[Int(position)].light = lightIndex(colour)
            } else {
                rows[Int(position)].light = UInt8(WarningColour.allCases.count + 1)
            }
        }

        func members<Key: Hashable & Decodable>(_ sql: SQLQueryString, key: Key.Type) async throws -> [Key: [Int32]] {
            var members: [Key: [Int32]] = [:]
            for row in try await db.raw(sql).all() {
                guard let position = rowOfProject[try row.decode(column: "project_id", as: Int64.self)] else { continue }
                members[try row.decode(column: "member", as: Key.self), default: []].append(position)
            }
            return members
        }
        let levels = try await members("SELECT project_id, level AS member FROM project_levels", key: String.self)
        let tags = try await members("SELECT project_id, tag_code AS member FROM project_tags", key: String.self)
        let classes = try await members("SELECT project_id, class_id AS member FROM project_classes", key: Int64.self)
        let yearLists = try await members("SELECT project_id, list_id AS member FROM year_list_entries", key: Int64.self)
        let support = try await members("SELECT project_id, department_code AS member FROM project_support_departments", key: String.self)

        var orders: [String: [Int32]] = [:]
        for sort in ProjectQuery.SortKey.allCases {
            for descending in [false, true] {
                var query = ProjectQuery()
                query.sort = sort
                query.descending = descending
                let ordered = try await db.raw("SELECT id FROM projects ORDER BY \(unsafeRaw: ProjectRepository.orderBy(query))").all()
                var positions: [Int32] = []
                positions.reserveCapacity(rows.count)
                for row in ordered {
                    guard let position = rowOfProject[try row.decode(column: "id", as: Int64.self)] else { throw LedgerIndexUnavailable() }
                    positions.append(position)
                }
                guard positions.count == rows.count else { throw LedgerIndexUnavailable() }
                orders[orderKey(sort, descending: descending)] = positions
            }
        }
        return LedgerIndex(
            generation: generation, rows: rows, ids: ids, secretaries: secretaries, sponsors: sponsors, codes: codes, text: text, textStart: textStart,
            levels: levels, tags: tags, classes: classes, yearLists: yearLists, supportDepartments: support,
            rowOfProject: rowOfProject, orders: orders, datesReadable: datesReadable
        )
    }
}

/// The ledger could not be read into an index exactly as SQL filters it; the list stays on SQL.
struct LedgerIndexUnavailable: Error {}
