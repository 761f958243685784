import Foundation
import GroundbreakDomain
import SQLKit

/// The demo city's 集中开工: last year's and this year's spring and autumn batches held by today,
/// each listing the projects whose planned or actual start falls within six weeks of the day.
enum DemoCampaigns {
    static func load(database: Database, reference: ReferenceCatalog, today: Day, actor: AuditActor, now: Date) async throws -> Int {
        let catalog = try CampaignRepository.catalog()
        let repository = CampaignRepository(database: database)
        let rows = try await database.reader.raw("SELECT id, planned_start, actual_start FROM projects WHERE planned_start IS NOT NULL OR actual_start IS NOT NULL ORDER BY id LIMIT 20000")
            .all().map { row in
                func day(_ column: String) throws -> Day? { try row.decodeNil(column: column) ? nil : Day.parse(try row.decode(column: column, as: String.self)) }
                let actual = try day("actual_start"), planned = try day("planned_start")
                return (id: try row.decode(column: "id", as: Int64.self), start: actual ?? planned)
            }
        var made = 0
        for year in [today.year - 1, today.year] {
            for season in catalog.seasons {
                guard let held = Day(year: year, month: season.month, day: season.day), held <= today else { continue }
                let campaign = try await repository.create(Campaign(year: year, season: season.code, name: "\(year)年全市\(season.name)", heldOn: held, note: season.note),
                                                           catalog: catalog, reference: reference, actor: actor, now: now)
                let planned = rows.filter { row in row.start.map { abs(held.days(until: $0)) <= 42 } ?? false }.prefix(60)
                try await database.transaction { db in
                    for row in planned {
                        try await db.raw("INSERT INTO campaign_projects (campaign_id, project_id, added_on) VALUES (\(bind: campaign.id), \(bind: row.id), \(bind: held.adding(days: -20).iso))").run()
                    }
                }
                made += 1
            }
        }
        return made
    }
}
