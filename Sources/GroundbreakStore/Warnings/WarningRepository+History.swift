import Foundation
import GroundbreakDomain
import SQLKit

extension WarningRepository {
    /// The colour kept for a project no longer lit (built, cancelled): its history ends there.
    static let unlit = "off"

    /// Keeps today's lights: a row for every project whose colour differs from its last recorded
    /// one (or that has none yet), and an end for one no longer lit. Returns how many changed.
    public func record(_ lights: [ProjectWarning], today: Day, now: Date) async throws -> Int {
        try await database.transaction { db in
            var last: [Int64: String] = [:]
            for row in try await db.raw("""
                SELECT project_id, colour FROM project_lights WHERE id IN (SELECT MAX(id) FROM project_lights GROUP BY project_id)
                """).all() {
                last[try row.decode(column: "project_id", as: Int64.self)] = try row.decode(column: "colour", as: String.self)
            }
            var changed: [Int64] = []
            for light in lights.sorted(by: { $0.projectId < $1.projectId }) where last[light.projectId] != light.colour.rawValue {
                try await db.raw("""
                    INSERT INTO project_lights (project_id, colour, since, rule_version, explanation, recorded_at)
                    VALUES (\(bind: light.projectId), \(bind: light.colour.rawValue), \(bind: today.iso), \(bind: light.ruleVersion), \(bind: light.explanation),
                            \(bind: StoredTime.text(now)))
                    """).run()
                changed.append(light.projectId)
            }
            let lit = Set(lights.map(\.projectId))
            for (project, colour) in last.sorted(by: { $0.key < $1.key }) where colour != Self.unlit && !lit.contains(project) {
                try await db.raw("""
                    INSERT INTO project_lights (project_id, colour, since, rule_version, explanation, recorded_at)
                    VALUES (\(bind: project), \(bind: Self.unlit), \(bind: today.iso), 0, '', \(bind: StoredTime.text(now)))
                    """).run()
                changed.append(project)
            }
            // The ledger filters and counts by the record: its cached pages are stale now. Named,
            // so every instance's index and snapshot move forward by these projects (a day's few
            // changes, or a new month's thousands) instead of being read whole; past
            // `LedgerChanges.mostProjects` (a new province's first record) the bump turns into
            // "anything" by itself.
            for project in changed { try await LedgerGeneration.bump(db, project: project) }
            if !changed.isEmpty { try await DataGeneration.noteChange(db) }
            return changed.count
        }
    }

    /// A project's recorded light changes, the latest first.
    public func history(projectId: Int64) async throws -> [LightChange] {
        try await database.reader.raw("SELECT * FROM project_lights WHERE project_id = \(bind: projectId) ORDER BY id DESC").all().compactMap { row in
            guard let colour = WarningColour(rawValue: try row.decode(column: "colour", as: String.self)),
                  let since = Day.parse(try row.decode(column: "since", as: String.self)) else { return nil }
            return LightChange(colour: colour, since: since, ruleVersion: try row.decode(column: "rule_version", as: Int.self),
                               explanation: try row.decode(column: "explanation", as: String.self))
        }
    }
}
