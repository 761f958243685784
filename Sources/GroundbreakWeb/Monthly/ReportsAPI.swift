import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird

/// `/api/v1` for monthly reports. Amounts are in yuan, as everywhere in the API.
enum ReportsAPI {
    struct ReportDTO: Codable, Sendable {
        var id: Int64
        var projectId: Int64
        var month: String
        var dispatch: Int64
        @ExplicitNull var statistical: Int64?
        var progressText: String
        @ExplicitNull var progressPercent: Int?
        @ExplicitNull var jobs: Int?
        var jumpReason: String
        var status: String
        var statusLabel: String
        var reviewComment: String
        var submittedAt: Date
        var submittedBy: String
        @ExplicitNull var reviewedAt: Date?
        var reviewedBy: String
        var version: Int
        /// Derived through this month: never typed.
        var yearDispatch: Int64
        var yearStatistical: Int64
        var sinceStartDispatch: Int64
        var sinceStartStatistical: Int64

        init(_ report: MonthlyReport, all: [MonthlyReport]) {
            let totals = ReportTotals(all, through: report.month)
            id = report.id
            projectId = report.projectId
            month = report.month.iso
            dispatch = report.figures.dispatch.yuan
            statistical = report.figures.statistical?.yuan
            progressText = report.figures.progressText
            progressPercent = report.figures.progressPercent
            jobs = report.figures.jobs
            jumpReason = report.figures.jumpReason
            status = report.status.rawValue
            statusLabel = report.status.label
            reviewComment = report.reviewComment
            submittedAt = report.submittedAt
            submittedBy = report.submittedBy
            reviewedAt = report.reviewedAt
            reviewedBy = report.reviewedBy
            version = report.version
            yearDispatch = totals.yearDispatch.yuan
            yearStatistical = totals.yearStatistical.yuan
            sinceStartDispatch = totals.sinceStartDispatch.yuan
            sinceStartStatistical = totals.sinceStartStatistical.yuan
        }
    }

    static func projectReports(_ input: EndpointRequest) async throws -> Response {
        let all = try await input.services.reports.reports(projectId: try input.targetProject().id)
        return try Responses.json(all.map { ReportDTO($0, all: all) })
    }

    struct SubmitBody: Decodable, Sendable {
        var month: String
        var dispatch: Int64
        var statistical: Int64?
        var progressText: String?
        var progressPercent: Int?
        var jobs: Int?
        var jumpReason: String?
        var version: Int?
        /// Required for a closed month.
        var correctionReason: String?
    }

    static func submit(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(SubmitBody.self)
        var errors: [FieldError] = []
        let month = Month.parse(body.month)
        if month == nil { errors.append(FieldError("month", .dateInvalid)) }
        if body.dispatch < 0 { errors.append(FieldError("dispatch", .money(.negative))) }
        if let statistical = body.statistical, statistical < 0 { errors.append(FieldError("statistical", .money(.negative))) }
        guard errors.isEmpty, let month else { throw AppError.validation(ValidationFailure(errors)) }
        let figures = MonthlyFigures(dispatch: Money(yuan: body.dispatch), statistical: body.statistical.map(Money.init(yuan:)),
                                     progressText: body.progressText ?? "", progressPercent: body.progressPercent, jobs: body.jobs,
                                     jumpReason: body.jumpReason ?? "")
        let saved = try await input.services.reports.submit(project: project, month: month, figures: figures, expectedVersion: body.version,
                                                            correctionReason: body.correctionReason ?? "", rules: input.services.reportRules, actor: input.actor, today: input.today, now: input.now)
        let all = try await input.services.reports.reports(projectId: project.id)
        return try Responses.json(ReportDTO(saved, all: all))
    }

    struct BoardDTO: Codable, Sendable {
        struct Row: Codable, Sendable {
            var projectId: Int64
            var projectName: String
            /// Who answers for the report: the secretary seat, or the region.
            var responsible: String
            var state: String
            var stateLabel: String
            @ExplicitNull var reportId: Int64?
            @ExplicitNull var dispatch: Int64?
            @ExplicitNull var statistical: Int64?
            @ExplicitNull var submittedAt: Date?
            @ExplicitNull var version: Int?
        }
        struct Correction: Codable, Sendable {
            var projectId: Int64
            @ExplicitNull var dispatchBefore: Int64?
            var dispatchAfter: Int64
            @ExplicitNull var statisticalBefore: Int64?
            @ExplicitNull var statisticalAfter: Int64?
            var reason: String
            var actor: String
            var at: Date
        }
        var month: String
        var due: String
        /// A closed month's rows carry the snapshot figures.
        @ExplicitNull var closedAt: Date?
        var counts: [String: Int]
        /// How many projects the filter lists; `rows` holds page `page` of them.
        var listedCount: Int
        var page: Int
        var perPage: Int
        var rows: [Row]
        var corrections: [Correction]
    }

    static func board(_ input: EndpointRequest) async throws -> Response {
        let filter: ReportBoardFilter
        switch ReportBoardFilter.parse(input.queryItems.filter { $0.0 != "page" }, defaultMonth: ReportPages.reportingMonth(input.today)) {
        case .success(let parsed): filter = parsed
        case .failure(let failure): throw AppError.badQuery(failure)
        }
        // A province owes a month a hundred thousand reports: the rows are answered a page at a time.
        let paging = try ListPaging.requested(input, defaultPerPage: ReportBoardFilter.pageSize)
        let month = filter.month
        let all = try await ReportPages.boardRows(input, month: month)
        let rows = ReportPages.listed(all, filter, input)
        let closing = try await ReportPages.closing(input, month: month, rows: rows)
        func figures(_ row: ReportPages.BoardRow) -> (Int64?, Int64?) {
            guard closing.close != nil else { return (row.report?.figures.dispatch.yuan, row.report?.figures.statistical?.yuan) }
            let frozen = closing.snapshot[row.project.id]
            return (frozen?.dispatch.yuan, frozen?.statistical?.yuan)
        }
        return try Responses.json(BoardDTO(
            month: month.iso, due: month.dueDate(day: input.services.reportRules.dueDay).iso, closedAt: closing.close?.closedAt,
            counts: Dictionary(uniqueKeysWithValues: ReportPages.Tally(all).counts.map { ($0.key.rawValue, $0.value) }),
            listedCount: rows.count, page: paging.page, perPage: paging.perPage,
            rows: paging.slice(rows).map { .init(projectId: $0.project.id, projectName: $0.project.fields.name,
                                   responsible: ReportRules.responsible($0.project, catalog: input.catalog), state: $0.state.rawValue, stateLabel: $0.state.label,
                                   reportId: $0.report?.id, dispatch: figures($0).0, statistical: figures($0).1,
                                   submittedAt: $0.report?.submittedAt, version: $0.report?.version) },
            corrections: closing.corrections.map { .init(projectId: $0.projectId, dispatchBefore: $0.dispatchBefore?.yuan, dispatchAfter: $0.dispatchAfter.yuan,
                                                         statisticalBefore: $0.statisticalBefore?.yuan, statisticalAfter: $0.statisticalAfter?.yuan,
                                                         reason: $0.reason, actor: $0.actor, at: $0.at) }
        ))
    }

    struct ReviewBody: Decodable, Sendable {
        static let decisions = ["accept", "return"]
        var decision: String
        var comment: String?
        var version: Int
    }

    static func review(_ input: EndpointRequest) async throws -> Response {
        guard let report = input.report else { throw AppError.notFound }
        let body = try input.json(ReviewBody.self)
        guard ReviewBody.decisions.contains(body.decision) else {
            throw AppError.validation(ValidationFailure([FieldError("decision", .unknownCode(field: "decision", code: body.decision))]))
        }
        let saved = try await input.services.reports.review(id: report.id, accept: body.decision == "accept", comment: body.comment ?? "",
                                                            expectedVersion: body.version, actor: input.actor, now: input.now)
        let all = try await input.services.reports.reports(projectId: saved.projectId)
        return try Responses.json(ReportDTO(saved, all: all))
    }

    struct MonthBody: Decodable, Sendable {
        var month: String
        var reason: String?
    }

    struct CloseDTO: Codable, Sendable {
        var month: String
        var closed: Bool
    }

    static func closeMonth(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(MonthBody.self)
        guard let month = Month.parse(body.month) else { throw AppError.validation(ValidationFailure([FieldError("month", .dateInvalid)])) }
        _ = try await MonthCloseRepository(database: input.services.database).close(
            month: month, assessment: try await AssessmentPages.tablesToFreeze(input, month: month), actor: input.actor, today: input.today, now: input.now)
        return try Responses.json(CloseDTO(month: month.iso, closed: true))
    }

    static func reopenMonth(_ input: EndpointRequest) async throws -> Response {
        let body = try input.json(MonthBody.self)
        guard let month = Month.parse(body.month) else { throw AppError.validation(ValidationFailure([FieldError("month", .dateInvalid)])) }
        try await MonthCloseRepository(database: input.services.database).reopen(month: month, reason: body.reason ?? "", actor: input.actor, now: input.now)
        return try Responses.json(CloseDTO(month: month.iso, closed: false))
    }
}
