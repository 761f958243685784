import Foundation
import GroundbreakDomain
import SQLKit

/// The demo city's reserve libraries: every project in 储备 and 招引 entered into its district's
/// library (a third promoted to the city's), with a source of the five, a grade and a 谋划 note;
/// and, so the conversion has something to show, some that started since, entered in past years.
enum DemoReserve {
    static let notes = ["已完成概念性方案，选址初步确定", "形成项目建议书，正在对接投资主体", "完成可行性研究初稿，待论证", "纳入片区规划，开展前期策划"]

    static func load(database: Database, today: Day, seed: UInt64, actor: AuditActor, now: Date) async throws -> Int {
        let rules = try ReserveRepository.rules()
        var random = SeededGenerator(seed: seed ^ 0x2E5E_2E5E)
        let rows = try await database.reader.raw("""
            SELECT id, stage, actual_start FROM projects WHERE stage IN ('reserve', 'attraction') OR (stage = 'construction' AND id % 5 = 0) ORDER BY id LIMIT 5000
            """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "stage", as: String.self),
                              try $0.decodeNil(column: "actual_start") ? nil : Day.parse(try $0.decode(column: "actual_start", as: String.self))) }
        var values: [SQLQueryString] = []
        for (id, stage, start) in rows {
            let entered = stage == "construction" ? (start ?? today).adding(days: -(100 + Int(random.next() % 500))) : today.adding(days: -Int(random.next() % 700))
            let promoted = random.chance(0.33) ? min(today, entered.adding(days: 30 + Int(random.next() % 120))) : nil
            values.append("""
                (\(bind: id), \(bind: promoted == nil ? "county" : "city"), \(bind: random.pick(rules.sources).code), \(bind: random.pick(rules.grades).code),
                 \(bind: random.pick(notes)), \(bind: entered.iso), \(bind: promoted?.iso), 1, \(bind: actor.name), \(bind: StoredTime.text(now)))
                """)
        }
        let batches = values.chunked(into: 200).map(Array.init)
        try await database.transaction { db in
            for chunk in batches {
                try await db.raw("""
                    INSERT INTO reserve_entries (project_id, level, source, grade, note, entered_on, promoted_on, version, updated_by, updated_at)
                    VALUES \(chunk.joined(separator: ", "))
                    """).run()
            }
            // What is kept per project (the groundwork's parts) reads the entries.
            try await LedgerGeneration.bump(db)
        }
        return rows.count
    }
}
