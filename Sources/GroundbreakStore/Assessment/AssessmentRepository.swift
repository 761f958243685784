import Foundation
import GroundbreakDomain
import SQLKit

/// What the cross-unit table is computed from, and the tables frozen when months close.
public struct AssessmentRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The shipped scheme (`assessment_scheme.json`), refused by name when it cannot score.
    public static func scheme() throws -> AssessmentScheme {
        let scheme = try ReferenceDataLoader.bundledJSON("assessment_scheme.json", as: AssessmentScheme.self)
        guard scheme.problems.isEmpty else {
            throw ReferenceDataLoader.BadReferenceFile(file: "assessment_scheme.json", reason: scheme.problems.joined(separator: "; "))
        }
        return scheme
    }

    /// Every project, this year's and last year's reports through `month` (closed months as
    /// frozen), the year's plans and targets, admissions and problems: all units' figures from
    /// one read of each.
    public func inputs(month: Month, reportRules: ReportRules, lights: [Int64: WarningColour]?) async throws -> AssessmentInputs {
        let reports = MonthlyReportRepository(database: database)
        let targets = TargetRepository(database: database)
        let db = database.reader
        var admitted: [Int64: Day] = [:]
        for row in try await db.raw("SELECT project_id, admitted_on FROM stats_inclusions").all() {
            if let day = Day.parse(try row.decode(column: "admitted_on", as: String.self)) {
                admitted[try row.decode(column: "project_id", as: Int64.self)] = day
            }
        }
        let yearTargets = try await db.raw("SELECT * FROM unit_targets WHERE year = \(bind: month.year)").all().compactMap { row -> UnitTarget? in
            guard let kind = TargetUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)) else { return nil }
            return UnitTarget(unit: TargetUnit(kind: kind, code: try row.decode(column: "unit_code", as: String.self)), year: month.year,
                              indicator: try row.decode(column: "indicator", as: String.self), value: try row.decode(column: "value", as: Double.self),
                              curve: try row.decode(column: "curve", as: String.self))
        }
        let calendar = try await CalendarRepository(database: database).calendar()
        var decided: [Int64: [(decidedOn: Day, onTime: Bool)]] = [:]
        for listing in try await ProjectApprovalRepository(database: database).listings(scope: .everything, departments: [], openOnly: false) {
            guard let day = listing.approval.decidedOn else { continue }
            switch ApprovalClock.read(listing.approval, item: listing.item, calendar: calendar, today: day).state {
            case .doneOnTime: decided[listing.approval.projectId, default: []].append((day, true))
            case .doneLate: decided[listing.approval.projectId, default: []].append((day, false))
            default: break
            }
        }
        return AssessmentInputs(
            month: month,
            projects: try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything),
            reports: try await targets.asReported(try await reports.reports(from: Month(year: month.year, month: 1)!, through: month)),
            lastYearReports: try await targets.asReported(try await reports.reports(from: Month(year: month.year - 1, month: 1)!,
                                                                                    through: Month(year: month.year - 1, month: month.month)!)),
            plans: try await AnnualPlanRepository(database: database).plans(year: month.year),
            targets: yearTargets, admittedOn: admitted,
            problems: try await ProblemRepository(database: database).all(reach: .all),
            reportRules: reportRules, decidedApprovals: decided, lights: lights)
    }

    /// The month's table: the frozen one once the month has closed, otherwise computed from the
    /// data now, each rank's change against last month's table (frozen or computed) of the same
    /// year. `lights` are today's colours: given only for the month they describe.
    public func table(month: Month, scheme: AssessmentScheme, catalog: ReferenceCatalog, indicators: IndicatorCatalog, reportRules: ReportRules,
                      lights: [Int64: WarningColour]?) async throws -> AssessmentTable {
        if let frozen = try await frozen(month) { return frozen }
        func computed(_ month: Month, previous: AssessmentTable?, lights: [Int64: WarningColour]?) async throws -> AssessmentTable {
            AssessmentCalculator.table(try await inputs(month: month, reportRules: reportRules, lights: lights),
                                       units: AssessmentCalculator.comparedUnits(catalog, on: month.lastDay), scheme: scheme, previous: previous,
                                       catalog: catalog, indicators: indicators)
        }
        var previous: AssessmentTable?
        if month.month > 1 {
            previous = try await frozen(month.previous)
            if previous == nil { previous = try await computed(month.previous, previous: nil, lights: nil) }
        }
        return try await computed(month, previous: previous, lights: lights)
    }

    /// The table frozen when `month` closed, if it has.
    public func frozen(_ month: Month) async throws -> AssessmentTable? {
        guard let row = try await database.reader.raw("SELECT table_json FROM assessment_tables WHERE month = \(bind: month.iso)").first() else {
            return nil
        }
        return try JSONDecoder().decode(AssessmentTable.self, from: Data(try row.decode(column: "table_json", as: String.self).utf8))
    }

    /// Keeps the month's table as it stands, inside the month's close.
    static func freeze(_ table: AssessmentTable, actor: AuditActor, now: Date, db: any SQLDatabase) async throws {
        var table = table
        table.frozen = AssessmentTable.Frozen(at: now, by: actor.name)
        let json = String(decoding: try JSONEncoder().encode(table), as: UTF8.self)
        try await db.raw("""
            INSERT INTO assessment_tables (month, scheme_version, table_json, frozen_at, frozen_by)
            VALUES (\(bind: table.month.iso), \(bind: table.scheme.version), \(bind: json), \(bind: StoredTime.text(now)), \(bind: actor.name))
            """).run()
    }

    static func thaw(_ month: Month, db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM assessment_tables WHERE month = \(bind: month.iso)").run()
    }
}
