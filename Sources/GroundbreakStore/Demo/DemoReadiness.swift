import Foundation
import GroundbreakDomain
import SQLKit

/// Readiness for the demo city's projects in 前期审批 (and those already building): land taken
/// and supplied for most, utilities reaching 五通一平 for many, funds and planning on the way —
/// so the 开工条件 summary has projects ready and not, and the 已拿地未开工 list has projects
/// waiting weeks to over a year. Written straight in one transaction, as the rows a year of
/// pages would have kept.
enum DemoReadiness {
    static let units = ["department:CC-ZRZY", "department:CC-ZJJ", "department:CC-SWU", "department:CC-FGW"]

    static func load(database: Database, today: Day, seed: UInt64, actor: AuditActor, now: Date) async throws -> Int {
        let catalog = try ReadinessRepository.catalog()
        var random = SeededGenerator(seed: seed ^ 0x5EAD_1E55)
        let projects = try await database.reader.raw("""
            SELECT id, stage FROM projects WHERE stage IN ('approval', 'construction') ORDER BY id LIMIT 3000
            """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "stage", as: String.self)) }
        var rows: [SQLQueryString] = []
        for (id, stage) in projects {
            let building = stage == "construction"
            let landDone = building || random.chance(0.6)
            let supplied = today.adding(days: -(20 + Int(random.next() % 420)))
            for item in catalog.items {
                var state: ReadinessState = .pending
                var done: Day?
                var way = ""
                switch item.group {
                case "land":
                    if landDone || (item.code == "landAcquisition" && random.chance(0.5)) { state = .done; done = supplied.adding(days: -Int(random.next() % 60)) }
                    if item.code == "landCertificate" && landDone && random.chance(0.3) { state = .inProgress; done = nil }
                    if item.recordsWay == true && state == .done { done = supplied; way = random.pick(catalog.landWays) }
                case "utilities":
                    let basic = ["water", "drainage", "power", "telecom", "road", "site"].contains(item.code)
                    if building || random.chance(basic ? 0.7 : 0.35) { state = .done; done = supplied.adding(days: Int(random.next() % 15)) }
                    else if random.chance(0.3) { state = .notNeeded }
                default:
                    if building || random.chance(0.55) { state = .done; done = today.adding(days: -Int(random.next() % 200)) }
                    else if random.chance(0.5) { state = .inProgress }
                }
                if let day = done, day > today { done = today }
                guard state != .pending || random.chance(0.5) else { continue }
                let due: Day? = state.isMet ? nil : today.adding(days: 10 + Int(random.next() % 90))
                let unit = OrgUnit.parse(random.pick(units))!
                rows.append("""
                    (\(bind: id), \(bind: item.code), \(bind: state.rawValue), \(bind: due?.iso), \(bind: done?.iso), \(bind: unit.kind.rawValue), \(bind: unit.code),
                     \(bind: way), '', 1, \(bind: actor.name), \(bind: StoredTime.text(now)))
                    """)
            }
        }
        let batches = rows.chunked(into: 200).map(Array.init)
        try await database.transaction { db in
            for chunk in batches {
                try await db.raw("""
                    INSERT INTO readiness_items (project_id, item_code, state, due_on, done_on, unit_kind, unit_code, way, note, version, updated_by, updated_at)
                    VALUES \(chunk.joined(separator: ", "))
                    """).run()
            }
        }
        return projects.count
    }
}
