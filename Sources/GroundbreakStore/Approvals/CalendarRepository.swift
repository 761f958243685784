import Foundation
import GroundbreakDomain
import SQLKit

/// The State Council holiday calendar: shipped years, and next year's notice loaded by an
/// administrator when it is published.
public struct CalendarRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func calendar() async throws -> WorkingCalendar {
        let years = try await database.reader.raw("SELECT year FROM calendar_years").all().map { try $0.decode(column: "year", as: Int.self) }
        let exceptions = try await database.reader.raw("SELECT * FROM calendar_days").all().compactMap { row -> CalendarException? in
            guard let day = Day.parse(try row.decode(column: "date", as: String.self)),
                  let kind = CalendarException.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return CalendarException(day: day, kind: kind, festival: try row.decode(column: "festival", as: String.self),
                                     statutory: try row.decode(column: "statutory", as: Int.self) != 0)
        }
        return WorkingCalendar(years: Set(years), exceptions: exceptions)
    }

    public struct LoadedYear: Sendable, Equatable {
        public var year: Int
        public var source: String
        public var loadedAt: Date
        public var holidays: Int
        public var workdays: Int
    }

    public func years() async throws -> [LoadedYear] {
        let calendar = try await calendar()
        return try await database.reader.raw("SELECT * FROM calendar_years ORDER BY year").all().map { row in
            let year = try row.decode(column: "year", as: Int.self)
            let days = (1...12).flatMap { month in (1...Day.daysIn(month: month, year: year)).compactMap { Day(year: year, month: month, day: $0) } }
            return LoadedYear(
                year: year, source: try row.decode(column: "source", as: String.self),
                loadedAt: try StoredTime.decode(row, "loaded_at"),
                holidays: days.filter { calendar.exception(on: $0)?.kind == .holiday }.count,
                workdays: days.filter { calendar.isWorkingDay($0) }.count
            )
        }
    }

    static func recordYears(_ years: Set<Int>, source: String, now: Date, db: any SQLDatabase) async throws {
        for year in years.sorted() {
            try await db.raw("""
                INSERT INTO calendar_years (year, source, loaded_at) VALUES (\(bind: year), \(bind: source), \(bind: StoredTime.text(now)))
                ON CONFLICT (year) DO NOTHING
                """).run()
        }
    }

    /// Loads a year's notice: CSV `date,kind,festival,statutory` (kind `holiday` or `workday`).
    /// Every row must fall in `year`; a make-up working day must be a weekend and a holiday must
    /// not be. The year's previous rows are replaced. Nothing changes if any row is wrong.
    public func importYear(_ year: Int, csv: String, source: String, actor: AuditActor, now: Date = Date()) async throws -> Int {
        guard (2000...2100).contains(year) else { throw StoreError.invalid(ValidationFailure([FieldError("year", .unknownCode(field: "year", code: String(year)))])) }
        let records: [[String: String]]
        do { records = try CSV.records(csv) } catch {
            throw StoreError.invalid(ValidationFailure([FieldError("csv", .calendarRow(line: 0, problem: .notCSV))]))
        }
        var errors: [FieldError] = []
        var exceptions: [CalendarException] = []
        for (index, record) in records.enumerated() {
            let line = index + 2
            guard let day = Day.parse(record["date"] ?? "") else { errors.append(FieldError("csv", .calendarRow(line: line, problem: .badDate))); continue }
            guard day.year == year else { errors.append(FieldError("csv", .calendarRow(line: line, problem: .wrongYear))); continue }
            guard let kind = CalendarException.Kind(rawValue: (record["kind"] ?? "").trimmingCharacters(in: .whitespaces)) else {
                errors.append(FieldError("csv", .calendarRow(line: line, problem: .badKind)))
                continue
            }
            if kind == .workday && day.weekday <= 5 { errors.append(FieldError("csv", .calendarRow(line: line, problem: .workdayOnWeekday))) }
            if exceptions.contains(where: { $0.day == day }) { errors.append(FieldError("csv", .calendarRow(line: line, problem: .duplicate))) }
            exceptions.append(CalendarException(day: day, kind: kind, festival: record["festival"] ?? "", statutory: ["1", "Y", "y", "是"].contains(record["statutory"] ?? "")))
        }
        if exceptions.isEmpty && errors.isEmpty { errors.append(FieldError("csv", .calendarRow(line: 0, problem: .empty))) }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let rows = exceptions
        try await database.transaction { db in
            try await db.raw("DELETE FROM calendar_days WHERE date >= \(bind: "\(year)-01-01") AND date <= \(bind: "\(year)-12-31")").run()
            for exception in rows {
                try await db.raw("""
                    INSERT INTO calendar_days (date, kind, festival, statutory, source, locally_edited)
                    VALUES (\(bind: exception.day.iso), \(bind: exception.kind.rawValue), \(bind: exception.festival), \(bind: exception.statutory ? 1 : 0), \(bind: source), 1)
                    """).run()
            }
            try await db.raw("DELETE FROM calendar_years WHERE year = \(bind: year)").run()
            try await db.raw("INSERT INTO calendar_years (year, source, loaded_at) VALUES (\(bind: year), \(bind: source), \(bind: StoredTime.text(now)))").run()
            try await LedgerGeneration.bump(db)
            try await SharedDataGeneration.bump(db)
            try await AuditLog.write(entity: "calendar", entityId: String(year), action: "import", before: nil,
                                     after: AuditLog.json(["rows": rows.count]), reason: source, actor: actor, now: now, db: db)
        }
        return rows.count
    }
}
