import Crypto
import Foundation
import GroundbreakDomain
import Logging
import SQLKit

/// Loads the reference data files shipped in `ReferenceData/` into their tables on migrate.
///
/// A file is loaded again only when its checksum changes. Rows an administrator has edited
/// (`locally_edited = 1`) are never overwritten by a file.
public struct ReferenceDataLoader: Sendable {
    public let database: Database
    let logger: Logger

    public init(database: Database, logger: Logger = Logger(label: "groundbreak.reference")) {
        self.database = database
        self.logger = logger
    }

    /// A CSV file and the table it fills. Columns named in `integers` are bound as numbers,
    /// `nullable` ones as NULL when empty.
    struct TableFile: Sendable {
        let file: String
        let table: String
        let columns: [String]
        var integers: Set<String> = ["sort"]
        var nullable: Set<String> = ["valid_from", "valid_to"]
        var key = "code"
    }

    static let tableFiles: [TableFile] = [
        TableFile(file: "regions.csv", table: "regions",
                  columns: ["code", "name", "kind", "parent_code", "alias_of", "sort", "valid_from", "valid_to", "confidence", "source", "notes"],
                  nullable: ["parent_code", "alias_of", "valid_from", "valid_to"]),
        TableFile(file: "zones.csv", table: "zones",
                  columns: ["code", "name", "short_name", "level", "code_source", "parent_code", "sort", "valid_from", "valid_to", "confidence", "source", "notes"],
                  nullable: ["parent_code", "valid_from", "valid_to"]),
        TableFile(file: "departments.csv", table: "departments",
                  columns: ["code", "name", "short_name", "level", "region_code", "kind", "sort", "valid_from", "valid_to", "confidence", "source"],
                  nullable: ["region_code", "valid_from", "valid_to"]),
        TableFile(file: "categories.csv", table: "categories",
                  columns: ["code", "level", "parent_code", "name", "sort", "valid_from", "valid_to", "confidence", "source", "notes"],
                  integers: ["level", "sort"], nullable: ["parent_code", "valid_from", "valid_to"]),
        TableFile(file: "industry_sections.csv", table: "industry_sections",
                  columns: ["code", "name", "division_from", "division_to", "valid_from", "valid_to", "source"], integers: []),
        TableFile(file: "industry_divisions.csv", table: "industry_divisions",
                  columns: ["code", "section_code", "name", "valid_from", "valid_to", "source"], integers: []),
        TableFile(file: "size_bands.csv", table: "size_bands",
                  columns: ["code", "label", "min_yuan", "sort", "valid_from", "valid_to", "source", "notes"],
                  integers: ["min_yuan", "sort"]),
        TableFile(file: "tags.csv", table: "tags",
                  columns: ["code", "name", "description", "sort", "valid_from", "valid_to", "source"]),
        TableFile(file: "calendar.csv", table: "calendar_days",
                  columns: ["date", "kind", "festival", "statutory", "source"], integers: ["statutory"], nullable: [], key: "date"),
        TableFile(file: "approval_items.csv", table: "approval_items",
                  columns: ["code", "name", "stage", "department_code", "limit_value", "limit_unit", "promised_value", "count_from",
                            "applies_to", "basis", "confidence", "sort", "valid_from", "valid_to", "source"],
                  integers: ["stage", "limit_value", "promised_value", "sort"], nullable: ["promised_value", "valid_from", "valid_to"]),
    ]

    static let flagRulesFile = "flag_rules.json"

    /// Every reference file shipped with the store, in load order.
    public static var bundledFileNames: [String] { tableFiles.map(\.file) + [flagRulesFile] }

    public struct BadReferenceFile: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { StoreText.badReferenceFile(file, reason) }
    }

    /// A shipped settings file decoded, or the file named in the error.
    static func bundledJSON<T: Decodable>(_ file: String, as type: T.Type) throws -> T {
        let text = try bundledText(file)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw BadReferenceFile(file: file, reason: "\(error)")
        }
    }

    static func bundledText(_ file: String) throws -> String {
        guard let directory = Bundle.module.url(forResource: "ReferenceData", withExtension: nil) else {
            throw BadReferenceFile(file: file, reason: StoreText.referenceFileMissing)
        }
        return try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    /// Loads every changed file; returns the names of the files loaded.
    @discardableResult
    public func load(now: Date = Date()) async throws -> [String] {
        var loaded: [String] = []
        let recorded = try await database.reader.raw("SELECT file, checksum FROM reference_loads").all()
        var checksums: [String: String] = [:]
        for row in recorded {
            checksums[try row.decode(column: "file", as: String.self)] = try row.decode(column: "checksum", as: String.self)
        }
        for tableFile in Self.tableFiles {
            let text = try Self.bundledText(tableFile.file)
            let checksum = Self.checksum(text)
            guard checksums[tableFile.file] != checksum else { continue }
            let records: [[String: String]]
            do { records = try CSV.records(text) } catch {
                throw BadReferenceFile(file: tableFile.file, reason: StoreText.referenceFileNotCSV)
            }
            try await database.transaction { db in
                for record in records {
                    try await Self.upsert(record, into: tableFile, db: db)
                }
                if tableFile.table == "calendar_days" {
                    try await CalendarRepository.recordYears(Set(records.compactMap { $0["date"].flatMap(Day.parse)?.year }),
                                                            source: tableFile.file, now: now, db: db)
                }
                try await Self.recordLoad(file: tableFile.file, checksum: checksum, now: now, db: db)
            }
            logger.info("loaded reference data", metadata: ["file": "\(tableFile.file)", "rows": "\(records.count)"])
            loaded.append(tableFile.file)
        }
        let rulesText = try Self.bundledText(Self.flagRulesFile)
        let rulesChecksum = Self.checksum(rulesText)
        if checksums[Self.flagRulesFile] != rulesChecksum {
            let rules = try Self.decodeFlagRules(rulesText)
            try await database.transaction { db in
                for rule in rules {
                    try await Self.upsert(rule, db: db)
                }
                try await Self.recordLoad(file: Self.flagRulesFile, checksum: rulesChecksum, now: now, db: db)
            }
            loaded.append(Self.flagRulesFile)
        }
        return loaded
    }

    static func checksum(_ text: String) -> String {
        Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }

    private struct FlagRulesDocument: Decodable {
        let rules: [FlagRule]
    }

    static func decodeFlagRules(_ text: String) throws -> [FlagRule] {
        do {
            return try JSONDecoder().decode(FlagRulesDocument.self, from: Data(text.utf8)).rules
        } catch {
            throw BadReferenceFile(file: flagRulesFile, reason: "\(error)")
        }
    }

    private static func upsert(_ record: [String: String], into tableFile: TableFile, db: any SQLDatabase) async throws {
        var binds: [any Encodable & Sendable] = []
        for column in tableFile.columns {
            let value = record[column] ?? ""
            if tableFile.nullable.contains(column) && value.isEmpty {
                // Typed nulls: PostgreSQL will not put a text NULL into a BIGINT column.
                binds.append(tableFile.integers.contains(column) ? (Int64?.none as any Encodable & Sendable) : String?.none)
            } else if tableFile.integers.contains(column) {
                guard let number = Int64(value) else {
                    throw BadReferenceFile(file: tableFile.file, reason: StoreText.referenceNotInteger(column, value))
                }
                binds.append(number)
            } else {
                binds.append(value)
            }
        }
        guard let key = record[tableFile.key], !key.isEmpty else {
            throw BadReferenceFile(file: tableFile.file, reason: StoreText.referenceRowWithoutCode)
        }
        let updates = tableFile.columns.filter { $0 != tableFile.key }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let query: SQLQueryString = """
            INSERT INTO \(ident: tableFile.table) (\(unsafeRaw: tableFile.columns.joined(separator: ", ")))
            VALUES (\(binds: binds))
            ON CONFLICT (\(ident: tableFile.key)) DO UPDATE SET \(unsafeRaw: updates)
            WHERE \(ident: tableFile.table).locally_edited = 0
            """
        try await db.raw(query).run()
    }

    private static func upsert(_ rule: FlagRule, db: any SQLDatabase) async throws {
        let conditions = String(decoding: try JSONEncoder().encode(rule.conditions), as: UTF8.self)
        try await db.raw("""
            INSERT INTO flag_rules (code, label, severity, conditions, basis, valid_from, valid_to, source)
            VALUES (\(bind: rule.code), \(bind: rule.label), \(bind: rule.severity.rawValue), \(bind: conditions),
                    \(bind: rule.basis), \(bind: rule.validFrom?.iso), \(bind: rule.validTo?.iso), \(bind: flagRulesFile))
            ON CONFLICT (code) DO UPDATE SET label = excluded.label, severity = excluded.severity,
                conditions = excluded.conditions, basis = excluded.basis, valid_from = excluded.valid_from,
                valid_to = excluded.valid_to, source = excluded.source
            WHERE flag_rules.locally_edited = 0
            """).run()
    }

    private static func recordLoad(file: String, checksum: String, now: Date, db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO reference_loads (file, checksum, loaded_at) VALUES (\(bind: file), \(bind: checksum), \(bind: StoredTime.text(now)))
            ON CONFLICT (file) DO UPDATE SET checksum = excluded.checksum, loaded_at = excluded.loaded_at
            """).run()
    }
}
