import Foundation
import GroundbreakDomain
import SQLKit

/// Loads a demo dataset in one transaction: all of it or none of it. The bulk load writes one
/// audit row that names what it loaded, rather than one per project.
public struct DemoLoader: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Summary: Sendable, Equatable {
        public var projects: Int
        public var seats: Int
        /// Approval items given to the projects in 前期审批 and beyond.
        public var approvals: Int
        /// Monthly reports of last year and the current year.
        public var reports: Int
        /// Problems raised on projects in approval and construction, with their handling.
        public var problems: Int
    }

    /// Generates `count` projects around `today` and appends them to the store.
    public func load(count: Int, seed: UInt64 = 20_260_101, today: Day, actor: AuditActor, now: Date = Date()) async throws -> Summary {
        let catalog = try await ReferenceRepository(database: database).catalog()
        let nextProject = try await database.reader.raw("SELECT COALESCE(MAX(id), 0) AS m FROM projects").first()!.decode(column: "m", as: Int64.self) + 1
        // Seat and holder share an id in the demo data, so start past both tables.
        let nextSeat = try await database.reader.raw("""
            SELECT COALESCE(MAX(m), 0) AS m FROM (SELECT MAX(id) AS m FROM positions UNION ALL SELECT MAX(id) AS m FROM people) ids
            """).first()!.decode(column: "m", as: Int64.self) + 1
        let dataset = DemoDataset.generate(
            count: count, seed: seed &+ UInt64(nextProject), today: today, catalog: catalog,
            firstProjectId: nextProject, firstSeatId: nextSeat
        )
        let nextApproval = try await database.reader.raw("SELECT COALESCE(MAX(id), 0) AS m FROM project_approvals").first()!.decode(column: "m", as: Int64.self) + 1
        let approvals = DemoApprovals.generate(
            projects: dataset.projects, items: try await ApprovalCatalogRepository(database: database).items(),
            calendar: try await CalendarRepository(database: database).calendar(), catalog: catalog, today: today,
            firstApprovalId: nextApproval, seed: seed &+ UInt64(nextProject)
        )
        let nextReport = try await database.reader.raw("SELECT COALESCE(MAX(id), 0) AS m FROM monthly_reports").first()!.decode(column: "m", as: Int64.self) + 1
        let reports = DemoReports.generate(projects: dataset.projects, rules: try MonthlyReportRepository.rules(), today: today, firstId: nextReport,
                                           seed: seed &+ UInt64(nextProject), at: now)
        let plans = DemoPlans.plans(projects: dataset.projects, year: today.year, seed: seed &+ UInt64(nextProject))
        // Targets only for a store's first demo load: a second load adds projects, not another set of targets.
        let lastMonth = Month(today).previous
        let onSchedule = lastMonth.year == today.year ? try TargetRepository.catalog().timeProgress("northern", month: lastMonth.month) : nil
        let targets = nextProject == 1
            ? DemoPlans.targets(projects: dataset.projects, plans: plans, reports: reports, onSchedule: onSchedule, catalog: catalog, year: today.year,
                                seed: seed)
            : []
        let engine = database.engine
        let calendar = try await CalendarRepository(database: database).calendar()
        let problems = try await database.transaction { db -> Int in
            try await Self.insertSeats(dataset.seats, since: today.adding(days: -365), now: now, db: db)
            try await Self.insertProjects(dataset.projects, catalog: catalog, now: now, db: db)
            try await Self.insertApprovals(approvals, actorName: actor.name, now: now, db: db)
            try await Self.insertReports(reports, now: now, db: db)
            try await Self.insertPlans(plans, targets: targets, now: now, db: db)
            if nextProject == 1 {
                try await DemoLists.load(projects: dataset.projects, plans: plans, catalog: catalog, today: today, seed: seed, actor: actor, now: now, db: db)
            }
            let problems = try await DemoProblems.load(projects: dataset.projects, settings: try ProblemRepository.settings(), calendar: calendar, catalog: catalog,
                                                       today: today, seed: seed &+ UInt64(nextProject), actorName: actor.name, now: now, db: db)
            try await LedgerGeneration.bump(db)
            for table in ["positions", "people", "position_holders", "projects", "stage_transitions", "project_approvals", "approval_pauses", "approval_events", "monthly_reports"] {
                if let statement = Dialect.resetIdentity(table: table, engine: engine) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
            }
            try await AuditLog.write(
                entity: "dataset", entityId: "demo", action: "bulk-load", before: nil,
                after: AuditLog.json(["projects": dataset.projects.count, "seats": dataset.seats.count, "approvals": approvals.records.count, "reports": reports.count,
                                      "problems": problems,
                                      "firstProjectId": Int(nextProject), "seed": Int(seed % 1_000_000_000)]),
                reason: StoreText.demoReason, actor: actor, now: now, db: db
            )
            return problems
        }
        // Meetings and supervised items only with a store's first demo load: a second load adds projects.
        if nextProject == 1 {
            _ = try await DemoMeetings.load(database: database, catalog: catalog, today: today, actor: actor, now: now)
            _ = try await DemoTaskForces.load(database: database, catalog: catalog, today: today, seed: seed, actor: actor, now: now)
            _ = try await DemoLeads.load(database: database, catalog: try await ReferenceRepository(database: database).catalog(), today: today, seed: seed,
                                         actor: actor, now: now)
            _ = try await DemoReadiness.load(database: database, today: today, seed: seed, actor: actor, now: now)
            _ = try await DemoReserve.load(database: database, today: today, seed: seed, actor: actor, now: now)
            _ = try await DemoCampaigns.load(database: database, reference: try await ReferenceRepository(database: database).catalog(), today: today, actor: actor, now: now)
            _ = try await DemoFunding.load(database: database, reference: try await ReferenceRepository(database: database).catalog(), today: today, seed: seed,
                                           actor: actor, now: now)
        }
        return Summary(projects: dataset.projects.count, seats: dataset.seats.count, approvals: approvals.records.count, reports: reports.count, problems: problems)
    }

    static let batchSize = 300

    static func insertSeats(_ seats: [DemoDataset.SeatSpec], since: Day, now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        for batch in seats.chunked(into: batchSize) {
            try await db.raw("""
                INSERT INTO positions (id, title, unit_name, duty, created_at) VALUES
                \(batch.map { "(\(bind: $0.id), \(bind: $0.title), \(bind: $0.unitName), \(bind: $0.duty.rawValue), \(bind: stamp))" as SQLQueryString }.joined(separator: ", "))
                """).run()
            try await db.raw("""
                INSERT INTO people (id, name, phone, created_at) VALUES
                \(batch.map { "(\(bind: $0.id), \(bind: $0.holderName), \(bind: $0.holderPhone), \(bind: stamp))" as SQLQueryString }.joined(separator: ", "))
                """).run()
            try await db.raw("""
                INSERT INTO position_holders (position_id, person_id, held_from) VALUES
                \(batch.map { "(\(bind: $0.id), \(bind: $0.id), \(bind: since.iso))" as SQLQueryString }.joined(separator: ", "))
                """).run()
        }
    }

    static func insertProjects(_ projects: [DemoDataset.ProjectSpec], catalog: ReferenceCatalog, now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        let columns = (["id"] + ProjectRow.columns + ["created_at", "updated_at", "version"]).joined(separator: ", ")
        for batch in projects.chunked(into: batchSize) {
            let rows: [SQLQueryString] = batch.map { spec in
                let values: [any Encodable & Sendable] = [spec.id]
                    + ProjectRow.values(spec.fields, stage: spec.stage, suspendedFrom: spec.suspendedFrom, stageNote: spec.stageNote, catalog: catalog)
                    + [stamp, stamp, 1]
                return "(\(binds: values))"
            }
            try await db.raw("INSERT INTO projects (\(unsafeRaw: columns)) VALUES \(rows.joined(separator: ", "))").run()

            var levels: [SQLQueryString] = []
            var tags: [SQLQueryString] = []
            var support: [SQLQueryString] = []
            var transitions: [SQLQueryString] = []
            for spec in batch {
                levels += spec.fields.levels.map { "(\(bind: spec.id), \(bind: $0.rawValue))" }
                tags += spec.fields.tags.map { "(\(bind: spec.id), \(bind: $0))" }
                support += spec.fields.supportDepartmentCodes.map { "(\(bind: spec.id), \(bind: $0))" }
                if let start = spec.fields.actualStart {
                    let at = StoredTime.text(start.startInChina.addingTimeInterval(9 * 3600))
                    transitions.append("(\(bind: spec.id), 'approval', 'construction', \(bind: StoreText.demoTransitionNote), \(bind: StoreText.demoReason), \(bind: at))")
                }
            }
            if !levels.isEmpty { try await db.raw("INSERT INTO project_levels (project_id, level) VALUES \(levels.joined(separator: ", "))").run() }
            if !tags.isEmpty { try await db.raw("INSERT INTO project_tags (project_id, tag_code) VALUES \(tags.joined(separator: ", "))").run() }
            if !support.isEmpty {
                try await db.raw("INSERT INTO project_support_departments (project_id, department_code) VALUES \(support.joined(separator: ", "))").run()
            }
            if !transitions.isEmpty {
                try await db.raw("""
                    INSERT INTO stage_transitions (project_id, from_stage, to_stage, note, actor_name, at) VALUES \(transitions.joined(separator: ", "))
                    """).run()
            }
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
