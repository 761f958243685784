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
    public func inputs(month: Month, sets: [AssessmentUnitSet] = [.regions], reportRules: ReportRules, lights: [Int64: WarningColour]?) async throws -> AssessmentInputs {
        var inputs = try await inputsButProjects(month: month, sets: sets, reportRules: reportRules, lights: lights, plans: true)
        let targets = TargetRepository(database: database)
        inputs.projects = try await ProjectRepository(database: database).projects(inStages: Stage.allCases, scope: .everything).map { $0.asOf(month.lastDay) }
        inputs.admittedOn = try await StatsInclusionRepository(database: database).admittedOn(of: nil)
        inputs.decidedApprovals = try await Self.decided(in: month.year, of: nil, database)
        inputs.reportsByProject = try await targets.reportedByProject(from: Month(year: month.year, month: 1)!, through: month)
        inputs.lastYearReportsByProject = try await targets.reportedByProject(from: Month(year: month.year - 1, month: 1)!,
                                                                              through: Month(year: month.year - 1, month: month.month)!)
        return inputs
    }

    /// The same inputs with each project's part (`AssessedProject`) kept between computations
    /// (`ProjectPartsKeeper`) instead of the projects and their reports: after a write, only
    /// the projects it named are computed again.
    func keptInputs(month: Month, sets: [AssessmentUnitSet], reportRules: ReportRules, indicators: IndicatorCatalog,
                    lights: [Int64: WarningColour]?) async throws -> AssessmentInputs {
        // The year's plans are read again only for a task force's groups, measured on them.
        var inputs = try await inputsButProjects(month: month, sets: sets, reportRules: reportRules, lights: lights,
                                                 plans: sets.contains { $0.taskForceId != nil })
        inputs.assessed = try await assessed(month, reportRules: reportRules, indicators: indicators)
        return inputs
    }

    /// What each project's part of the figures is computed for.
    struct PartsKey: Equatable, Sendable {
        var month: Month
        var reportRules: ReportRules
        var indicators: IndicatorCatalog
    }

    /// Each project's part of `month`'s figures, kept and moved forward by the projects changed.
    func assessed(_ month: Month, reportRules: ReportRules, indicators: IndicatorCatalog) async throws -> [AssessedProject] {
        let key = PartsKey(month: month, reportRules: reportRules, indicators: indicators)
        return try await database.assessedProjects.parts(key, database) { [database] ids in
            let projects = ProjectRepository(database: database)
            let targets = TargetRepository(database: database)
            let named = if let ids { try await projects.projects(ids: ids).values.sorted { $0.id < $1.id } } else {
                try await projects.projects(inStages: Stage.allCases, scope: .everything)
            }
            let inputs = AssessmentInputs(
                month: month, projects: named,
                reportsByProject: try await targets.reportedByProject(from: Month(year: month.year, month: 1)!, through: month, of: ids),
                lastYearReportsByProject: try await targets.reportedByProject(from: Month(year: month.year - 1, month: 1)!,
                                                                              through: Month(year: month.year - 1, month: month.month)!, of: ids),
                plans: try await AnnualPlanRepository(database: database).plans(year: month.year, of: ids),
                targets: [], admittedOn: try await StatsInclusionRepository(database: database).admittedOn(of: ids), problems: [], reportRules: reportRules,
                decidedApprovals: try await Self.decided(in: month.year, of: ids, database))
            return AssessedProject.each(inputs, indicators: indicators)
        }
    }

    /// The approval items of `ids` (nil: of every project) decided in `year` or since, on time or
    /// late by the calendar as stored (a change to it recomputes every part).
    private static func decided(in year: Int, of ids: Set<Int64>?, _ database: Database) async throws -> [DecidedApproval] {
        try await ProjectApprovalRepository(database: database).decided(from: Month(year: year, month: 1)!.firstDay,
                                                                        calendar: try await CalendarRepository(database: database).calendar(), of: ids)
    }

    /// Everything the figures read but the projects, their reports, admissions and decided approval
    /// items (and the plans unless asked).
    private func inputsButProjects(month: Month, sets: [AssessmentUnitSet], reportRules: ReportRules,
                                   lights: [Int64: WarningColour]?, plans: Bool) async throws -> AssessmentInputs {
        let db = database.reader
        let yearTargets = try await db.raw("SELECT * FROM unit_targets WHERE year = \(bind: month.year)").all().compactMap { row -> UnitTarget? in
            guard let kind = TargetUnit.Kind(rawValue: try row.decode(column: "unit_kind", as: String.self)) else { return nil }
            return UnitTarget(unit: TargetUnit(kind: kind, code: try row.decode(column: "unit_code", as: String.self)), year: month.year,
                              indicator: try row.decode(column: "indicator", as: String.self), value: try row.decode(column: "value", as: Double.self),
                              curve: try row.decode(column: "curve", as: String.self))
        }
        var groups: [AssessedGroup] = []
        let taskForces = TaskForceRepository(database: database)
        for id in sets.compactMap(\.taskForceId) {
            guard let taskForce = try await taskForces.taskForce(id: id) else { continue }
            let curveUnit = taskForce.unit.targetUnit
            for group in taskForce.groups {
                groups.append(AssessedGroup(id: group.id, taskForceId: id, name: group.name, projectIds: try await taskForces.projectIds(of: group),
                                            curveUnit: curveUnit, classIds: Set(group.classIds)))
            }
        }
        return AssessmentInputs(
            month: month, projects: [], reportsByProject: [:], lastYearReportsByProject: [:],
            plans: plans ? try await AnnualPlanRepository(database: database).plans(year: month.year) : [],
            targets: yearTargets, admittedOn: [:],
            problems: try await ProblemRepository(database: database).all(reach: .all),
            reportRules: reportRules, lights: lights, groups: groups,
            leads: try await LeadRepository(database: database).leads(reach: LeadReach(everyUnit: true, everyConfidential: true)))
    }

    /// The month's table of `set`: the frozen one once the month has closed, otherwise computed
    /// from the data now, each rank's change against last month's table (frozen or computed) of
    /// the same year and set. `lights` are today's colours: given only for the month they describe.
    public func table(month: Month, set: AssessmentUnitSet = .regions, scheme: AssessmentScheme, catalog: ReferenceCatalog, indicators: IndicatorCatalog,
                      reportRules: ReportRules, lights: [Int64: WarningColour]?) async throws -> AssessmentTable {
        try await tables(month: month, sets: [set], scheme: scheme, catalog: catalog, indicators: indicators, reportRules: reportRules, lights: lights)[0]
    }

    /// The month's tables of several sets, in their order: what is not frozen is computed from one
    /// read of the month's data (and, for the rank change, one of last month's) for all of them.
    public func tables(month: Month, sets: [AssessmentUnitSet], scheme: AssessmentScheme, catalog: ReferenceCatalog, indicators: IndicatorCatalog,
                       reportRules: ReportRules, lights: [Int64: WarningColour]?) async throws -> [AssessmentTable] {
        var frozenNow: [AssessmentUnitSet: AssessmentTable] = [:]
        for set in sets { frozenNow[set] = try await frozen(month, set: set) }
        let open = sets.filter { frozenNow[$0] == nil }
        guard !open.isEmpty else { return sets.map { frozenNow[$0]! } }

        let now = try await keptInputs(month: month, sets: open, reportRules: reportRules, indicators: indicators, lights: lights)
        var previous: [AssessmentUnitSet: AssessmentTable] = [:]
        if month.month > 1 {
            for set in open { previous[set] = try await frozen(month.previous, set: set) }
            let unfrozen = open.filter { previous[$0] == nil }
            if !unfrozen.isEmpty {
                let before = now.through(month.previous, assessed: try await assessed(month.previous, reportRules: reportRules, indicators: indicators))
                let grouped = grouping(before, of: unfrozen, indicators: indicators)
                for set in unfrozen {
                    previous[set] = AssessmentCalculator.table(before, set: set, scheme: scheme, previous: nil, catalog: catalog, indicators: indicators, grouped: grouped)
                }
            }
        }
        let grouped = grouping(now, of: open, indicators: indicators)
        return sets.map { set in
            frozenNow[set] ?? AssessmentCalculator.table(now, set: set, scheme: scheme, previous: previous[set], catalog: catalog, indicators: indicators,
                                                         grouped: grouped)
        }
    }

    /// The kept parts grouped once for every set computed (`KeptGroupings`); with departments'
    /// decisions when a set compares departments.
    private func grouping(_ inputs: AssessmentInputs, of sets: [AssessmentUnitSet], indicators: IndicatorCatalog) -> AssessmentCalculator.ByProject {
        database.assessmentGroupings.grouping(inputs, indicators: indicators, byDepartment: sets.contains(.departments))
    }

    /// The table of `set` frozen when `month` closed, if it has.
    public func frozen(_ month: Month, set: AssessmentUnitSet = .regions) async throws -> AssessmentTable? {
        guard let row = try await database.reader.raw("""
            SELECT table_json FROM assessment_frozen_tables WHERE month = \(bind: month.iso) AND unit_set = \(bind: set.key)
            """).first() else {
            return nil
        }
        return try JSONDecoder().decode(AssessmentTable.self, from: Data(try row.decode(column: "table_json", as: String.self).utf8))
    }

    /// Whether `month` has any table frozen (it closed with its tables).
    public func isFrozen(_ month: Month) async throws -> Bool {
        try await database.reader.raw("SELECT 1 AS x FROM assessment_frozen_tables WHERE month = \(bind: month.iso)").first() != nil
    }

    /// Keeps the month's tables as they stand, inside the month's close.
    static func freeze(_ tables: [AssessmentTable], month: Month, actor: AuditActor, now: Date, db: any SQLDatabase) async throws {
        for var table in tables where table.month == month {
            table.frozen = AssessmentTable.Frozen(at: now, by: actor.name)
            let json = String(decoding: try JSONEncoder().encode(table), as: UTF8.self)
            try await db.raw("""
                INSERT INTO assessment_frozen_tables (month, unit_set, scheme_version, table_json, frozen_at, frozen_by)
                VALUES (\(bind: table.month.iso), \(bind: table.unitSet.key), \(bind: table.scheme.version), \(bind: json), \(bind: StoredTime.text(now)),
                        \(bind: actor.name))
                """).run()
        }
    }

    static func thaw(_ month: Month, db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM assessment_frozen_tables WHERE month = \(bind: month.iso)").run()
    }
}
