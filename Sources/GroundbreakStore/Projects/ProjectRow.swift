import Foundation
import GroundbreakDomain
import SQLKit

/// Mapping between `Project` and the `projects` table with its child tables.
enum ProjectRow {
    /// Column values in `columns` order for INSERT and UPDATE.
    static let columns = [
        "code", "name", "owner_name", "owner_credit_code", "region_code", "zone_code", "category_code",
        "industry_division", "industry_section", "investment_type", "total_investment", "construction_content",
        "address", "longitude", "latitude", "planned_start", "planned_completion", "actual_start",
        "actual_completion", "stage", "suspended_from", "stage_note", "lead_department_code",
        "sponsor_position_id", "secretary_position_id", "search_text",
    ]

    static func values(_ fields: ProjectFields, stage: Stage, suspendedFrom: Stage?, stageNote: String?, catalog: ReferenceCatalog) -> [any Encodable & Sendable] {
        let section = fields.industryDivision.flatMap { catalog.division($0)?.sectionCode }
        return [
            fields.code?.value, fields.name, fields.ownerName, fields.ownerCreditCode?.value, fields.regionCode,
            fields.zoneCode, fields.categoryCode, fields.industryDivision, section, fields.investmentType.rawValue,
            fields.totalInvestment.yuan, fields.constructionContent, fields.location.address, fields.location.longitude,
            fields.location.latitude, fields.plannedStart?.iso, fields.plannedCompletion?.iso, fields.actualStart?.iso,
            fields.actualCompletion?.iso, stage.rawValue, suspendedFrom?.rawValue, stageNote, fields.leadDepartmentCode,
            fields.sponsorPositionId, fields.secretaryPositionId, searchText(fields),
        ]
    }

    /// What the ledger's text search looks in.
    static func searchText(_ fields: ProjectFields) -> String {
        [fields.name, fields.code?.value ?? "", fields.ownerName, fields.ownerCreditCode?.value ?? ""]
            .joined(separator: " ").lowercased()
    }

    struct Children {
        var levels: [ProjectLevel] = []
        var tags: [String] = []
        var supportDepartments: [String] = []

        init() {}

        /// The child rows `writeChildren` writes for `fields`.
        init(_ fields: ProjectFields) {
            (levels, tags, supportDepartments) = (fields.levels, fields.tags, fields.supportDepartmentCodes)
        }
    }

    static func project(_ row: any SQLRow, children: Children) throws -> Project {
        func day(_ column: String) throws -> Day? {
            try row.decode(column: column, as: String?.self).flatMap(Day.parse)
        }
        let code = try row.decode(column: "code", as: String?.self).flatMap { try? ProjectCode.parse($0).get() }
        let credit = try row.decode(column: "owner_credit_code", as: String?.self).flatMap { try? CreditCode.parse($0).get() }
        let fields = ProjectFields(
            name: try row.decode(column: "name", as: String.self),
            code: code,
            ownerName: try row.decode(column: "owner_name", as: String.self),
            ownerCreditCode: credit,
            regionCode: try row.decode(column: "region_code", as: String.self),
            zoneCode: try row.decode(column: "zone_code", as: String?.self),
            categoryCode: try row.decode(column: "category_code", as: String.self),
            industryDivision: try row.decode(column: "industry_division", as: String?.self),
            investmentType: InvestmentType(rawValue: try row.decode(column: "investment_type", as: String.self)) ?? .enterprise,
            totalInvestment: Money(yuan: try row.decode(column: "total_investment", as: Int64.self)),
            constructionContent: try row.decode(column: "construction_content", as: String.self),
            location: Location(
                address: try row.decode(column: "address", as: String.self),
                longitude: try row.decode(column: "longitude", as: Double?.self),
                latitude: try row.decode(column: "latitude", as: Double?.self)
            ),
            plannedStart: try day("planned_start"),
            plannedCompletion: try day("planned_completion"),
            actualStart: try day("actual_start"),
            actualCompletion: try day("actual_completion"),
            levels: children.levels.sorted(),
            tags: children.tags.sorted(),
            leadDepartmentCode: try row.decode(column: "lead_department_code", as: String?.self),
            supportDepartmentCodes: children.supportDepartments.sorted(),
            sponsorPositionId: try row.decode(column: "sponsor_position_id", as: Int64?.self),
            secretaryPositionId: try row.decode(column: "secretary_position_id", as: Int64?.self)
        )
        return Project(
            id: try row.decode(column: "id", as: Int64.self),
            fields: fields,
            stage: Stage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .reserve,
            suspendedFrom: try row.decode(column: "suspended_from", as: String?.self).flatMap(Stage.init(rawValue:)),
            stageNote: try row.decode(column: "stage_note", as: String?.self),
            createdAt: try StoredTime.decode(row, "created_at"),
            updatedAt: try StoredTime.decode(row, "updated_at"),
            version: try row.decode(column: "version", as: Int.self)
        )
    }

    /// Levels, tags and support departments of the given projects.
    static func children(of ids: [Int64], db: any SQLDatabase) async throws -> [Int64: Children] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: Children] = [:]
        for row in try await db.raw("SELECT project_id, level FROM project_levels WHERE project_id IN (\(binds: ids))").all() {
            let id = try row.decode(column: "project_id", as: Int64.self)
            if let level = ProjectLevel(rawValue: try row.decode(column: "level", as: String.self)) {
                result[id, default: Children()].levels.append(level)
            }
        }
        for row in try await db.raw("SELECT project_id, tag_code FROM project_tags WHERE project_id IN (\(binds: ids))").all() {
            result[try row.decode(column: "project_id", as: Int64.self), default: Children()].tags
                .append(try row.decode(column: "tag_code", as: String.self))
        }
        for row in try await db.raw("SELECT project_id, department_code FROM project_support_departments WHERE project_id IN (\(binds: ids))").all() {
            result[try row.decode(column: "project_id", as: Int64.self), default: Children()].supportDepartments
                .append(try row.decode(column: "department_code", as: String.self))
        }
        return result
    }

    /// Replaces the child rows of one project with those in `fields`.
    static func writeChildren(projectId: Int64, fields: ProjectFields, replacing: Bool, db: any SQLDatabase) async throws {
        if replacing {
            try await db.raw("DELETE FROM project_levels WHERE project_id = \(bind: projectId)").run()
            try await db.raw("DELETE FROM project_tags WHERE project_id = \(bind: projectId)").run()
            try await db.raw("DELETE FROM project_support_departments WHERE project_id = \(bind: projectId)").run()
        }
        // One statement a table, whatever the number of rows.
        func insert(_ table: String, _ column: String, _ values: [String]) async throws {
            guard !values.isEmpty else { return }
            let rows = values.map { SQLQueryString("(\(bind: projectId), \(bind: $0))") }
            try await db.raw("INSERT INTO \(unsafeRaw: table) (project_id, \(unsafeRaw: column)) VALUES " + rows.joined(separator: ", ")).run()
        }
        try await insert("project_levels", "level", fields.levels.map(\.rawValue))
        try await insert("project_tags", "tag_code", fields.tags)
        try await insert("project_support_departments", "department_code", fields.supportDepartmentCodes)
    }
}
