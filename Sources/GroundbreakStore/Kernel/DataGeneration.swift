import SQLKit
import Synchronization

/// The counter every audited change moves (migration 0035): what figures computed from many
/// tables are cached by. An audit row marks its transaction as changing data; the transaction
/// bumps the counter as its last statement, so the change and the new counter commit together.
enum DataGeneration {
    /// Set by `Database.transaction` for its body.
    @TaskLocal static var openTransaction: ChangeMark?

    final class ChangeMark: Sendable {
        private let changed = Atomic<Bool>(false)

        func note() { changed.store(true, ordering: .relaxed) }
        var isChanged: Bool { changed.load(ordering: .relaxed) }
    }

    /// Called where data changes (the audit row, the daily lights record): marks the transaction
    /// it runs in, or bumps at once when it runs in none.
    static func noteChange(_ db: any SQLDatabase) async throws {
        if let mark = openTransaction {
            mark.note()
        } else {
            try await bump(db)
        }
    }

    static func bump(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE data_state SET generation = generation + 1 WHERE id = 1").run()
    }
}

/// What cached figures are keyed by: every audited change and every change to the data each
/// instance holds in memory (catalogue, seats, calendar) moves it. Read before computing, so a
/// value is never kept under a key newer than the data it was computed from.
public struct FiguresGeneration: Sendable, Hashable, CustomStringConvertible {
    public let data: Int64
    public let shared: Int64

    public var description: String { "\(data).\(shared)" }

    public static func current(_ database: Database) async throws -> FiguresGeneration {
        let row = try await database.reader.raw("""
            SELECT d.generation AS data, l.shared_generation AS shared FROM data_state d, ledger_state l WHERE d.id = 1 AND l.id = 1
            """).first()
        return FiguresGeneration(data: try row?.decode(column: "data", as: Int64.self) ?? 0, shared: try row?.decode(column: "shared", as: Int64.self) ?? 0)
    }
}
