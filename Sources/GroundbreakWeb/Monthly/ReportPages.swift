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
    static func listed(_ rows: BoardRows, _ filter: ReportBoardFilter, _ input: EndpointRequest) -> BoardRows {
        guard !filter.listsEverything else { return rows }
        return rows.kept(where: admitted(by: filter, input))
    }

    static func admitted(by filter: ReportBoardFilter, _ input: EndpointRequest) -> (ReportState, Project) -> Bool {
        let regions = filter.region.map { input.catalog.regionSubtree($0) }
        return { filter.admits($0, of: $1, regions: regions, reader: input.principal) }
    }

    /// The projects in `scope` that owe `month`'s report.
    static func owing(_ input: EndpointRequest, month: Month, scope: ProjectScope) async throws -> [Project] {
        try await owingSelection(input, month: month, scope: scope).array
    }

    private static func owingSelection(_ input: EndpointRequest, month: Month, scope: ProjectScope) async throws -> Selection<Project> {
        let rules = input.services.reportRules
        return try await input.services.projects.selection(inStages: rules.reportingStages + [.operation], scope: scope) {
            rules.mustReport($0, for: month)
        }
    }

    /// Every project in the caller's scope that owes `month`'s report, its state and report.
    static func owed(_ input: EndpointRequest, month: Month) async throws -> Owed {
        let projects = try await owingSelection(input, month: month, scope: input.scope(.viewProjects))
        let reports = try await input.services.reports.reports(month: month)
        let positions = reports.positions(of: projects)
        let due = month.dueDate(day: input.services.reportRules.dueDay)
        // Every project here owes the month's report; before the month ends an unsent one is due.
        let unsent = ReportState.unsent(owed: true, month: month, due: due, today: input.today)
        let states = positions.map { at in
            at.map { reports.reading($0) { ReportState.sent($0, due: due) } } ?? (unsent == .notRequired ? .due : unsent)
        }
        return Owed(projects: projects, states: states, reports: reports, reportPositions: positions)
    }

    /// Every project in the caller's scope that owes `month`'s report, the most urgent first.
    static func boardRows(_ input: EndpointRequest, month: Month) async throws -> BoardRows {
        try await owed(input, month: month).rows()
    }

    /// A closed month reads its snapshot; the corrections made since are listed beside it.
    struct Closing: Sendable {
        var close: MonthClose?
        var snapshot: [Int64: SnapshotFigures]
        var corrections: [ReportCorrection]
    }

    /// `rows`' closing; their projects are gathered only when the month is closed.
    static func closing(_ input: EndpointRequest, month: Month, rows: BoardRows) async throws -> Closing {
        let closes = MonthCloseRepository(database: input.services.database)
        guard let close = try await closes.close(of: month) else { return Closing(close: nil, snapshot: [:], corrections: []) }
        let projects = rows.projectIds
        return Closing(close: close, snapshot: try await closes.snapshot(month: month).filter { projects.contains($0.key) },
                       corrections: try await closes.corrections(month: month).filter { projects.contains($0.projectId) })
    }

    /// What a reader is shown of the board is kept, rendered, until the next audited change or
    /// the next day: computing it takes every project a province owes the month (tens of
    /// milliseconds), and keeping the rows themselves would hold the figures' snapshot, which every
    /// write's move would then copy. Everything it shows comes from the reader (scope, roles), the
    /// query, the day and the data, so those are its key.
    static func board(_ input: EndpointRequest) async throws -> Response {
        let context = PageContext(input)
        let query = input.queryItems.map { "\(Route.encode($0.0))=\(Route.encode($0.1))" }.joined(separator: "&")
        // Read before the figures, as every figures key is.
        let key = try await input.services.figuresKey("report-board", "user \(input.principal?.userId ?? 0)", query, input.today.iso)
        return Responses.html(ReportsBoardPage.document(context, figures: try await RenderedFigures.content(
            key: key, in: input.services.renderedBoards, forms: context) { try await boardPage(input, context: $0).figures }))
    }

    static func boardPage(_ input: EndpointRequest, context: PageContext) async throws -> ReportsBoardPage {
        let filter = (try? ReportBoardFilter.parse(input.queryItems, defaultMonth: reportingMonth(input.today)).get())
            ?? ReportBoardFilter(month: reportingMonth(input.today))
        let month = filter.month
        let rows = try await boardRows(input, month: month)
        return ReportsBoardPage(context: context, month: month, filter: filter, rows: rows, listed: listed(rows, filter, input),
                                closing: try await closing(input, month: month, rows: rows), today: input.today,
                                canAdminister: Policy.decide(.administer, for: input.principal, catalog: input.catalog) == .allow,
                                due: month.dueDate(day: input.services.reportRules.dueDay), catalog: input.catalog,
                                canReview: Policy.decide(.reviewReports, for: input.principal, catalog: input.catalog) == .allow,
                                notice: boardNotice(FormData(pairs: input.queryItems)))
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
