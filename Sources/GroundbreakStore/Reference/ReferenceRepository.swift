import Foundation
import GroundbreakDomain
import SQLKit

/// Reads all reference data (and the seats that sponsors and secretaries hold) into a catalog.
public struct ReferenceRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Moves with every change to what instances hold in memory besides the ledger: the
    /// catalogue's seats, the approval catalogue, the working-day calendar.
    public func sharedGeneration() async throws -> Int64 {
        try await SharedDataGeneration.current(database.reader)
    }

    public func catalog() async throws -> ReferenceCatalog {
        let db = database.reader
        func validity(_ row: any SQLRow) throws -> Validity {
            Validity(
                validFrom: try row.decodeNil(column: "valid_from") ? nil : Day.parse(try row.decode(column: "valid_from", as: String.self)),
                validTo: try row.decodeNil(column: "valid_to") ? nil : Day.parse(try row.decode(column: "valid_to", as: String.self)),
                source: try row.decode(column: "source", as: String.self)
            )
        }
        let regions = try await db.raw("SELECT * FROM regions").all().map { row in
            Region(
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                kind: Region.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .district,
                parentCode: try row.decode(column: "parent_code", as: String?.self),
                aliasOf: try row.decode(column: "alias_of", as: String?.self),
                sort: try row.decode(column: "sort", as: Int.self),
                validity: try validity(row)
            )
        }
        let zones = try await db.raw("SELECT * FROM zones").all().map { row in
            Zone(
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                shortName: try row.decode(column: "short_name", as: String.self),
                level: try row.decode(column: "level", as: String.self),
                codeSource: try row.decode(column: "code_source", as: String.self),
                parentCode: try row.decode(column: "parent_code", as: String?.self),
                sort: try row.decode(column: "sort", as: Int.self),
                validity: try validity(row)
            )
        }
        let departments = try await db.raw("SELECT * FROM departments").all().map { row in
            Department(
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                shortName: try row.decode(column: "short_name", as: String.self),
                level: try row.decode(column: "level", as: String.self),
                regionCode: try row.decode(column: "region_code", as: String?.self),
                kind: try row.decode(column: "kind", as: String.self),
                sort: try row.decode(column: "sort", as: Int.self),
                validity: try validity(row)
            )
        }
        let categories = try await db.raw("SELECT * FROM categories").all().map { row in
            Category(
                code: try row.decode(column: "code", as: String.self),
                level: try row.decode(column: "level", as: Int.self),
                parentCode: try row.decode(column: "parent_code", as: String?.self),
                name: try row.decode(column: "name", as: String.self),
                sort: try row.decode(column: "sort", as: Int.self),
                validity: try validity(row)
            )
        }
        let sections = try await db.raw("SELECT * FROM industry_sections").all().map { row in
            IndustrySection(
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                validity: try validity(row)
            )
        }
        let divisions = try await db.raw("SELECT * FROM industry_divisions").all().map { row in
            IndustryDivision(
                code: try row.decode(column: "code", as: String.self),
                sectionCode: try row.decode(column: "section_code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                validity: try validity(row)
            )
        }
        let bands = try await db.raw("SELECT * FROM size_bands").all().map { row in
            SizeBand(
                code: try row.decode(column: "code", as: String.self),
                label: try row.decode(column: "label", as: String.self),
                minimum: Money(yuan: try row.decode(column: "min_yuan", as: Int64.self)),
                sort: try row.decode(column: "sort", as: Int.self),
                validity: try validity(row)
            )
        }
        let tags = try await db.raw("SELECT * FROM tags").all().map { row in
            Tag(
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                description: try row.decode(column: "description", as: String.self),
                sort: try row.decode(column: "sort", as: Int.self),
                validity: try validity(row)
            )
        }
        let rules = try await db.raw("SELECT * FROM flag_rules ORDER BY code").all().map { row in
            let conditions = try row.decode(column: "conditions", as: String.self)
            return FlagRule(
                code: try row.decode(column: "code", as: String.self),
                label: try row.decode(column: "label", as: String.self),
                severity: FlagRule.Severity(rawValue: try row.decode(column: "severity", as: String.self)) ?? .info,
                conditions: try JSONDecoder().decode([FlagCondition].self, from: Data(conditions.utf8)),
                basis: try row.decode(column: "basis", as: String.self),
                validFrom: try row.decode(column: "valid_from", as: String?.self).flatMap(Day.parse),
                validTo: try row.decode(column: "valid_to", as: String?.self).flatMap(Day.parse)
            )
        }
        let positions = try await PositionRepository(database: database).all()
        return ReferenceCatalog(
            regions: regions, zones: zones, departments: departments, categories: categories,
            sections: sections, divisions: divisions, sizeBands: bands, tags: tags,
            positions: positions, flagRules: rules
        )
    }
}
