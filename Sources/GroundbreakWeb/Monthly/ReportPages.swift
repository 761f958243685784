import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// Monthly reports: a project's year of reports with its derived totals, the month's board of who
/// has reported, and the centre's review.
enum ReportPages {
    /// The month normally being reported: the one that just ended.
    static func reportingMonth(_ today: Day) -> Month { Month(today).previous }

    static func projectReports(_ input: EndpointRequest) async throws -> Response {
        try await render(input, project: try input.targetProject(), errors: [], form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, project: Project, errors: [FieldError], form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let year = Int(FormData(pairs: input.queryItems)["year"]).flatMap { (2000...2100).contains($0) ? $0 : nil } ?? input.today.year
        let page = ProjectReportsPage(
            context: PageContext(input), project: project, year: year, reports: try await input.services.reports.reports(projectId: project.id),
            rules: input.services.reportRules, today: input.today, defaultMonth: reportingMonth(input.today),
            requestedMonth: Month.parse(FormData(pairs: input.queryItems)["month"]),
            plan: try await AnnualPlanRepository(database: input.services.database).plans(projectId: project.id).first { $0.year == year },
            photos: try await input.services.files.photos(projectId: project.id),
            canSubmit: Policy.decide(.editProject, on: project, for: input.principal, catalog: input.catalog) == .allow,
            canReview: Policy.decide(.reviewReports, for: input.principal, catalog: input.catalog) == .allow,
            errors: errors, form: form, notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Monthly.saved }
        )
        return Responses.html(page.document, status: status)
    }

    static func submit(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            switch ReportInput.parse(form: form, defaultMonth: reportingMonth(input.today)) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let report):
                _ = try await input.services.reports.submit(project: project, month: report.month, figures: report.figures, expectedVersion: report.version,
                                                            correctionReason: report.correctionReason, rules: input.services.reportRules, actor: input.actor, today: input.today, now: input.now)
                return Responses.redirect(to: Route.projectReports(project.id, year: report.month.year).path(notice: "saved"))
            }
        }, refused: { try await render(input, project: project, errors: $0.errors, form: form, status: $0.status) })
    }

    /// The rows a board filter lists, for the page, its workbook, the API and the home tiles alike.
    static func listed(_ rows: [BoardRow], _ filter: ReportBoardFilter, _ input: EndpointRequest) -> [BoardRow] {
        let admits = admitted(by: filter, input)
        return rows.filteredSharing { admits($0.state, $0.project) }
    }

    private static func admitted(by filter: ReportBoardFilter, _ input: EndpointRequest) -> (ReportState, Project) -> Bool {
        let regions = filter.region.map { input.catalog.regionSubtree($0) }
        return { filter.admits($0, of: $1, regions: regions, reader: input.principal) }
    }

    struct BoardRow: Sendable {
        var project: Project
        var state: ReportState
        var report: MonthlyReport?
    }

    /// How many rows are in each state and the dispatch figures they report, for the page's chips
    /// and the API's counts alike. Counted in place: grouping a province's rows copied each one.
    struct Tally {
        var counts: [ReportState: Int] = [:]
        var dispatch = Money.zero

        init(_ rows: [BoardRow]) {
            var byState = [Int](repeating: 0, count: ReportState.allCases.count)
            for index in rows.indices {
                byState[rows[index].state.position] += 1
                if let figures = rows[index].report?.figures { dispatch = dispatch + figures.dispatch }
            }
            for (state, count) in zip(ReportState.allCases, byState) where count > 0 { counts[state] = count }
        }
    }

    /// The board before it is sorted into rows: every project in the caller's scope that owes the
    /// month's report, in id order, with its state and report. The home page's tiles count it as it
    /// is; the board sorts it into rows, each project copied once.
    struct Owed {
        let projects: [Project]
        let states: [ReportState]
        var reports: [MonthlyReport?]

        /// How many projects `filter` lists (the home page's tiles), as `listed` would list them.
        func count(_ filter: ReportBoardFilter, _ input: EndpointRequest) -> Int {
            let admits = admitted(by: filter, input)
            return projects.indices.reduce(0) { admits(states[$1], projects[$1]) ? $0 + 1 : $0 }
        }

        /// The rows, the most urgent first, then by id; each report moved into its row.
        consuming func rows() -> [BoardRow] {
            let order: [ReportState] = [.missing, .returned, .due, .submittedLate, .submitted, .accepted, .notRequired]
            let rank = ReportState.allCases.map { order.firstIndex(of: $0) ?? order.count }
            // Sorted by small keys, then each row made once: a row holds a whole project, and a
            // province has tens of thousands of them to move.
            let keys = projects.indices
                .map { (rank: rank[states[$0].position], id: projects[$0].id, at: $0) }
                .sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
            var rows: [BoardRow] = []
            rows.reserveCapacity(keys.count)
            for key in keys {
                rows.append(BoardRow(project: projects[key.at], state: states[key.at], report: reports[key.at].take()))
            }
            return rows
        }
    }

    /// The projects in `scope` that owe `month`'s report.
    static func owing(_ input: EndpointRequest, month: Month, scope: ProjectScope) async throws -> [Project] {
        let rules = input.services.reportRules
        return try await input.services.projects.projects(inStages: rules.reportingStages + [.operation], scope: scope) {
            rules.mustReport($0, for: month)
        }
    }

    /// Every project in the caller's scope that owes `month`'s report, its state and report.
    static func owed(_ input: EndpointRequest, month: Month) async throws -> Owed {
        let rules = input.services.reportRules
        let projects = try await owing(input, month: month, scope: input.scope(.viewProjects))
        let reports = try await input.services.reports.reports(month: month).of(projects)
        let states = projects.indices.map { at in
            let state = ReportState.of(reports[at], project: projects[at], month: month, rules: rules, today: input.today)
            return state == .notRequired ? ReportState.due : state
        }
        return Owed(projects: projects, states: states, reports: reports)
    }

    /// Every project in the caller's scope that owes `month`'s report, the most urgent first.
    static func boardRows(_ input: EndpointRequest, month: Month) async throws -> [BoardRow] {
        try await owed(input, month: month).rows()
    }

    /// A closed month reads its snapshot; the corrections made since are listed beside it.
    struct Closing: Sendable {
        var close: MonthClose?
        var snapshot: [Int64: SnapshotFigures]
        var corrections: [ReportCorrection]
    }

    static func closing(_ input: EndpointRequest, month: Month, projects: Set<Int64>) async throws -> Closing {
        let closes = MonthCloseRepository(database: input.services.database)
        guard let close = try await closes.close(of: month) else { return Closing(close: nil, snapshot: [:], corrections: []) }
        return Closing(close: close, snapshot: try await closes.snapshot(month: month).filter { projects.contains($0.key) },
                       corrections: try await closes.corrections(month: month).filter { projects.contains($0.projectId) })
    }

    static func board(_ input: EndpointRequest) async throws -> Response {
        let filter = (try? ReportBoardFilter.parse(input.queryItems, defaultMonth: reportingMonth(input.today)).get())
            ?? ReportBoardFilter(month: reportingMonth(input.today))
        let month = filter.month
        let rows = try await boardRows(input, month: month)
        let page = ReportsBoardPage(context: PageContext(input), month: month, filter: filter, rows: rows, listed: listed(rows, filter, input),
                                    closing: try await closing(input, month: month, projects: Set(rows.map(\.project.id))), today: input.today,
                                    canAdminister: Policy.decide(.administer, for: input.principal, catalog: input.catalog) == .allow,
                                    due: month.dueDate(day: input.services.reportRules.dueDay), catalog: input.catalog,
                                    canReview: Policy.decide(.reviewReports, for: input.principal, catalog: input.catalog) == .allow,
                                    notice: boardNotice(FormData(pairs: input.queryItems)))
        return Responses.html(page.document)
    }

    /// What the board says after an action: saved, urged (how many told), accepted (how many, and
    /// how many were left because they changed meanwhile or no longer wait for review).
    static func boardNotice(_ query: FormData) -> String? {
        switch query["notice"] {
        case "": return nil
        case "urged": return WebText.Monthly.urged(Int(query["count"]) ?? 0)
        case "accepted": return WebText.Monthly.acceptedMany(Int(query["count"]) ?? 0, Int(query["left"]) ?? 0)
        default: return WebText.Monthly.saved
        }
    }

    static func review(_ input: EndpointRequest) async throws -> Response {
        guard let report = input.report else { throw AppError.notFound }
        let form = input.form ?? FormData(pairs: [])
        let decision = form["decision"]
        guard ["accept", "return"].contains(decision) else {
            throw AppError.validation(ValidationFailure([FieldError("decision", .required(field: "decision"))]))
        }
        guard let version = Int(form["version"]) else { throw AppError.validation(ValidationFailure([FieldError("version", .required(field: "version"))])) }
        _ = try await input.services.reports.review(id: report.id, accept: decision == "accept", comment: form["reviewComment"], expectedVersion: version,
                                                    actor: input.actor, now: input.now)
        return Responses.redirect(to: backPath(form["back"], report: report))
    }

    static func backPath(_ back: String, report: MonthlyReport) -> String {
        back == "project"
            ? Route.projectReports(report.projectId, year: report.month.year).path(notice: "saved")
            : Route.reportsBoard(month: report.month.iso).path(notice: "saved")
    }

    static func closeMonth(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        guard let month = Month.parse(form["month"]) else { throw AppError.validation(ValidationFailure([FieldError("month", .dateInvalid)])) }
        _ = try await MonthCloseRepository(database: input.services.database).close(
            month: month, assessment: try await AssessmentPages.tablesToFreeze(input, month: month), actor: input.actor, today: input.today, now: input.now)
        return Responses.redirect(to: Route.reportsBoard(month: month.iso).path(notice: "saved"))
    }

    static func reopenMonth(_ input: EndpointRequest) async throws -> Response {
        let form = input.form ?? FormData(pairs: [])
        guard let month = Month.parse(form["month"]) else { throw AppError.validation(ValidationFailure([FieldError("month", .dateInvalid)])) }
        try await MonthCloseRepository(database: input.services.database).reopen(month: month, reason: form["reason"], actor: input.actor, now: input.now)
        return Responses.redirect(to: Route.reportsBoard(month: month.iso).path(notice: "saved"))
    }
}
