import Foundation
import GroundbreakDomain
import SQLKit

/// One project's statements on the year lists of a year, with what the statistics read of the
/// project: kept between computations (`ProjectPartsKeeper`), as a province's lists hold about
/// 150,000 statements a year and the statistics read them all twice (the year and the one before)
/// after each write. A project's edit names it; a list's import and a scheme's change name none,
/// which takes every part again. A class of constants: each computation moves every part into a
/// new list, and copying one is then a reference, not each of its strings and arrays.
final class ListedPart: Sendable, Identifiable, Equatable {
    struct Statement: Sendable, Equatable {
        let listId: Int64
        let listRegion: String
        let nature: ListNature?
        let plannedInvestment: Money?
    }

    let id: Int64
    let name: String
    let total: Money
    let regionCode: String
    /// By list, earliest first.
    let statements: [Statement]
    /// Its class in each scheme that has classed it.
    let classes: [Int64: String]

    init(id: Int64, name: String, total: Money, regionCode: String, statements: [Statement], classes: [Int64: String]) {
        self.id = id
        self.name = name
        self.total = total
        self.regionCode = regionCode
        self.statements = statements
        self.classes = classes
    }

    static func == (left: ListedPart, right: ListedPart) -> Bool {
        left === right || (left.id == right.id && left.name == right.name && left.total == right.total && left.regionCode == right.regionCode
            && left.statements == right.statements && left.classes == right.classes)
    }

    /// Its statement as the lists of `regionCodes` make it: on the list of `ownRegion` if there,
    /// else the earliest list's; nil when none of those lists holds it.
    func listed(regionCodes: Set<String>, ownRegion: String, schemeId: Int64?) -> ListedProject? {
        guard let chosen = chosen(regionCodes: regionCodes, ownRegion: ownRegion) else { return nil }
        var listed = ListedProject(projectId: id, name: name, total: total, nature: chosen.nature, className: schemeId.flatMap { classes[$0] })
        listed.regionCode = regionCode
        listed.plannedInvestment = chosen.plannedInvestment
        return listed
    }

    /// The statement the lists of `regionCodes` make: on the list of `ownRegion` if there, else
    /// the earliest list's; nil when none of those lists holds it.
    func chosen(regionCodes: Set<String>, ownRegion: String) -> Statement? {
        var chosen: Statement?
        for statement in statements where regionCodes.contains(statement.listRegion) {
            if chosen == nil { chosen = statement }
            if statement.listRegion == ownRegion { return statement }
        }
        return chosen
    }
}

extension YearListRepository {
    /// Every project on the lists of `regionCodes` for `year`, once each (the statement on the
    /// list of `ownRegion` wins, then the earliest list), with its class in `schemeId`; in id order.
    public func listed(regionCodes: Set<String>, ownRegion: String, year: Int, schemeId: Int64?) async throws -> [ListedProject] {
        guard !regionCodes.isEmpty else { return [] }
        let parts = try await listedParts(year: year)
        var listed: [ListedProject] = []
        // Room for all at once: a block this large is paid for only where written, where growing
        // it moved every project made so far.
        listed.reserveCapacity(parts.count)
        for part in parts {
            if let project = part.listed(regionCodes: regionCodes, ownRegion: ownRegion, schemeId: schemeId) { listed.append(project) }
        }
        return listed
    }

    /// The paragraph's tally of the projects `listed` gives, summed from the kept parts without
    /// making each project's `ListedProject`.
    func tally(_ query: StatisticsQuery, regionCodes: Set<String>, year: Int, schemeId: Int64?) async throws -> StatisticsFigures.Tally {
        var tally = StatisticsFigures.Tally(query)
        guard !regionCodes.isEmpty else { return tally }
        let parts = try await listedParts(year: year)
        for part in parts {
            guard let chosen = part.chosen(regionCodes: regionCodes, ownRegion: query.regionCode) else { continue }
            tally.add(projectId: part.id, total: part.total, nature: chosen.nature, className: schemeId.flatMap { part.classes[$0] }) { part.name }
        }
        return tally
    }

    /// Each listed project's part of `year`, kept and moved forward by the projects changed.
    func listedParts(year: Int) async throws -> [ListedPart] {
        try await database.listedParts.parts(year, database) { [database] ids in
            try await Self.readListedParts(year: year, of: ids, database.reader)
        }
    }

    /// The parts of `ids` (nil: of every project) from SQL; cancelled projects have none.
    static func readListedParts(year: Int, of ids: Set<Int64>?, _ db: any SQLDatabase) async throws -> [ListedPart] {
        let named = ids.flatMap { $0.count > LedgerChanges.mostBoundInRead ? nil : $0 }
        let only: SQLQueryString = named.map { $0.isEmpty ? "AND 1 = 0" : "AND p.id IN (\(binds: $0.sorted()))" } ?? ""
        let classOnly: SQLQueryString = named.map { $0.isEmpty ? "WHERE 1 = 0" : "WHERE pc.project_id IN (\(binds: $0.sorted()))" } ?? ""
        let rows = try await db.raw("""
            SELECT p.id, p.name, p.total_investment, p.region_code AS project_region, e.nature, e.planned_investment_yuan, l.region_code, l.id AS list_id
            FROM year_list_entries e JOIN year_lists l ON l.id = e.list_id JOIN projects p ON p.id = e.project_id
            WHERE l.year = \(bind: year) AND p.stage <> \(bind: Stage.cancelled.rawValue) \(only)
            ORDER BY p.id, l.id
            """).all()
        var classes: [Int64: [Int64: String]] = [:]
        for row in try await db.raw("""
            SELECT pc.project_id, pc.scheme_id, c.name FROM project_classes pc JOIN scheme_classes c ON c.id = pc.class_id \(classOnly)
            """).all() {
            classes[try row.decode(column: "project_id", as: Int64.self), default: [:]][try row.decode(column: "scheme_id", as: Int64.self)]
                = try row.decode(column: "name", as: String.self)
        }
        var parts: [ListedPart] = []
        var statements: [ListedPart.Statement] = []
        var current: (id: Int64, name: String, total: Money, region: String)?
        func finish() {
            guard let project = current else { return }
            if ids.map({ $0.contains(project.id) }) ?? true {
                parts.append(ListedPart(id: project.id, name: project.name, total: project.total, regionCode: project.region,
                                        statements: statements, classes: classes[project.id] ?? [:]))
            }
            statements = []
        }
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            if current?.id != id {
                finish()
                current = (id, try row.decode(column: "name", as: String.self), Money(yuan: try row.decode(column: "total_investment", as: Int64.self)),
                           try row.decode(column: "project_region", as: String.self))
            }
            statements.append(ListedPart.Statement(
                listId: try row.decode(column: "list_id", as: Int64.self), listRegion: try row.decode(column: "region_code", as: String.self),
                nature: try row.decode(column: "nature", as: String?.self).flatMap(ListNature.init(rawValue:)),
                plannedInvestment: try row.decode(column: "planned_investment_yuan", as: Int64?.self).map(Money.init(yuan:))))
        }
        finish()
        return parts
    }
}
