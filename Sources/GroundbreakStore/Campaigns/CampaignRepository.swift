import Foundation
import GroundbreakDomain
import SQLKit

/// 集中开工 batches and their planned projects. Each change is one transaction with its audit row.
public struct CampaignRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The seasons and targets (`campaigns.json`), refused by name when unusable.
    public static func catalog() throws -> CampaignCatalog {
        let catalog = try ReferenceDataLoader.bundledJSON("campaigns.json", as: CampaignCatalog.self)
        guard catalog.problems.isEmpty else {
            throw ReferenceDataLoader.BadReferenceFile(file: "campaigns.json", reason: catalog.problems.joined(separator: "; "))
        }
        return catalog
    }

    public func create(_ draft: Campaign, catalog: CampaignCatalog, reference: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> Campaign {
        var campaign = draft
        campaign.name = TextNormalizer.collapsedLine(campaign.name)
        campaign.note = TextNormalizer.collapsedLine(campaign.note)
        let errors = CampaignRules.problems(campaign, catalog: catalog, reference: reference)
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let checked = campaign
        return try await database.transaction { db in
            let id = try await db.raw("""
                INSERT INTO campaigns (year, season, name, held_on, unit_kind, unit_code, note, created_at)
                VALUES (\(bind: checked.year), \(bind: checked.season), \(bind: checked.name), \(bind: checked.heldOn.iso), \(bind: checked.unit?.kind.rawValue),
                        \(bind: checked.unit?.code), \(bind: checked.note), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "campaign", entityId: String(id), action: "create", before: nil, after: "\(checked.year) \(checked.name)", actor: actor,
                                     now: now, db: db)
            return try await Self.load(id: id, db: db)!
        }
    }

    /// Puts a project on the batch's list (`add`) or takes it off.
    public func set(projectId: Int64, on campaignId: Int64, add: Bool, actor: AuditActor, today: Day, now: Date) async throws -> Campaign {
        try await database.transaction { db in
            guard let campaign = try await Self.load(id: campaignId, db: db) else { throw StoreError.notFound }
            let listed = campaign.projectIds.contains(projectId)
            if add {
                if listed { throw StoreError.invalid(ValidationFailure([FieldError("project", .fixed(CampaignText.already))])) }
                try await db.raw("INSERT INTO campaign_projects (campaign_id, project_id, added_on) VALUES (\(bind: campaignId), \(bind: projectId), \(bind: today.iso))").run()
            } else {
                if !listed { throw StoreError.invalid(ValidationFailure([FieldError("project", .fixed(CampaignText.notFound))])) }
                try await db.raw("DELETE FROM campaign_projects WHERE campaign_id = \(bind: campaignId) AND project_id = \(bind: projectId)").run()
            }
            try await AuditLog.write(entity: "campaign", entityId: String(campaignId), action: add ? "add" : "remove", before: nil, after: String(projectId),
                                     actor: actor, now: now, db: db)
            return try await Self.load(id: campaignId, db: db)!
        }
    }

    public func campaign(id: Int64) async throws -> Campaign? {
        try await Self.load(id: id, db: database.reader)
    }

    /// Every batch, the latest first.
    public func campaigns() async throws -> [Campaign] {
        try await Self.rows(where: "1 = 1", db: database.reader)
    }

    static func load(id: Int64, db: any SQLDatabase) async throws -> Campaign? {
        try await rows(where: "id = \(bind: id)", db: db).first
    }

    static func rows(where condition: SQLQueryString, db: any SQLDatabase) async throws -> [Campaign] {
        var campaigns: [Campaign] = try await db.raw("SELECT * FROM campaigns WHERE \(condition) ORDER BY held_on DESC, id DESC").all().compactMap { row in
            func text(_ column: String) throws -> String? { try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: String.self) }
            guard let held = Day.parse(try row.decode(column: "held_on", as: String.self)) else { return nil }
            let unit = try text("unit_kind").flatMap(OrgUnit.Kind.init).flatMap { kind in try text("unit_code").map { OrgUnit(kind: kind, code: $0) } }
            return Campaign(id: try row.decode(column: "id", as: Int64.self), year: try row.decode(column: "year", as: Int.self),
                            season: try row.decode(column: "season", as: String.self), name: try row.decode(column: "name", as: String.self), heldOn: held, unit: unit,
                            note: try row.decode(column: "note", as: String.self))
        }
        guard !campaigns.isEmpty else { return [] }
        var projects: [Int64: [Int64]] = [:]
        for row in try await db.raw("""
            SELECT campaign_id, project_id FROM campaign_projects WHERE campaign_id IN (SELECT id FROM campaigns WHERE \(condition)) ORDER BY campaign_id, project_id
            """).all() {
            projects[try row.decode(column: "campaign_id", as: Int64.self), default: []].append(try row.decode(column: "project_id", as: Int64.self))
        }
        for index in campaigns.indices { campaigns[index].projectIds = projects[campaigns[index].id] ?? [] }
        return campaigns
    }
}
