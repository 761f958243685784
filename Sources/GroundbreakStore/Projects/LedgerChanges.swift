import SQLKit

/// The ledger's change feed (migration 0041): which projects each ledger generation changed, so
/// the in-memory index can move forward by those projects alone.
enum LedgerChanges {
    /// Past this many projects in one transaction the change is recorded as "anything": the
    /// index and the figures' snapshot are read again whole. A day's lights can recolour
    /// thousands of a province's projects (reports falling due when a month turns); moving by
    /// them re-reads those rows and, for the orders only the database holds, each order once
    /// (`LedgerIndex.mostPlacedByCounting`), far less than every instance reading its index
    /// (about 5 s) and snapshot (up to 20 s) whole. The bound keeps a transaction's change rows
    /// and the re-reads' `IN` lists within what both engines bind in one statement.
    static let mostProjects = 5_000
    /// Past this many named projects, a read of their rows (a part's plans, admissions, year-list
    /// statements) reads the whole table and keeps theirs: a bound list of ids that long costs
    /// more than the whole read.
    static let mostBoundInRead = 1_000
    /// How many generations of rows are kept: an instance further behind reads the index whole.
    static let kept: Int64 = 20_000

    /// Rows for `generation`: one per project, or one NULL row when `projects` is nil.
    static func record(_ projects: Set<Int64>?, generation: Int64, db: any SQLDatabase) async throws {
        if let projects, !projects.isEmpty {
            let values = projects.sorted().map { SQLQueryString("(\(bind: generation), \(bind: $0))") }
            try await db.raw("INSERT INTO ledger_changes (generation, project_id) VALUES " + values.joined(separator: ", ")).run()
        } else {
            try await db.raw("INSERT INTO ledger_changes (generation, project_id) VALUES (\(bind: generation), NULL)").run()
        }
        try await trim(at: generation, db: db)
    }

    /// Every thousandth generation drops the rows older than the `kept` last.
    static func trim(at generation: Int64, db: any SQLDatabase) async throws {
        if generation % 1_000 == 0 {
            try await db.raw("DELETE FROM ledger_changes WHERE generation <= \(bind: generation - kept)").run()
        }
    }

    /// The projects changed after `generation` up to and including `upTo`; nil when that is not
    /// known exactly (a generation without rows, or one that may have changed anything).
    static func projects(after generation: Int64, upTo: Int64, db: any SQLDatabase) async throws -> Set<Int64>? {
        guard upTo > generation else { return [] }
        guard upTo - generation <= kept else { return nil }
        var generations = Set<Int64>()
        var projects = Set<Int64>()
        for row in try await db.raw("""
            SELECT generation, project_id FROM ledger_changes WHERE generation > \(bind: generation) AND generation <= \(bind: upTo)
            """).all() {
            generations.insert(try row.decode(column: "generation", as: Int64.self))
            guard let project = try row.decode(column: "project_id", as: Int64?.self) else { return nil }
            projects.insert(project)
            if projects.count > mostProjects { return nil }
        }
        return generations.count == upTo - generation ? projects : nil
    }
}
