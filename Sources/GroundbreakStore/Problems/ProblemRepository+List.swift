import Foundation
import GroundbreakDomain
import SQLKit

public struct ProblemPage: Sendable {
    public var problems: [Problem]
    public var totalCount: Int
    public var page: Int
    public var perPage: Int

    public var pageCount: Int { max(1, (totalCount + perPage - 1) / perPage) }
}

extension ProblemRepository {
    /// One page of the problems `reach` sees that `query` asks for: most urgent first (soonest
    /// deadline, unassigned ones first among equals), closed ones by when they closed.
    public func list(_ query: ProblemQuery, reach: ProblemReach, today: Day) async throws -> ProblemPage {
        let filter = Self.whereClause(query, today: today) + " AND " + Self.reachClause(reach)
        let db = database.reader
        let total = try await db.raw("SELECT COUNT(*) AS n FROM problems WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
        let offset = (query.page - 1) * query.perPage
        let order = query.view == .closedThisMonth ? "closed_on DESC, id DESC" : "CASE WHEN deadline IS NULL THEN 0 ELSE 1 END, deadline, id"
        let rows = try await db.raw("""
            SELECT * FROM problems WHERE \(filter) ORDER BY \(unsafeRaw: order) LIMIT \(bind: query.perPage) OFFSET \(bind: offset)
            """).all()
        var problems = try rows.map(Self.problem)
        let support = try await Self.support(of: problems.map(\.id), db: db)
        for index in problems.indices { problems[index].supportUnits = support[problems[index].id] ?? [] }
        return ProblemPage(problems: problems, totalCount: total, page: query.page, perPage: query.perPage)
    }

    /// Every problem `reach` sees, for the figures (support units not loaded).
    public func all(reach: ProblemReach) async throws -> [Problem] {
        try await database.reader.raw("SELECT * FROM problems WHERE \(Self.reachClause(reach)) ORDER BY id").all().map(Self.problem)
    }

    /// `ProblemStatus.clockRunning` as SQL: the problems whose owner's deadline runs.
    static var clockRunning: SQLQueryString {
        // The states are this program's own words, never input.
        "status IN (\(unsafeRaw: ProblemStatus.clockRunning.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
    }

    static func whereClause(_ query: ProblemQuery, today: Day) -> SQLQueryString {
        var parts: [SQLQueryString] = []
        switch query.view {
        case .open: parts.append("status <> 'closed'")
        case .overdue: parts.append("\(Self.clockRunning) AND deadline < \(bind: today.iso)")
        case .escalated: parts.append("escalations > 0")
        case .closedThisMonth:
            let month = Month(today)
            parts.append("status = 'closed' AND closed_on >= \(bind: month.firstDay.iso) AND closed_on <= \(bind: month.lastDay.iso)")
        case .all: break
        }
        if let status = query.status { parts.append("status = \(bind: status.rawValue)") }
        if let owner = query.owner { parts.append("owner_kind = \(bind: owner.kind.rawValue) AND owner_code = \(bind: owner.code)") }
        if let category = query.categoryCode { parts.append("category_code = \(bind: category)") }
        if let project = query.projectId { parts.append("project_id = \(bind: project)") }
        return parts.isEmpty ? "1 = 1" : "(" + parts.joined(separator: " AND ") + ")"
    }

    /// The one filter of what a caller sees (see `ProblemReach`).
    static func reachClause(_ reach: ProblemReach) -> SQLQueryString {
        if reach.everything { return "1 = 1" }
        var parts: [SQLQueryString] = []
        if !reach.projects.isEmpty {
            parts.append("(problems.project_id IS NOT NULL AND EXISTS (SELECT 1 FROM projects WHERE projects.id = problems.project_id AND \(ProjectRepository.scopeClause(reach.projects))))")
            let regions = reach.projects.rules.flatMap { rule -> [String] in
                guard rule.stages == nil, case .regions(let codes) = rule.reach else { return [] }
                return Array(codes)
            }
            if !regions.isEmpty { parts.append("(problems.project_id IS NULL AND problems.region_code IN (\(binds: Set(regions).sorted())))") }
        }
        for kind in OrgUnit.Kind.allCases {
            let codes = reach.units.filter { $0.kind == kind }.map(\.code).sorted()
            guard !codes.isEmpty else { continue }
            parts.append("(problems.owner_kind = \(bind: kind.rawValue) AND problems.owner_code IN (\(binds: codes)))")
            parts.append("""
                EXISTS (SELECT 1 FROM problem_support_units su WHERE su.problem_id = problems.id AND su.unit_kind = \(bind: kind.rawValue) AND su.unit_code IN (\(binds: codes)))
                """)
        }
        return parts.isEmpty ? "1 = 0" : "(" + parts.joined(separator: " OR ") + ")"
    }
}
