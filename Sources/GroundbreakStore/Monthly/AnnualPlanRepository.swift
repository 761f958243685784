import Foundation
import GroundbreakDomain
import SQLKit

/// Annual plans, one per project and year, changed with the version read.
public struct AnnualPlanRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func plans(projectId: Int64) async throws -> [AnnualPlan] {
        try await database.reader.raw("SELECT * FROM annual_plans WHERE project_id = \(bind: projectId) ORDER BY year").all().map(Self.plan)
    }

    public func plans(year: Int) async throws -> [AnnualPlan] {
        try await database.reader.raw("SELECT * FROM annual_plans WHERE year = \(bind: year) ORDER BY project_id").all().map(Self.plan)
    }

    /// The year's plans of `ids` (nil: of every project); past a thousand ids the year's plans are
    /// read whole and kept for them.
    public func plans(year: Int, of ids: Set<Int64>?) async throws -> [AnnualPlan] {
        guard let ids, ids.count <= LedgerChanges.mostBoundInRead else { return try await plans(year: year).filter { ids?.contains($0.projectId) ?? true } }
        guard !ids.isEmpty else { return [] }
        return try await database.reader.raw("""
            SELECT * FROM annual_plans WHERE year = \(bind: year) AND project_id IN (\(binds: ids.sorted())) ORDER BY project_id
            """).all().map(Self.plan)
    }

    public func save(_ sent: AnnualPlan, project: Project, expectedVersion: Int?, actor: AuditActor, now: Date) async throws -> AnnualPlan {
        var cleaned = sent
        cleaned.campaign = TextNormalizer.collapsedLine(sent.campaign)
        let plan = cleaned
        let errors = AnnualPlan.validate(plan, project: project)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        return try await database.transaction { db in
            let current = try await db.raw("SELECT * FROM annual_plans WHERE project_id = \(bind: project.id) AND year = \(bind: plan.year)").first().map(Self.plan)
            let stamp = StoredTime.text(now)
            if let current {
                guard expectedVersion == current.version else { throw StoreError.conflict(currentVersion: current.version) }
                try await db.raw("""
                    UPDATE annual_plans SET planned_investment_yuan = \(bind: plan.plannedInvestment.yuan), planned_start = \(bind: plan.plannedStart?.iso),
                        planned_completion = \(bind: plan.plannedCompletion?.iso), nature = \(bind: plan.nature.rawValue),
                        in_start_list = \(bind: plan.inStartList ? 1 : 0), campaign = \(bind: plan.campaign), updated_at = \(bind: stamp), version = version + 1
                    WHERE project_id = \(bind: project.id) AND year = \(bind: plan.year)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO annual_plans (project_id, year, planned_investment_yuan, planned_start, planned_completion, nature, in_start_list, campaign,
                        updated_at, version)
                    VALUES (\(bind: project.id), \(bind: plan.year), \(bind: plan.plannedInvestment.yuan), \(bind: plan.plannedStart?.iso),
                        \(bind: plan.plannedCompletion?.iso), \(bind: plan.nature.rawValue), \(bind: plan.inStartList ? 1 : 0), \(bind: plan.campaign),
                        \(bind: stamp), 1)
                    """).run()
            }
            guard let saved = try await db.raw("SELECT * FROM annual_plans WHERE project_id = \(bind: project.id) AND year = \(bind: plan.year)").first()
                .map(Self.plan) else { throw StoreError.notFound }
            try await LedgerGeneration.bump(db, project: project.id)
            try await AuditLog.write(entity: "annual_plan", entityId: "\(project.id)/\(plan.year)", action: current == nil ? "create" : "update",
                                     before: try AuditLog.json(current), after: try AuditLog.json(saved), actor: actor, now: now, db: db)
            return saved
        }
    }

    /// A year list's planned investment as the project's annual plan for that year (an import):
    /// a plan already there keeps its dates, list and campaign; a new one takes its nature from
    /// the statement (新建/续建), else new start (the plan page can correct it).
    static func putPlanned(projectId: Int64, year: Int, planned: Money, stated: ListNature?, now: Date, db: any SQLDatabase) async throws {
        let stamp = StoredTime.text(now)
        if try await db.raw("SELECT 1 AS found FROM annual_plans WHERE project_id = \(bind: projectId) AND year = \(bind: year)").first() != nil {
            try await db.raw("""
                UPDATE annual_plans SET planned_investment_yuan = \(bind: planned.yuan), updated_at = \(bind: stamp), version = version + 1
                WHERE project_id = \(bind: projectId) AND year = \(bind: year) AND planned_investment_yuan <> \(bind: planned.yuan)
                """).run()
            return
        }
        let nature: ConstructionNature = switch stated {
        case .newStart: .newStart
        case .continuing: .continuing
        default: .newStart
        }
        try await db.raw("""
            INSERT INTO annual_plans (project_id, year, planned_investment_yuan, nature, in_start_list, campaign, updated_at, version)
            VALUES (\(bind: projectId), \(bind: year), \(bind: planned.yuan), \(bind: nature.rawValue), 0, '', \(bind: stamp), 1)
            """).run()
    }

    static func plan(_ row: any SQLRow) throws -> AnnualPlan {
        AnnualPlan(
            projectId: try row.decode(column: "project_id", as: Int64.self),
            year: try row.decode(column: "year", as: Int.self),
            plannedInvestment: Money(yuan: try row.decode(column: "planned_investment_yuan", as: Int64.self)),
            plannedStart: try row.decode(column: "planned_start", as: String?.self).flatMap(Day.parse),
            plannedCompletion: try row.decode(column: "planned_completion", as: String?.self).flatMap(Day.parse),
            nature: ConstructionNature(rawValue: try row.decode(column: "nature", as: String.self)) ?? .continuing,
            inStartList: try row.decode(column: "in_start_list", as: Int.self) != 0,
            campaign: try row.decode(column: "campaign", as: String.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
