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

    /// Each of the same reports handed to `body` as it is read, none kept; false when the months
    /// begin before the snapshot's reports do.
    func eachReportFigure(from first: Month, through last: Month, of only: Set<Int64>? = nil, _ body: (MonthlyReport) -> Void) -> Bool {
        guard first >= firstReportMonth else { return false }
        eachReport(from: first, through: last, of: only) { _, report in body(report) }
        return true
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

    /// The reports of the months, project by project in id order. The projects a write named are
    /// found by id, not by testing a province's every project against them (two hash passes over
    /// 100,000 for each move of the ranking's and the lights' parts).
    private func eachReport(from first: Month, through last: Month, of only: Set<Int64>?, _ body: (Int64, MonthlyReport) -> Void) {
        func each(_ id: Int64) {
            for figure in reports[id] ?? [] where figure.month >= first && figure.month <= last {
                body(id, figure.report(of: id))
            }
        }
        if let only, only.count < projects.count / 16 {
            for id in only.sorted() where project(id: id) != nil { each(id) }
            return
        }
        for project in projects where only?.contains(project.id) ?? true { each(project.id) }
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

    /// What moves a snapshot from one generation to a later one: the projects changed, read again.
    struct Changes: Sendable {
        var from: Int64
        var to: Int64
        var changed: Set<Int64>
        /// What exists of them now, in id order.
        var projects: [Project]
        var reports: [Int64: [ReportFigure]]
        var approvals: [Int64: [ProjectApproval]]
    }

    /// What moves a snapshot of `generation` forward to the current one, read inside a consistent
    /// read; nil when the changes since are not known exactly (the caller reads whole).
    static func changes(from generation: Int64, firstReportMonth: Month, db: any SQLDatabase) async throws -> Changes? {
        let current = try await LedgerGeneration.current(db)
        guard current >= generation, let changed = try await LedgerChanges.projects(after: generation, upTo: current, db: db) else { return nil }
        guard !changed.isEmpty else { return Changes(from: generation, to: current, changed: [], projects: [], reports: [:], approvals: [:]) }
        let ids = changed.sorted()
        return Changes(from: generation, to: current, changed: changed,
                       projects: try await ProjectRepository.load(ids: ids, db: db).values.sorted { $0.id < $1.id },
                       reports: try await Self.reports(from: firstReportMonth, of: ids, db: db), approvals: try await Self.approvals(of: ids, db: db))
    }

    /// Moved forward by `changes` (read from this snapshot's generation). In place: where no
    /// reader holds this snapshot any more, only the projects changed are touched, not every
    /// project, report list and approval list copied and the old ones freed after.
    mutating func apply(_ changes: Changes) {
        generation = changes.to
        wasReadWhole = false
        projects.replace(changes.changed, with: changes.projects)
        for id in changes.changed {
            reports[id] = changes.reports[id]
            approvals[id] = changes.approvals[id]
        }
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
    /// This array (in id order) without the `changed` ones and with `fresh` (in id order) in their
    /// places, as `ProjectSnapshot.merged` gives it, in place: a few changed are each put where
    /// they belong, so an array no one else holds is not copied; more are merged into a new one.
    mutating func replace(_ changed: Set<Int64>, with fresh: [Element]) {
        guard !changed.isEmpty else { return }
        guard changed.count <= 64 else {
            self = ProjectSnapshot.merged(self, replacing: changed, with: fresh)
            return
        }
        let staying = Set(fresh.map(\.id))
        for id in changed where !staying.contains(id) {
            let at = partitioningIndex { $0.id >= id }
            if at < count && self[at].id == id { remove(at: at) }
        }
        for element in fresh {
            let at = partitioningIndex { $0.id >= element.id }
            if at < count && self[at].id == element.id { self[at] = element } else { insert(element, at: at) }
        }
    }

    /// The element with `id` in an array in id order (the snapshot's projects, a keeper's parts),
    /// by binary search. Inlinable: a caller in another module (the kept lights) gets it
    /// specialised to its elements rather than copying each through the generic witnesses.
    @inlinable
    public func element(id: Int64) -> Element? {
        let at = partitioningIndex { $0.id >= id }
        return at < count && self[at].id == id ? self[at] : nil
    }
}
