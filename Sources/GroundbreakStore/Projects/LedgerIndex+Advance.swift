import Foundation
import GroundbreakDomain
import SQLKit

extension LedgerIndex {
    /// `index` moved forward to the ledger's current generation by the projects changed since it
    /// was read (`LedgerChanges`), rows and orders; nil when those are not known exactly, and the
    /// caller reads the index whole.
    static func advance(_ index: LedgerIndex, _ database: Database) async throws -> LedgerIndex? {
        guard let moved = try await advanceRows(index, database) else { return nil }
        return try await placeUnordered(moved, database)
    }

    /// `index` moved forward by the changed projects' rows, text, lights and members, in one read
    /// transaction, with those rows (and any still unordered) left `unordered`: at 100,000
    /// projects under load a tenth of a second, against three to four times that to place them in
    /// every sort order, so the list answers from memory again that much sooner. Nil as `advance`.
    static func advanceRows(_ index: LedgerIndex, _ database: Database) async throws -> LedgerIndex? {
        try await database.consistentRead { db in
            let generation = try await LedgerGeneration.current(db)
            guard generation >= index.generation else { return nil }
            guard let changed = try await LedgerChanges.projects(after: index.generation, upTo: generation, db: db) else { return nil }
            var next = index
            next.generation = generation
            let ids = changed.union(index.unordered.map { index.ids[Int($0)] }).sorted()
            guard !ids.isEmpty else { return next }
            let positions = try next.place(try await db.raw("SELECT \(unsafeRaw: projectColumns) FROM projects WHERE id IN (\(binds: ids)) ORDER BY id").all())
            // A project gone from the table would leave a row the index cannot drop: read it whole.
            guard positions.count == ids.count else { return nil }
            try await next.readLights(of: ids, db: db)
            try await next.readMembers(of: ids, db: db)
            next.unordered = positions
            return next
        }
    }

    /// `index` with its unordered rows placed in every sort order, read at its own generation; nil
    /// when the ledger has moved on meanwhile (the rows would be placed by newer values than they
    /// hold): the caller moves it forward again from where it is.
    static func placeUnordered(_ index: LedgerIndex, _ database: Database) async throws -> LedgerIndex? {
        guard !index.unordered.isEmpty else { return index }
        return try await database.consistentRead { db in
            guard try await LedgerGeneration.current(db) == index.generation else { return nil }
            var next = index
            let positions = index.unordered
            let ids = positions.map { index.ids[Int($0)] }
            for sort in ProjectQuery.SortKey.allCases {
                try await next.reorder(sort, ids: ids, positions: positions, db: db)
            }
            next.unordered = []
            return next
        }
    }

    /// Past this many moving rows, a key only the database can order (text it collates,
    /// timestamps) is read again in that order whole (about a tenth of a second at 100,000
    /// projects) instead of each row being placed with two counts over the ledger.
    static let mostPlacedByCounting = 100

    /// Moves the rows at `positions` (projects `ids`) to where the database now orders them for
    /// `sort`; every other row keeps its order.
    private mutating func reorder(_ sort: ProjectQuery.SortKey, ids: [Int64], positions: [Int32], db: any SQLDatabase) async throws {
        let inMemory = sortValue(sort)
        if inMemory == nil && positions.count > Self.mostPlacedByCounting {
            try await readOrder(sort, db: db)
            return
        }
        let old = orders[Self.orderKey(sort, descending: false)] ?? []
        let oldNulls = nullCounts[sort] ?? 0
        var moving = [Bool](repeating: false, count: rows.count)
        for position in positions { moving[Int(position)] = true }
        var kept: [Int32] = []
        kept.reserveCapacity(rows.count)
        var wasNull = 0
        for (offset, row) in old.enumerated() {
            guard !moving[Int(row)] else {
                if offset >= old.count - oldNulls { wasNull += 1 }
                continue
            }
            kept.append(row)
        }
        let (placed, nowNull) = if let key = inMemory {
            placeInMemory(positions, among: kept, by: key)
        } else {
            try await placeByDatabase(sort, ids: ids, positions: positions, db: db)
        }

        var ascending: [Int32] = []
        ascending.reserveCapacity(rows.count)
        var next = 0
        for (place, row) in placed {
            // Places are distinct and within the ledger, or the index is not what the database holds.
            guard place >= ascending.count, place - ascending.count <= kept.count - next else { throw LedgerIndexUnavailable() }
            while ascending.count < place {
                ascending.append(kept[next])
                next += 1
            }
            ascending.append(row)
        }
        ascending.append(contentsOf: kept[next...])
        guard ascending.count == rows.count else { throw LedgerIndexUnavailable() }
        setOrder(sort, ascending: ascending, nulls: oldNulls - wasNull + nowNull)
    }

    /// A row's value for `sort` when the index holds it exactly as the database compares it (nil
    /// inside: the database's NULL): the investment in yuan, the stage's order (the `CASE` of
    /// `sortColumn`), the actual start as `yyyymmdd` while every stored date reads as one, the
    /// region code as a number while every row's is digits of one length. Nil for the keys whose
    /// values only the database holds (text it collates, timestamps).
    private func sortValue(_ sort: ProjectQuery.SortKey) -> ((Row) -> Int64?)? {
        switch sort {
        case .totalInvestment: return { $0.investment }
        case .stage:
            let order = Self.stages.map { Int64($0.order) }
            return { order[Int($0.stage)] }
        case .actualStart where datesReadable: return { $0.actualStart == 0 ? nil : Int64($0.actualStart) }
        case .region:
            guard let numbers = regionNumbers() else { return nil }
            return { numbers[Int($0.region)] }
        default: return nil
        }
    }

    /// Every interned code's value as a number (-1 for one not all digits), when every row's
    /// region code is digits of one length (GB/T 2260 codes are six): any collation orders such
    /// strings as their numbers. Nil otherwise, and the database places the region.
    private func regionNumbers() -> [Int64]? {
        var numbers = [Int64](repeating: -1, count: codes.count)
        var lengths = [Int](repeating: 0, count: codes.count)
        for (text, code) in codes where (1...18).contains(text.utf8.count) && text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            numbers[Int(code)] = Int64(text) ?? -1
            lengths[Int(code)] = text.utf8.count
        }
        guard let first = rows.first else { return numbers }
        let length = lengths[Int(first.region)]
        for row in rows where numbers[Int(row.region)] < 0 || lengths[Int(row.region)] != length { return nil }
        return numbers
    }

    /// Places of the rows at `positions` in the ascending order, found without the database: each
    /// row's place among the rows that keep theirs (`kept`, already in that order) by binary
    /// search, plus its rank among the moving rows; and how many of them now sort as NULL. The
    /// order compared is `orderBy`'s: value, NULLs last, then id.
    private func placeInMemory(_ positions: [Int32], among kept: [Int32], by value: (Row) -> Int64?) -> (placed: [(place: Int, row: Int32)], nulls: Int) {
        func before(_ a: Int32, _ b: Int32) -> Bool {
            switch (value(rows[Int(a)]), value(rows[Int(b)])) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return ids[Int(a)] < ids[Int(b)]
            }
        }
        var placed: [(place: Int, row: Int32)] = []
        for (rank, row) in positions.sorted(by: before).enumerated() {
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if before(kept[middle], row) { low = middle + 1 } else { high = middle }
            }
            placed.append((low + rank, row))
        }
        return (placed, positions.filter { value(rows[Int($0)]) == nil }.count)
    }

    /// Places of the rows at `positions` (projects `ids`) in `sort`'s ascending order: each one's
    /// place is the number of projects it sorts after, counted by the database itself (so
    /// collation and NULLs stay the database's); and how many of them now sort as NULL.
    private func placeByDatabase(_ sort: ProjectQuery.SortKey, ids: [Int64], positions: [Int32], db: any SQLDatabase) async throws -> (placed: [(place: Int, row: Int32)], nulls: Int) {
        let mine = ProjectRepository.sortColumn(sort, table: "c").sql
        let theirs = ProjectRepository.sortColumn(sort, table: "p").sql
        let nullable = ProjectRepository.sortColumn(sort).nullable
        let valued = """
            (SELECT COUNT(*) FROM projects p WHERE \(theirs) < \(mine)) + (SELECT COUNT(*) FROM projects p WHERE \(theirs) = \(mine) AND p.id < c.id)
            """
        let place = nullable ? """
            CASE WHEN \(mine) IS NULL THEN (SELECT COUNT(*) FROM projects p WHERE \(theirs) IS NOT NULL)
                + (SELECT COUNT(*) FROM projects p WHERE \(theirs) IS NULL AND p.id < c.id) ELSE \(valued) END
            """ : valued
        let isNull = nullable ? "CASE WHEN \(mine) IS NULL THEN 1 ELSE 0 END" : "0"
        var placed: [(place: Int, row: Int32)] = []
        var nulls = 0
        for row in try await db.raw("""
            SELECT c.id AS id, \(unsafeRaw: place) AS place, \(unsafeRaw: isNull) AS is_null FROM projects c WHERE c.id IN (\(binds: ids))
            """).all() {
            guard let position = rowOfProject[try row.decode(column: "id", as: Int64.self)] else { throw LedgerIndexUnavailable() }
            placed.append((try row.decode(column: "place", as: Int.self), position))
            nulls += try row.decode(column: "is_null", as: Int.self)
        }
        guard placed.count == positions.count else { throw LedgerIndexUnavailable() }
        return (placed.sorted { $0.place < $1.place }, nulls)
    }
}
