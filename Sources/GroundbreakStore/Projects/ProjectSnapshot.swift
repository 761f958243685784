import Foundation
import GroundbreakDomain
import SQLKit

/// Every project as a `Project`, with its monthly figures since January of last year and every
/// approval item, as they stood at one ledger generation. The figures read the whole ledger on
/// each computation (the lights, the ranking, the big screen, the home tiles, the approval
/// analytics): at a province's 100,000 projects, million reports and three-quarters of a million
/// approval items decoding them is seconds each time, so they read this instead, moved forward by
/// the projects later generations changed (`LedgerChanges`), as the ledger index is. Every write
/// of a project, its child rows, its reports or its approvals names the project in the change feed.
struct ProjectSnapshot: Sendable {
    var generation: Int64
    /// In id order.
    var projects: [Project]
    /// The reports' figures from `firstReportMonth` on, by project.
    var reports: [Int64: [ReportFigure]]
    var firstReportMonth: Month
    /// Every approval item, by project.
    var approvals: [Int64: [ProjectApproval]]
    /// Read whole rather than moved forward from an earlier snapshot.
    var wasReadWhole = true

    /// What of a report the figures read: the amounts, the month, the state and the sending time.
    struct ReportFigure: Sendable, Equatable {
        var id: Int64
        var month: Month
        var dispatch: Money
        var statistical: Money?
        var status: MonthlyReport.Status
        var submittedAt: Date

        init(_ report: MonthlyReport) {
            (id, month, dispatch, statistical, status, submittedAt) =
                (report.id, report.month, report.figures.dispatch, report.figures.statistical, report.status, report.submittedAt)
        }

        func report(of projectId: Int64) -> MonthlyReport {
            MonthlyReport(id: id, projectId: projectId, month: month, figures: MonthlyFigures(dispatch: dispatch, statistical: statistical),
                          status: status, submittedAt: submittedAt, submittedBy: "")
        }
    }

    /// The project with `id`, by binary search over `projects`.
    func project(id: Int64) -> Project? {
        projects.element(id: id)
    }

    /// January of last year: this year's figures and last year's to compare them with.
    static func firstReportMonth(today: Day) -> Month {
        Month(year: today.year - 1, month: 1)!
    }

    var reportCount: Int { reports.values.reduce(0) { $0 + $1.count } }

    /// Every report from `first` through `last` (of the projects `only` names, when given) as
    /// `MonthlyReportRepository.reportFigures` reads them; nil when the months start before the
    /// snapshot's.
    func reportFigures(from first: Month, through last: Month, of only: Set<Int64>? = nil) -> [MonthlyReport]? {
        guard first >= firstReportMonth else { return nil }
        var result: [MonthlyReport] = []
        eachReport(from: first, through: last, of: only) { _, report in result.append(report) }
        return result
    }

    /// The same reports by project, each adjusted by `keep` and dropped when it answers false,
    /// without a flat list to group again: the ranking reads every project's year this way.
    func reportFiguresByProject(from first: Month, through last: Month, of only: Set<Int64>? = nil,
                                keep: (inout MonthlyReport) -> Bool) -> [Int64: [MonthlyReport]]? {
        guard first >= firstReportMonth else { return nil }
        var result: [Int64: [MonthlyReport]] = [:]
        result.reserveCapacity(only?.count ?? projects.count)
        var own: [MonthlyReport] = []
        var ownId: Int64?
        eachReport(from: first, through: last, of: only) { id, report in
            if id != ownId {
                if let ownId, !own.isEmpty { result[ownId] = own }
                (ownId, own) = (id, [])
            }
            var report = report
            if keep(&report) { own.append(report) }
        }
        if let ownId, !own.isEmpty { result[ownId] = own }
        return result
    }

    /// The reports of the months, project by project in id order.
    private func eachReport(from first: Month, through last: Month, of only: Set<Int64>?, _ body: (Int64, MonthlyReport) -> Void) {
        for project in projects where only?.contains(project.id) ?? true {
            for figure in reports[project.id] ?? [] where figure.month >= first && figure.month <= last {
                body(project.id, figure.report(of: project.id))
            }
        }
    }

    /// Read whole, inside a consistent read.
    static func read(db: any SQLDatabase, firstReportMonth: Month) async throws -> ProjectSnapshot {
        let generation = try await LedgerGeneration.current(db)
        let ids = try await db.raw("SELECT id FROM projects ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
        let byId = try await ProjectRepository.load(ids: ids, db: db)
        return ProjectSnapshot(generation: generation, projects: ids.compactMap { byId[$0] },
                               reports: try await reports(from: firstReportMonth, of: nil, db: db), firstReportMonth: firstReportMonth,
                               approvals: try await approvals(of: nil, db: db))
    }

    /// The reports' figures from `first` on, of `projects` (nil: all), by project.
    private static func reports(from first: Month, of projects: [Int64]?, db: any SQLDatabase) async throws -> [Int64: [ReportFigure]] {
        let only: SQLQueryString = projects.map { "AND project_id IN (\(binds: $0))" } ?? ""
        var result: [Int64: [ReportFigure]] = [:]
        for row in try await db.raw("""
            SELECT \(unsafeRaw: MonthlyReportRepository.figuresColumns) FROM monthly_reports WHERE month >= \(bind: first.iso) \(only)
            """).all() {
            let report = try MonthlyReportRepository.figuresReport(row)
            result[report.projectId, default: []].append(ReportFigure(report))
        }
        return result
    }

    /// Moved forward to the current generation, inside a consistent read; nil when the changes
    /// since are not known exactly (the caller reads whole).
    func advanced(db: any SQLDatabase) async throws -> ProjectSnapshot? {
        let current = try await LedgerGeneration.current(db)
        guard current >= generation, let changed = try await LedgerChanges.projects(after: generation, upTo: current, db: db) else { return nil }
        var next = self
        next.generation = current
        next.wasReadWhole = false
        guard !changed.isEmpty else { return next }
        let ids = changed.sorted()
        let fresh = try await ProjectRepository.load(ids: ids, db: db)
        next.projects = Self.merged(projects, replacing: changed, with: fresh.values.sorted { $0.id < $1.id })
        let reports = try await Self.reports(from: firstReportMonth, of: ids, db: db)
        let approvals = try await Self.approvals(of: ids, db: db)
        for id in ids {
            next.reports[id] = reports[id]
            next.approvals[id] = approvals[id]
        }
        return next
    }

    /// `projects` without the `changed` ones, and `fresh` (what exists of them now) in their places
    /// by id: a changed project no longer there is dropped, a new one comes in.
    static func merged<Item: Identifiable>(_ projects: [Item], replacing changed: Set<Int64>, with fresh: [Item]) -> [Item] where Item.ID == Int64 {
        var result: [Item] = []
        result.reserveCapacity(projects.count + fresh.count)
        var next = fresh.makeIterator()
        var pending = next.next()
        for project in projects {
            while let candidate = pending, candidate.id < project.id {
                result.append(candidate)
                pending = next.next()
            }
            if !changed.contains(project.id) { result.append(project) }
        }
        while let candidate = pending {
            result.append(candidate)
            pending = next.next()
        }
        return result
    }
}

extension Array where Element: Identifiable, Element.ID == Int64 {
    /// The element with `id` in an array in id order (the snapshot's projects, a keeper's parts),
    /// by binary search. Inlinable: a caller in another module (the kept lights) gets it
    /// specialised to its elements rather than copying each through the generic witnesses.
    @inlinable
    public func element(id: Int64) -> Element? {
        let at = partitioningIndex { $0.id >= id }
        return at < count && self[at].id == id ? self[at] : nil
    }
}
