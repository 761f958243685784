import Foundation
import GroundbreakDomain
import GroundbreakStore
import HTTPTypes
import Hummingbird
import Plot

/// 入统: projects started but not yet in the statistics library, those admitted this month, and
/// the quarter's 集中入统 candidates; statistics staff record admissions.
enum InclusionPages {
    struct Lists: Sendable {
        struct Waiting: Sendable {
            var project: Project
            var days: Int
            var overdue: Bool
        }
        var waiting: [Waiting]
        var admittedThisMonth: [(project: Project, inclusion: StatsInclusion)]
        /// Waiting ones, and those not yet started that plan to start by the quarter's end.
        var quarterCandidates: [Project]
        var quarterEnd: Day
    }

    static func lists(_ input: EndpointRequest) async throws -> Lists {
        let rules = input.services.reportRules
        let scope = input.scope(.viewProjects)
        let projects = try await input.services.projects.projects(inStages: [.approval, .construction, .operation], scope: scope)
        let inclusions = try await input.services.inclusions.inclusions(scope: scope)
        let today = input.today
        let quarterEnd = InclusionState.quarterEnd(of: today)
        var waiting: [Lists.Waiting] = []
        var admitted: [(project: Project, inclusion: StatsInclusion)] = []
        var upcoming: [Project] = []
        for project in projects {
            switch InclusionState.of(project, inclusion: inclusions[project.id], rules: rules, today: today) {
            case .waiting(let days, let overdue): waiting.append(.init(project: project, days: days, overdue: overdue))
            case .admitted(let on): if Month(on) == Month(today), let inclusion = inclusions[project.id] { admitted.append((project, inclusion)) }
            case .notEligible:
                if project.fields.actualStart == nil, project.fields.totalInvestment >= Money.wan(rules.statsThresholdWan),
                   let planned = project.fields.plannedStart, planned <= quarterEnd, planned >= Month(today).firstDay.adding(days: -92) {
                    upcoming.append(project)
                }
            }
        }
        waiting.sort { ($0.days, $1.project.id) > ($1.days, $0.project.id) }
        return Lists(waiting: waiting, admittedThisMonth: admitted.sorted { $0.inclusion.admittedOn > $1.inclusion.admittedOn },
                     quarterCandidates: waiting.map(\.project) + upcoming.sorted { ($0.fields.plannedStart ?? today) < ($1.fields.plannedStart ?? today) },
                     quarterEnd: quarterEnd)
    }

    static func page(_ input: EndpointRequest) async throws -> Response {
        try await render(input, errors: [], failed: nil, form: FormData(pairs: []), status: .ok)
    }

    static func render(_ input: EndpointRequest, errors: [FieldError], failed: Int64?, form: FormData, status: HTTPResponse.Status) async throws -> Response {
        let page = InclusionPage(context: PageContext(input), lists: try await lists(input), rules: input.services.reportRules, catalog: input.catalog,
                                 page: Int(FormData(pairs: input.queryItems)["page"]).map { min(max($0, 1), ProjectQuery.maxPage) } ?? 1,
                                 canRecord: Policy.decide(.recordStats, for: input.principal, catalog: input.catalog) == .allow,
                                 errors: errors, failed: failed, form: form, notice: input.queryItems.first { $0.0 == "notice" }.map { _ in WebText.Monthly.saved })
        return Responses.html(page.document, status: status)
    }

    /// Reads `admittedOn`, `firstReportedMonth`, `note`, `version`; every problem is named.
    static func parse(_ fields: FormData) -> Result<(Day, Month?, String, Int?), ValidationFailure> {
        var errors: [FieldError] = []
        let admitted = Day.parse(fields["admittedOn"])
        if admitted == nil { errors.append(FieldError("admittedOn", fields["admittedOn"].isEmpty ? .required(field: "admittedOn") : .dateInvalid)) }
        var month: Month?
        if !fields["firstReportedMonth"].isEmpty {
            month = Month.parse(fields["firstReportedMonth"])
            if month == nil { errors.append(FieldError("firstReportedMonth", .dateInvalid)) }
        }
        guard errors.isEmpty, let admitted else { return .failure(ValidationFailure(errors)) }
        return .success((admitted, month, fields["note"], Int(fields["version"])))
    }

    static func record(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let form = input.form ?? FormData(pairs: [])
        return try await FormSubmission.submit({
            switch parse(form) {
            case .failure(let failure): throw StoreError.invalid(failure)
            case .success(let (admitted, month, note, version)):
                _ = try await input.services.inclusions.record(project: project, admittedOn: admitted, firstReportedMonth: month, note: note,
                                                               expectedVersion: version, actor: input.actor, today: input.today, now: input.now)
                return Responses.redirect(to: Route.stats.path(notice: "saved"))
            }
        }, refused: { try await render(input, errors: $0.errors, failed: project.id, form: form, status: $0.status) })
    }

    struct ListsDTO: Codable, Sendable {
        struct Row: Codable, Sendable {
            var projectId: Int64
            var projectName: String
            @ExplicitNull var actualStart: String?
            @ExplicitNull var plannedStart: String?
            @ExplicitNull var daysSinceStart: Int?
            var overdue: Bool
            @ExplicitNull var admittedOn: String?
            @ExplicitNull var firstReportedMonth: String?
        }
        var admitWithinDays: Int
        var quarterEnd: String
        var startedNotAdmitted: [Row]
        var admittedThisMonth: [Row]
        var quarterCandidates: [Row]
    }

    static func api(_ input: EndpointRequest) async throws -> Response {
        let lists = try await lists(input)
        func row(_ project: Project, days: Int? = nil, overdue: Bool = false, inclusion: StatsInclusion? = nil) -> ListsDTO.Row {
            .init(projectId: project.id, projectName: project.fields.name, actualStart: project.fields.actualStart?.iso,
                  plannedStart: project.fields.plannedStart?.iso, daysSinceStart: days, overdue: overdue, admittedOn: inclusion?.admittedOn.iso,
                  firstReportedMonth: inclusion?.firstReportedMonth?.iso)
        }
        return try Responses.json(ListsDTO(
            admitWithinDays: input.services.reportRules.admitWithinDays, quarterEnd: lists.quarterEnd.iso,
            startedNotAdmitted: lists.waiting.map { row($0.project, days: $0.days, overdue: $0.overdue) },
            admittedThisMonth: lists.admittedThisMonth.map { row($0.project, inclusion: $0.inclusion) },
            quarterCandidates: lists.quarterCandidates.map { row($0) }
        ))
    }

    struct RecordBody: Decodable, Sendable {
        var admittedOn: String
        var firstReportedMonth: String?
        var note: String?
        var version: Int?
    }

    struct InclusionDTO: Codable, Sendable {
        var projectId: Int64
        var admittedOn: String
        @ExplicitNull var firstReportedMonth: String?
        var note: String
        var recordedBy: String
        var version: Int
    }

    static func apiRecord(_ input: EndpointRequest) async throws -> Response {
        let project = try input.targetProject()
        let body = try input.json(RecordBody.self)
        let form = FormData(pairs: [("admittedOn", body.admittedOn), ("firstReportedMonth", body.firstReportedMonth ?? ""), ("note", body.note ?? ""),
                                    ("version", body.version.map(String.init) ?? "")])
        switch parse(form) {
        case .failure(let failure): throw AppError.validation(failure)
        case .success(let (admitted, month, note, version)):
            let saved = try await input.services.inclusions.record(project: project, admittedOn: admitted, firstReportedMonth: month, note: note,
                                                                   expectedVersion: version, actor: input.actor, today: input.today, now: input.now)
            return try Responses.json(InclusionDTO(projectId: saved.projectId, admittedOn: saved.admittedOn.iso, firstReportedMonth: saved.firstReportedMonth?.iso,
                                                   note: saved.note, recordedBy: saved.recordedBy, version: saved.version))
        }
    }
}

struct InclusionPage {
    var context: PageContext
    var lists: InclusionPages.Lists
    var rules: ReportRules
    var catalog: ReferenceCatalog
    /// The page of the started-not-admitted list shown (50 rows, most overdue first).
    var page: Int
    var canRecord: Bool
    var errors: [FieldError]
    var failed: Int64?

    static let pageSize = 50
    var form: FormData
    var notice: String?

    var document: HTML {
        Layout.document(title: WebText.Monthly.statsTitle, context: context, nav: .reports, content: .group(
            .h1(.text(WebText.Monthly.statsTitle)),
            Components.notice(notice),
            Components.errorSummary(errors),
            .p(.class("meta"), .text(WebText.Monthly.statsRule(rules.statsThresholdWan, rules.admitWithinDays))),
            .h2(.text(WebText.Monthly.startedNotAdmitted(lists.waiting.count))),
            Components.listTotal(lists.waiting.count, WebText.Monthly.listedCount(lists.waiting.count)),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Monthly.project)), .th(.text(WebText.Monthly.region)), .th(.text(WebText.Monthly.actualStart)), .th(.class("num"), .text(WebText.Monthly.daysSinceStart)), .th(.text(WebText.Monthly.recordAdmission)))),
                .tbody(.forEach(Array(lists.waiting.dropFirst((shownPage - 1) * Self.pageSize).prefix(Self.pageSize))) { row in
                    .tr(.class(row.overdue ? "row-error" : ""),
                        .td(.class("name"), .a(.href(esc(Route.project(row.project.id).path)), .text(row.project.fields.name))),
                        .td(.text(catalog.region(row.project.fields.regionCode)?.name ?? row.project.fields.regionCode)),
                        .td(.text(row.project.fields.actualStart?.iso ?? "")),
                        .td(.class("num"), .span(.class(row.overdue ? "flag flag-red" : ""), .text(String(row.days)))),
                        .td(canRecord ? recordForm(row.project) : .empty))
                }))),
            Components.pagination(page: shownPage, pageCount: pageCount) { Route.stats.path(adding: [("page", String($0))]) },
            .h2(.text(WebText.Monthly.admittedThisMonth(lists.admittedThisMonth.count))),
            .div(.class("table-wrap"), .table(.class("ledger"),
                .thead(.tr(.th(.text(WebText.Monthly.project)), .th(.text(WebText.Monthly.actualStart)), .th(.text(WebText.Monthly.admittedOn)), .th(.text(WebText.Monthly.firstReported)), .th(.text(WebText.Monthly.recordedBy)))),
                .tbody(.forEach(lists.admittedThisMonth) { entry in
                    .tr(.td(.class("name"), .a(.href(esc(Route.project(entry.project.id).path)), .text(entry.project.fields.name))),
                        .td(.text(entry.project.fields.actualStart?.iso ?? "")), .td(.text(entry.inclusion.admittedOn.iso)),
                        .td(.text(entry.inclusion.firstReportedMonth?.label ?? "—")), .td(.text(entry.inclusion.recordedBy)))
                }))),
            .h2(.text(WebText.Monthly.quarterCandidates(lists.quarterEnd.iso, lists.quarterCandidates.count))),
            .p(.class("meta"), .text(WebText.Monthly.quarterCandidatesHint)),
            .ul(.forEach(lists.quarterCandidates) { project in
                .li(.a(.href(esc(Route.project(project.id).path)), .text(project.fields.name)),
                    .span(.class("muted"), .text(project.fields.actualStart.map { WebText.Monthly.startedOn($0.iso) } ?? WebText.Monthly.plannedStartOn(project.fields.plannedStart?.iso ?? ""))))
            })
        ))
    }

    var pageCount: Int { max(1, (lists.waiting.count + Self.pageSize - 1) / Self.pageSize) }
    var shownPage: Int { min(page, pageCount) }

    private func recordForm(_ project: Project) -> Node<HTML.BodyContext> {
        let sent = failed == project.id
        func messages(_ field: String) -> [String] { sent ? errors.filter { $0.field == field }.map(\.message) : [] }
        let prefix = "i\(project.id)-"
        return .form(.method(.post), .action(esc(Route.recordInclusion(project.id).path)), .class("inline-form"),
            Layout.csrfField(context),
            Components.textField("admittedOn", label: WebText.Monthly.admittedOn, value: sent ? form["admittedOn"] : "", errors: messages("admittedOn"), inputType: .date, form: prefix),
            Components.textField("firstReportedMonth", label: WebText.Monthly.firstReportedMonth, value: sent ? form["firstReportedMonth"] : "", errors: messages("firstReportedMonth"),
                                 placeholder: "2026-11", form: prefix),
            .button(.type(.submit), .class("button secondary"), .text(WebText.Monthly.record)))
    }
}
